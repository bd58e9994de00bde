package org.hearth.index;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Something derived from blocks. Called inside the indexer's database transaction, so a block's
 * effects and the checkpoint move together (a crash never leaves them apart).
 */
public interface BlockSubscriber {

    /** A new canonical block with full transaction objects. */
    void onBlock(Connection tx, long chainId, JsonNode block) throws SQLException;

    /** Blocks from {@code fromBlock} on were reorganised away: forget what came from them. */
    void onRollback(Connection tx, long chainId, long fromBlock) throws SQLException;
}
