package org.hearth.store;

import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.hearth.chain.tx.Fees;
import org.hearth.chain.tx.TxKind;
import org.hearth.chain.tx.TxRecord;
import org.hearth.chain.tx.TxStatus;

/** Transactions this app sent: nonces that survive restarts, tracking and history. */
public final class TxRepository {

    private static final String COLUMNS = "hash, chain_id, sender, nonce, recipient, value_wei, data, gas_limit, max_fee_wei, "
            + "max_priority_fee_wei, kind, replaces, status, block_number, gas_used, effective_gas_price, raw, created_at, updated_at";

    private final Database db;

    public TxRepository(Database db) {
        this.db = db;
    }

    public void insert(TxRecord tx) {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO tx(" + COLUMNS + ") VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
            ps.setString(1, tx.hash());
            ps.setLong(2, tx.chainId());
            ps.setString(3, tx.sender().toLowerCase());
            ps.setLong(4, tx.nonce());
            ps.setString(5, tx.recipient() == null ? null : tx.recipient().toLowerCase());
            ps.setString(6, tx.value().toString());
            ps.setString(7, tx.data());
            ps.setString(8, tx.gasLimit().toString());
            ps.setString(9, tx.fees().maxFeePerGas().toString());
            ps.setString(10, tx.fees().maxPriorityFeePerGas().toString());
            ps.setString(11, tx.kind().name());
            ps.setString(12, tx.replaces());
            ps.setString(13, tx.status().name());
            setNullableLong(ps, 14, tx.blockNumber());
            ps.setString(15, tx.gasUsed() == null ? null : tx.gasUsed().toString());
            ps.setString(16, tx.effectiveGasPrice() == null ? null : tx.effectiveGasPrice().toString());
            ps.setString(17, tx.raw());
            ps.setString(18, tx.createdAt().toString());
            ps.setString(19, tx.updatedAt().toString());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("Cannot record transaction " + tx.hash() + ": " + e.getMessage(), e);
        }
    }

    public void updateStatus(TxRecord tx) {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
                "UPDATE tx SET status = ?, block_number = ?, gas_used = ?, effective_gas_price = ?, updated_at = ? WHERE hash = ?")) {
            ps.setString(1, tx.status().name());
            setNullableLong(ps, 2, tx.blockNumber());
            ps.setString(3, tx.gasUsed() == null ? null : tx.gasUsed().toString());
            ps.setString(4, tx.effectiveGasPrice() == null ? null : tx.effectiveGasPrice().toString());
            ps.setString(5, Instant.now().toString());
            ps.setString(6, tx.hash());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("Cannot update transaction " + tx.hash() + ": " + e.getMessage(), e);
        }
    }

    public Optional<TxRecord> find(String hash) {
        List<TxRecord> found = query("SELECT " + COLUMNS + " FROM tx WHERE hash = ?", ps -> ps.setString(1, hash));
        return found.stream().findFirst();
    }

    /** The highest nonce among this sender's still-pending transactions on the chain. */
    public OptionalLong highestPendingNonce(long chainId, String sender) {
        List<TxRecord> pending = pending(chainId, sender);
        return pending.stream().mapToLong(TxRecord::nonce).max();
    }

    public List<TxRecord> pending(long chainId, String sender) {
        return query("SELECT " + COLUMNS + " FROM tx WHERE chain_id = ? AND sender = ? AND status = 'PENDING' ORDER BY nonce",
                ps -> {
                    ps.setLong(1, chainId);
                    ps.setString(2, sender.toLowerCase());
                });
    }

    /** Newest first. */
    public List<TxRecord> history(long chainId, String sender) {
        return query("SELECT " + COLUMNS + " FROM tx WHERE chain_id = ? AND sender = ? ORDER BY nonce DESC, created_at DESC",
                ps -> {
                    ps.setLong(1, chainId);
                    ps.setString(2, sender.toLowerCase());
                });
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private List<TxRecord> query(String sql, Binder binder) {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            List<TxRecord> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("Cannot read transactions: " + e.getMessage(), e);
        }
    }

    private static TxRecord read(ResultSet rs) throws SQLException {
        long block = rs.getLong("block_number");
        Long blockNumber = rs.wasNull() ? null : block;
        return new TxRecord(rs.getString("hash"), rs.getLong("chain_id"), rs.getString("sender"), rs.getLong("nonce"),
                rs.getString("recipient"), new BigInteger(rs.getString("value_wei")), rs.getString("data"),
                new BigInteger(rs.getString("gas_limit")),
                new Fees(new BigInteger(rs.getString("max_fee_wei")), new BigInteger(rs.getString("max_priority_fee_wei"))),
                TxKind.valueOf(rs.getString("kind")), rs.getString("replaces"), TxStatus.valueOf(rs.getString("status")),
                blockNumber, bigOrNull(rs.getString("gas_used")), bigOrNull(rs.getString("effective_gas_price")),
                rs.getString("raw"), Instant.parse(rs.getString("created_at")), Instant.parse(rs.getString("updated_at")));
    }

    private static BigInteger bigOrNull(String s) {
        return s == null ? null : new BigInteger(s);
    }

    private static void setNullableLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setLong(index, value);
        }
    }
}
