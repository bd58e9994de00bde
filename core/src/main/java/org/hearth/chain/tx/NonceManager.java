package org.hearth.chain.tx;

import org.hearth.chain.RpcClient;
import org.hearth.store.TxRepository;

/**
 * The next nonce for an address: the node's pending count (which sees sends made from other
 * wallets), but never below one past our own recorded pending transactions (which the node may
 * have forgotten after a restart).
 */
public final class NonceManager {

    private final RpcClient rpc;
    private final TxRepository repository;

    public NonceManager(RpcClient rpc, TxRepository repository) {
        this.rpc = rpc;
        this.repository = repository;
    }

    public long next(long chainId, String address) {
        long onChain = rpc.callQuantity("eth_getTransactionCount", address, "pending").longValueExact();
        long local = repository.highestPendingNonce(chainId, address).orElse(-1) + 1;
        return Math.max(onChain, local);
    }
}
