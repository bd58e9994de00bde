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
 * Records every mined transaction a watched address sent, with its fee and outcome from the receipt,
 * wherever it was signed: the same key in another wallet, a script, a dev tool. The history shows the
 * ones this app did not send itself, so the balance is explained.
 */
public final class OutgoingTransactions implements BlockSubscriber {

    private final RpcClient rpc;
    private final Database db;
    private final Set<String> watched = ConcurrentHashMap.newKeySet();

    public OutgoingTransactions(RpcClient rpc, Database db) {
        this.rpc = rpc;
        this.db = db;
    }

    public void watch(String address) {
        watched.add(address.toLowerCase(Locale.ROOT));
    }

    @Override
    public String id() {
        return "eth-outgoing";
    }

    @Override
    public RowWriter read(long chainId, JsonNode block) {
        if (watched.isEmpty()) {
            return RowWriter.NOTHING;
        }
        long number = quantity(block.path("number")).longValueExact();
        List<OutgoingTransaction> sent = new ArrayList<>();
        for (JsonNode tx : block.path("transactions")) {
            String from = tx.path("from").asText("").toLowerCase(Locale.ROOT);
            if (!watched.contains(from)) {
                continue;
            }
            String hash = tx.path("hash").asText();
            JsonNode receipt = rpc.call("eth_getTransactionReceipt", hash);
            if (receipt == null || receipt.isNull()) {
                // the block says it is mined; a node that cannot give the receipt yet is retried with the block
                throw new IllegalStateException("No receipt yet for " + hash + " in block " + number);
            }
            // receipts before London carry no effectiveGasPrice; the transaction's gasPrice is what was paid then
            JsonNode price = receipt.hasNonNull("effectiveGasPrice") ? receipt.path("effectiveGasPrice") : tx.path("gasPrice");
            BigInteger fee = quantity(receipt.path("gasUsed")).multiply(quantity(price));
            String to = tx.path("to").isTextual() ? tx.path("to").asText().toLowerCase(Locale.ROOT) : null;
            sent.add(new OutgoingTransaction(hash.toLowerCase(Locale.ROOT), number, from, to, quantity(tx.path("nonce")).longValueExact(),
                    quantity(tx.path("value")), fee, "0x1".equals(receipt.path("status").asText())));
        }
        if (sent.isEmpty()) {
            return RowWriter.NOTHING;
        }
        return c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO outgoing_tx"
                    + "(chain_id, tx_hash, block_number, sender, recipient, nonce, value_wei, fee_wei, succeeded) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (OutgoingTransaction t : sent) {
                    ps.setLong(1, chainId);
                    ps.setString(2, t.txHash());
                    ps.setLong(3, t.blockNumber());
                    ps.setString(4, t.sender());
                    ps.setString(5, t.recipient());
                    ps.setLong(6, t.nonce());
                    ps.setString(7, t.value().toString());
                    ps.setString(8, t.fee().toString());
                    ps.setInt(9, t.succeeded() ? 1 : 0);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        };
    }

    @Override
    public void onRollback(Connection c, long chainId, long fromBlock) throws SQLException {
        BlockRows.rollback(c, "outgoing_tx", chainId, fromBlock);
    }

    /** Newest first. */
    public List<OutgoingTransaction> from(long chainId, String address) {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT tx_hash, block_number, sender, recipient, nonce, value_wei, fee_wei, succeeded FROM outgoing_tx "
                        + "WHERE chain_id = ? AND sender = ? ORDER BY block_number DESC, nonce DESC")) {
            ps.setLong(1, chainId);
            ps.setString(2, address.toLowerCase(Locale.ROOT));
            List<OutgoingTransaction> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new OutgoingTransaction(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                            new BigInteger(rs.getString(6)), new BigInteger(rs.getString(7)), rs.getInt(8) == 1));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("Cannot read outgoing transactions: " + e.getMessage(), e);
        }
    }

    private static BigInteger quantity(JsonNode field) {
        return Hex.quantity(field.asText("0x0"), IllegalStateException::new);
    }
}
