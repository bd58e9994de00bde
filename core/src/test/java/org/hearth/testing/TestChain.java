package org.hearth.testing;

import java.nio.file.Path;
import java.time.Duration;
import org.hearth.chain.RpcClient;
import org.hearth.config.DataDir;
import org.hearth.node.AnvilLocator;
import org.hearth.node.LocalNode;
import org.hearth.node.LocalNodeConfig;

/**
 * A real anvil started through the node manager in a test's own data dir, and the RPC client on
 * it; closing stops it. Shared by core's and app's tests (published in core's test-jar).
 */
public final class TestChain implements AutoCloseable {

    private final LocalNode node;
    private final RpcClient rpc;

    private TestChain(LocalNode node) {
        this.node = node;
        this.rpc = new RpcClient(node.start().rpcUrl());
    }

    /**
     * {@code blockTimeSeconds}: anvil's block interval; tests that mine on cue pick one far longer
     * than the test runs, so no block comes by itself.
     */
    public static TestChain start(Path dataDir, int blockTimeSeconds) {
        return new TestChain(new LocalNode(new DataDir(dataDir), AnvilLocator.locate(),
                new LocalNodeConfig(blockTimeSeconds, 5, Duration.ofSeconds(30))));
    }

    public RpcClient rpc() {
        return rpc;
    }

    @Override
    public void close() {
        node.stop(Duration.ofSeconds(5));
    }
}
