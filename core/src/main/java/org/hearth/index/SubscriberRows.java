package org.hearth.index;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What every log subscriber's table shares: a reorg rollback deletes the rows of the watched keys from
 * a block on, and indexed address topics are read the same way. Table and column names come from the
 * subscribers' own constants, never from input.
 */
public final class SubscriberRows {

    private SubscriberRows() {
    }

    /**
     * Deletes the rows of {@code table} on {@code chainId} from {@code fromBlock} on whose value in any
     * of {@code keyColumns} is one of {@code keys}.
     */
    public static int deleteFrom(Connection c, String table, long chainId, long fromBlock, Collection<String> keys,
                                 List<String> keyColumns) throws SQLException {
        if (keys.isEmpty()) {
            return 0;
        }
        String marks = String.join(",", Collections.nCopies(keys.size(), "?"));
        String match = keyColumns.stream().map(column -> column + " IN (" + marks + ")").collect(Collectors.joining(" OR "));
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE chain_id = ? AND block_number >= ? AND ("
                + match + ")")) {
            ps.setLong(1, chainId);
            ps.setLong(2, fromBlock);
            int i = 3;
            for (int column = 0; column < keyColumns.size(); column++) {
                for (String key : keys) {
                    ps.setString(i++, key);
                }
            }
            return ps.executeUpdate();
        }
    }

    /** The address in an indexed address topic (32 bytes, the last 20 are the address), lower case. */
    public static String topicAddress(String topic) {
        return ("0x" + topic.substring(26)).toLowerCase(Locale.ROOT);
    }
}
