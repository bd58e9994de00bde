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
 * Records successful top-level transactions that send ether to a watched address. Ether moved by
 * contracts inside a transaction (internal transfers) comes from call traces: {@link InternalTransfers}.
 */
public final class IncomingTransfers implements BlockSubscriber {

    private final RpcClient rpc;
    private final Database db;
    private final Set<String> watched = ConcurrentHashMap.newKeySet();

    public IncomingTransfers(RpcClient rpc, Database db) {
        this.rpc = rpc;
        this.db = db;
    }

    public void watch(String address) {
        watched.add(address.toLowerCase(Locale.ROOT));
    }

    @Override
    public String id() {
        return "eth-incoming";
    }

    @Override
    public RowWriter read(long chainId, JsonNode block) {
        long number = Hex.quantity(block.path("number").asText(), IllegalStateException::new).longValueExact();
        List<IncomingTransfer> found = new ArrayList<>();
        for (JsonNode tx : block.path("transactions")) {
            String to = tx.path("to").asText("").toLowerCase(Locale.ROOT);
            if (!watched.contains(to)) {
                continue;
            }
            BigInteger value = Hex.quantity(tx.path("value").asText("0x0"), IllegalStateException::new);
            if (value.signum() == 0 || !succeeded(tx.path("hash").asText())) {
                continue;
            }
            found.add(new IncomingTransfer(tx.path("hash").asText(), number, tx.path("from").asText().toLowerCase(Locale.ROOT), to, value));
        }
        if (found.isEmpty()) {
            return RowWriter.NOTHING;
        }
        return c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO incoming_transfer"
                    + "(chain_id, tx_hash, block_number, sender, recipient, value_wei) VALUES(?, ?, ?, ?, ?, ?)")) {
                for (IncomingTransfer t : found) {
                    ps.setLong(1, chainId);
                    ps.setString(2, t.txHash());
                    ps.setLong(3, t.blockNumber());
                    ps.setString(4, t.sender());
                    ps.setString(5, t.recipient());
                    ps.setString(6, t.value().toString());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        };
    }

    @Override
    public void onRollback(Connection c, long chainId, long fromBlock) throws SQLException {
        BlockRows.rollback(c, "incoming_transfer", chainId, fromBlock);
    }

    /** Newest first. */
    public List<IncomingTransfer> to(long chainId, String address) {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT tx_hash, block_number, sender, recipient, value_wei FROM incoming_transfer "
                        + "WHERE chain_id = ? AND recipient = ? ORDER BY block_number DESC")) {
            ps.setLong(1, chainId);
            ps.setString(2, address.toLowerCase(Locale.ROOT));
            List<IncomingTransfer> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new IncomingTransfer(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4), new BigInteger(rs.getString(5))));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("Cannot read incoming transfers: " + e.getMessage(), e);
        }
    }

    private boolean succeeded(String hash) {
        JsonNode receipt = rpc.call("eth_getTransactionReceipt", hash);
        return receipt != null && "0x1".equals(receipt.path("status").asText());
    }
}
