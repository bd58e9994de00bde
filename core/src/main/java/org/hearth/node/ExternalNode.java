package org.hearth.node;

import java.net.URI;
import java.time.Duration;
import org.hearth.chain.RpcClient;
import org.hearth.chain.RpcException;

/** A JSON-RPC node run by someone else (mainnet, a testnet, an L2, the user's own node). */
public record ExternalNode(RpcClient rpc, long chainId) {

    /**
     * Connects to {@code url} and checks that it answers and, when {@code expectedChainId} is given,
     * that it serves that chain. Fails with a message that says which of the two went wrong.
     */
    public static ExternalNode attach(URI url, Long expectedChainId) {
        RpcClient rpc;
        try {
            rpc = new RpcClient(url, new RpcClient.Options(Duration.ofSeconds(5), Duration.ofSeconds(15), 16L << 20, 1, Duration.ofMillis(300)));
        } catch (IllegalArgumentException e) {
            throw new NodeException(e.getMessage(), e);
        }
        long chainId;
        try {
            chainId = rpc.chainId();
        } catch (RpcException e) {
            if (!e.isTransport()) {
                throw e; // it answered: say what was wrong with the answer (too large, an error), not "cannot reach"
            }
            throw new NodeException("node.unreachable", new Object[] {rpc.displayEndpoint(), e.getMessage()}, e);
        }
        if (expectedChainId != null && expectedChainId != chainId) {
            throw new NodeException("node.wrongChain", new Object[] {rpc.displayEndpoint(), expectedChainId, chainId}, null);
        }
        return new ExternalNode(rpc, chainId);
    }
}
