package org.hearth.chain.tx;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.hearth.chain.Hex;
import org.hearth.chain.RpcClient;
import org.hearth.chain.RpcException;
import org.hearth.store.TxRepository;

/**
 * Moves pending transactions on: a receipt makes them CONFIRMED or FAILED; once the account's mined
 * nonce has passed theirs without a receipt, another transaction took the nonce and they are REPLACED;
 * one the node has forgotten is broadcast again from its stored signed bytes.
 */
public final class TxTracker {

    private final RpcClient rpc;
    private final TxRepository repository;

    public TxTracker(RpcClient rpc, TxRepository repository) {
        this.rpc = rpc;
        this.repository = repository;
    }

    /** Checks every pending transaction of {@code address}; returns those whose status changed. */
    public List<TxRecord> refresh(long chainId, String address) {
        List<TxRecord> changed = new ArrayList<>();
        List<TxRecord> pending = repository.pending(chainId, address);
        if (pending.isEmpty()) {
            return changed;
        }
        long minedNonce = rpc.callQuantity("eth_getTransactionCount", address, "latest").longValueExact();
        for (TxRecord tx : pending) {
            JsonNode receipt = rpc.call("eth_getTransactionReceipt", tx.hash());
            if (!mined(receipt) && tx.nonce() < minedNonce) {
                receipt = rpc.call("eth_getTransactionReceipt", tx.hash()); // read after the nonce: it may just have landed
            }
            TxRecord updated = null;
            if (mined(receipt)) {
                TxStatus status = "0x1".equals(receipt.path("status").asText()) ? TxStatus.CONFIRMED : TxStatus.FAILED;
                updated = tx.withStatus(status, quantity(receipt, "blockNumber").longValueExact(),
                        quantity(receipt, "gasUsed"), quantity(receipt, "effectiveGasPrice"));
            } else if (tx.nonce() < minedNonce && !stillKnown(tx)) {
                updated = tx.withStatus(TxStatus.REPLACED, null, null, null);
            } else {
                rebroadcastIfForgotten(tx);
            }
            if (updated != null) {
                repository.updateStatus(updated);
                changed.add(updated);
            }
        }
        return changed;
    }

    private static boolean mined(JsonNode receipt) {
        return receipt != null && !receipt.isNull() && receipt.hasNonNull("blockNumber");
    }

    /**
     * The account's nonce can move past a transaction before the node serves it as mined (anvil under load
     * answers the new nonce while the transaction is still shown pending, without a receipt): a transaction
     * the node still knows took its own nonce; one that another transaction replaced is gone from it.
     */
    private boolean stillKnown(TxRecord tx) {
        JsonNode known = rpc.call("eth_getTransactionByHash", tx.hash());
        return known != null && !known.isNull();
    }

    /** A node restart or mempool eviction loses pending transactions; the signed bytes are kept, so send them again. */
    private void rebroadcastIfForgotten(TxRecord tx) {
        JsonNode known = rpc.call("eth_getTransactionByHash", tx.hash());
        if (known == null || known.isNull()) {
            try {
                rpc.call("eth_sendRawTransaction", tx.raw());
            } catch (RpcException e) {
                if (e.isTransport()) {
                    throw e;
                }
                // "nonce too low" or "already known": the next refresh settles its status
            }
        }
    }

    private BigInteger quantity(JsonNode receipt, String field) {
        return Hex.quantity(receipt.path(field).asText(), () -> new RpcException(rpc.displayEndpoint(),
                "eth_getTransactionReceipt", "malformed " + field, null, null, null));
    }
}
