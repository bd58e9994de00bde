package org.hearth.index;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.hearth.chain.Hex;
import org.hearth.chain.RpcClient;
import org.hearth.store.Database;
import org.hearth.store.StoreException;

/**
 * Records ether that contracts send to a watched address inside transactions (refunds, payouts),
 * found in the block's call traces. Blocks without transactions are not traced; on a node without
 * traces nothing is recorded and {@link #tracing()} says so.
 */
public final class InternalTransfers implements BlockSubscriber {

    private final BlockTracer tracer;
    private final Database db;
    private final Set<String> watched = ConcurrentHashMap.newKeySet();

    public InternalTransfers(RpcClient rpc, Database db) {
        this.tracer = new BlockTracer(rpc);
        this.db = db;
    }

    public void watch(String address) {
        watched.add(address.toLowerCase(Locale.ROOT));
    }

    /** Whether this node's traces are used; UNAVAILABLE means internal transfers are missing from history. */
    public TraceAvailability tracing() {
        return tracer.availability();
    }

    @Override
    public String id() {
        return "eth-internal";
    }

    @Override
    public RowWriter read(long chainId, JsonNode block) {
        if (watched.isEmpty() || block.path("transactions").isEmpty()) {
            return RowWriter.NOTHING;
        }
        long number = Hex.quantity(block.path("number").asText(), IllegalStateException::new).longValueExact();
        BlockTracer.Outcome traced = tracer.trace(block, number);
        if (traced.transfers() == null) {
            return RowWriter.NOTHING;
        }
        if (traced.untraceable()) {
            return c -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT OR IGNORE INTO trace_gap(chain_id, block_number) VALUES(?, ?)")) {
                    ps.setLong(1, chainId);
                    ps.setLong(2, number);
                    ps.executeUpdate();
                }
            };
        }
        List<InternalTransfer> ours = traced.transfers().stream().filter(t -> watched.contains(t.recipient())).toList();
        return c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO internal_transfer"
                    + "(chain_id, tx_hash, trace_position, block_number, sender, recipient, value_wei) VALUES(?, ?, ?, ?, ?, ?, ?)")) {
                for (InternalTransfer t : ours) {
                    ps.setLong(1, chainId);
                    ps.setString(2, t.txHash());
                    ps.setInt(3, t.tracePosition());
                    ps.setLong(4, t.blockNumber());
                    ps.setString(5, t.sender());
                    ps.setString(6, t.recipient());
                    ps.setString(7, t.value().toString());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        };
    }

    @Override
    public void onRollback(Connection c, long chainId, long fromBlock) throws SQLException {
        BlockRows.rollback(c, "internal_transfer", chainId, fromBlock);
        BlockRows.rollback(c, "trace_gap", chainId, fromBlock);
    }

    /** Runs of blocks whose traces the node could not give (their internal transfers are unknown), oldest first. */
    public List<BlockRange> gaps(long chainId) {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT block_number FROM trace_gap WHERE chain_id = ? ORDER BY block_number")) {
            ps.setLong(1, chainId);
            List<BlockRange> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long n = rs.getLong(1);
                    BlockRange last = out.isEmpty() ? null : out.getLast();
                    if (last != null && last.to() + 1 == n) {
                        out.set(out.size() - 1, new BlockRange(last.from(), n));
                    } else {
                        out.add(new BlockRange(n, n));
                    }
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("Cannot read trace gaps: " + e.getMessage(), e);
        }
    }

    /** Newest block first; within a transaction in call order. */
    public List<InternalTransfer> to(long chainId, String address) {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT tx_hash, block_number, trace_position, sender, recipient, value_wei FROM internal_transfer "
                        + "WHERE chain_id = ? AND recipient = ? ORDER BY block_number DESC, tx_hash, trace_position")) {
            ps.setLong(1, chainId);
            ps.setString(2, address.toLowerCase(Locale.ROOT));
            List<InternalTransfer> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new InternalTransfer(rs.getString(1), rs.getLong(2), rs.getInt(3), rs.getString(4), rs.getString(5),
                            new BigInteger(rs.getString(6))));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("Cannot read internal transfers: " + e.getMessage(), e);
        }
    }
}
