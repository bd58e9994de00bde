package org.hearth.index;

import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.hearth.store.Database;
import org.hearth.store.StoreException;

/**
 * ERC-20 {@code Transfer} events from or to watched accounts (the keys), any token. ERC-721 shares
 * the event signature but indexes its third argument, so only logs with three topics and a 32-byte
 * value are taken.
 */
public final class Erc20Transfers implements LogSubscriber {

    public static final String ID = "erc20-transfers";

    /** keccak256("Transfer(address,address,uint256)"). */
    public static final String TRANSFER_TOPIC = "0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef";

    private final Database db;

    public Erc20Transfers(Database db) {
        this.db = db;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<LogFilter> filters(Collection<String> keys) {
        List<String> words = keys.stream().map(LogFilter::addressTopic).toList();
        List<String> transfer = List.of(TRANSFER_TOPIC);
        return List.of(new LogFilter(List.of(), List.of(transfer, words)),
                new LogFilter(List.of(), java.util.Arrays.asList(transfer, null, words)));
    }

    @Override
    public void write(Connection c, long chainId, List<ChainLog> logs) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT OR IGNORE INTO erc20_transfer"
                + "(chain_id, token, block_number, tx_hash, log_index, sender, recipient, value) VALUES(?, ?, ?, ?, ?, ?, ?, ?)")) {
            int batched = 0;
            for (ChainLog log : logs) {
                if (log.topics().size() != 3 || log.data().length() != 66 || !TRANSFER_TOPIC.equals(log.topics().getFirst())) {
                    continue; // ERC-721 (tokenId indexed) or a malformed emitter
                }
                ps.setLong(1, chainId);
                ps.setString(2, log.address());
                ps.setLong(3, log.blockNumber());
                ps.setString(4, log.txHash());
                ps.setInt(5, log.logIndex());
                ps.setString(6, SubscriberRows.topicAddress(log.topics().get(1)));
                ps.setString(7, SubscriberRows.topicAddress(log.topics().get(2)));
                ps.setString(8, new BigInteger(log.data().substring(2), 16).toString());
                ps.addBatch();
                if (++batched % 5_000 == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
    }

    @Override
    public void rollback(Connection c, long chainId, Collection<String> keys, long fromBlock) throws SQLException {
        SubscriberRows.deleteFrom(c, "erc20_transfer", chainId, fromBlock, keys, List.of("sender", "recipient"));
    }

    /** Transfers from or to {@code account}, oldest first. */
    public List<Erc20Transfer> of(long chainId, String account) {
        String a = account.toLowerCase(java.util.Locale.ROOT);
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT token, block_number, tx_hash, log_index, sender, recipient, value FROM erc20_transfer "
                        + "WHERE chain_id = ? AND (sender = ? OR recipient = ?) ORDER BY block_number, log_index")) {
            ps.setLong(1, chainId);
            ps.setString(2, a);
            ps.setString(3, a);
            List<Erc20Transfer> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Erc20Transfer(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getInt(4), rs.getString(5),
                            rs.getString(6), new BigInteger(rs.getString(7))));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("Cannot read token transfers: " + e.getMessage(), e);
        }
    }

    /** How many transfers are stored for this chain. */
    public long count(long chainId) {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM erc20_transfer WHERE chain_id = ?")) {
            ps.setLong(1, chainId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw new StoreException("Cannot count token transfers: " + e.getMessage(), e);
        }
    }

}
