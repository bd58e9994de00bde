package org.hearth.index;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Something derived from whole blocks (ether transfers, which have no logs). Each subscriber keeps its
 * own checkpoint under {@link #id()}, so one added later backfills while the others go on. The
 * indexer asks {@link #read} first (RPC calls allowed, no database), then applies what it returns in
 * one SQLite transaction with the checkpoint: a crash never leaves them apart, and no RPC call runs
 * while the database is locked.
 */
public interface BlockSubscriber {

    /** Stable name of this subscriber's checkpoint, e.g. {@code eth-incoming}. */
    String id();

    /** Reads what a new canonical block (with full transaction objects) means for this subscriber. */
    RowWriter read(long chainId, JsonNode block);

    /** Blocks from {@code fromBlock} on were reorganised away: forget what came from them. */
    void onRollback(Connection tx, long chainId, long fromBlock) throws SQLException;

    /** Rows to write, in the indexer's transaction. */
    @FunctionalInterface
    interface RowWriter {
        RowWriter NOTHING = c -> { };

        void write(Connection tx) throws SQLException;
    }
}
