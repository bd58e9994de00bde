package org.hearth.index;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** What the indexed tables share: each row names its chain and block, so a reorg drops rows by block. */
final class BlockRows {

    private BlockRows() {
    }

    /** Deletes {@code table}'s rows of {@code chainId} from {@code fromBlock} on. {@code table} is a constant of ours. */
    static void rollback(Connection c, String table, long chainId, long fromBlock) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE chain_id = ? AND block_number >= ?")) {
            ps.setLong(1, chainId);
            ps.setLong(2, fromBlock);
            ps.executeUpdate();
        }
    }
}
