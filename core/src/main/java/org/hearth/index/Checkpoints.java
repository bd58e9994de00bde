package org.hearth.index;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.hearth.store.Database;
import org.hearth.store.StoreException;

/**
 * The indexer's cursors: per subscriber, chain and key (a watched account, or '' for a subscriber
 * with one cursor), the start block, the last block scanned and the recent block hashes seen, so a
 * reorganisation is noticed and rolled back for that cursor alone. Writes take the caller's
 * transaction, so a cursor moves together with the rows it produced.
 */
final class Checkpoints {

    /** Hashes further than this below a cursor's checkpoint are forgotten (the checkpoint's own is always kept). */
    static final int MAX_REORG_DEPTH = 64;

    private final Database db;
    private final long chainId;

    Checkpoints(Database db, long chainId) {
        this.db = db;
        this.chainId = chainId;
    }

    long chainId() {
        return chainId;
    }

    /** Creates the cursor at {@code start} unless it exists (an existing one keeps its place). */
    void ensure(String subscriber, String key, long start) {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
                "INSERT OR IGNORE INTO index_cursor(subscriber, chain_id, cursor_key, start_block, checkpoint) VALUES(?, ?, ?, ?, ?)")) {
            ps.setString(1, subscriber);
            ps.setLong(2, chainId);
            ps.setString(3, key);
            ps.setLong(4, start);
            ps.setLong(5, start - 1);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("Cannot create the index cursor: " + e.getMessage(), e);
        }
    }

    /** The cursors of {@code subscriber} on this chain, or of every subscriber when it is null. */
    List<IndexCursor> cursors(String subscriber) {
        String sql = "SELECT subscriber, cursor_key, start_block, checkpoint FROM index_cursor WHERE chain_id = ?"
                + (subscriber == null ? "" : " AND subscriber = ?") + " ORDER BY subscriber, cursor_key";
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, chainId);
            if (subscriber != null) {
                ps.setString(2, subscriber);
            }
            List<IndexCursor> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new IndexCursor(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("Cannot read the index cursors: " + e.getMessage(), e);
        }
    }

    /** The remembered hashes of one cursor, by block number. */
    NavigableMap<Long, String> hashes(String subscriber, String key) {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT number, hash FROM index_cursor_hash WHERE subscriber = ? AND chain_id = ? AND cursor_key = ?")) {
            ps.setString(1, subscriber);
            ps.setLong(2, chainId);
            ps.setString(3, key);
            NavigableMap<Long, String> out = new TreeMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getLong(1), rs.getString(2));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("Cannot read the index hashes: " + e.getMessage(), e);
        }
    }

    /** Moves the cursors of {@code keys} to {@code to}, remembering {@code seen} hashes (which include {@code to}'s). */
    void advance(Connection c, String subscriber, Collection<String> keys, long to, Map<Long, String> seen) throws SQLException {
        try (PreparedStatement move = c.prepareStatement(
                "UPDATE index_cursor SET checkpoint = ? WHERE subscriber = ? AND chain_id = ? AND cursor_key = ?");
             PreparedStatement remember = c.prepareStatement(
                     "INSERT OR REPLACE INTO index_cursor_hash(subscriber, chain_id, cursor_key, number, hash) VALUES(?, ?, ?, ?, ?)");
             PreparedStatement prune = c.prepareStatement(
                     "DELETE FROM index_cursor_hash WHERE subscriber = ? AND chain_id = ? AND cursor_key = ? AND number < ?")) {
            for (String key : keys) {
                move.setLong(1, to);
                move.setString(2, subscriber);
                move.setLong(3, chainId);
                move.setString(4, key);
                move.addBatch();
                for (Map.Entry<Long, String> e : seen.entrySet()) {
                    if (e.getKey() > to - MAX_REORG_DEPTH) {
                        remember.setString(1, subscriber);
                        remember.setLong(2, chainId);
                        remember.setString(3, key);
                        remember.setLong(4, e.getKey());
                        remember.setString(5, e.getValue());
                        remember.addBatch();
                    }
                }
                prune.setString(1, subscriber);
                prune.setLong(2, chainId);
                prune.setString(3, key);
                prune.setLong(4, to - MAX_REORG_DEPTH);
                prune.addBatch();
            }
            move.executeBatch();
            remember.executeBatch();
            prune.executeBatch();
        }
    }

    /**
     * Sets the cursors of {@code keys} that passed {@code from} back to {@code from - 1} (never
     * before their start) and forgets their hashes from {@code from} on.
     */
    void rewind(Connection c, String subscriber, Collection<String> keys, long from) throws SQLException {
        try (PreparedStatement move = c.prepareStatement("UPDATE index_cursor SET checkpoint = MAX(start_block - 1, ?) "
                + "WHERE subscriber = ? AND chain_id = ? AND cursor_key = ? AND checkpoint >= ?");
             PreparedStatement forget = c.prepareStatement(
                     "DELETE FROM index_cursor_hash WHERE subscriber = ? AND chain_id = ? AND cursor_key = ? AND number >= ?")) {
            for (String key : keys) {
                move.setLong(1, from - 1);
                move.setString(2, subscriber);
                move.setLong(3, chainId);
                move.setString(4, key);
                move.setLong(5, from);
                move.addBatch();
                forget.setString(1, subscriber);
                forget.setLong(2, chainId);
                forget.setString(3, key);
                forget.setLong(4, from);
                forget.addBatch();
            }
            move.executeBatch();
            forget.executeBatch();
        }
    }

    interface Work {
        void run(Connection c) throws SQLException;
    }

    /** Runs {@code work} in one SQLite transaction. Callers fetch from the node before, never inside. */
    void inTransaction(Work work) {
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            try {
                work.run(c);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("Cannot update the index: " + e.getMessage(), e);
        }
    }
}
