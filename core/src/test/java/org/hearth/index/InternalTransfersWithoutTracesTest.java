package org.hearth.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.hearth.chain.RpcClient;
import org.hearth.chain.RpcException;
import org.hearth.store.Database;
import org.hearth.testing.RpcProxy;
import org.hearth.testing.TestChain;
import org.hearth.testing.ValueForwarders;
import org.hearth.testing.WatchedAccount;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nodes whose traces are missing or failing, played by a proxy in front of a real anvil: indexing
 * goes on, and the indexer says internal transfers are not shown.
 */
class InternalTransfersWithoutTracesTest {

    private static final String ME = "0x1234567890123456789012345678901234567890";
    private static final String TRACE = "debug_traceBlockByHash";

    @TempDir
    Path dir;

    private TestChain node;
    private RpcClient anvil;
    private ValueForwarders chain;
    private String payer;
    /** What the proxy answers to trace calls; null passes them through to anvil. */
    private final AtomicReference<Function<JsonNode, String>> traceReply = new AtomicReference<>();
    private RpcProxy proxy;
    private WatchedAccount me;
    private BlockIndexer indexer;
    private IncomingTransfers incoming;
    private InternalTransfers internal;

    @BeforeEach
    void start() throws IOException {
        node = TestChain.start(dir, 3600);
        anvil = node.rpc();
        chain = new ValueForwarders(anvil);
        payer = chain.deployPayer();
        proxy = new RpcProxy(anvil.endpoint(), (method, id) -> {
            Function<JsonNode, String> reply = traceReply.get();
            return RpcProxy.isTrace(method) && reply != null ? reply.apply(id) : null;
        });
        RpcClient rpc = new RpcClient(proxy.url(), new RpcClient.Options(Duration.ofSeconds(2), Duration.ofSeconds(10),
                16L * 1024 * 1024, 0, Duration.ofMillis(10)));
        me = WatchedAccount.on(rpc, Database.open(dir.resolve("hearth.db")), ME, anvil.blockNumber() + 1); // after the payer's deployment
        indexer = me.indexer();
        incoming = me.incoming();
        internal = me.internal();
    }

    @AfterEach
    void stop() {
        proxy.close();
        node.close();
    }

    @Test
    void aNodeWithoutTracesIsIndexedAsBeforeAndAskedOnlyOnce() {
        traceReply.set(id -> RpcProxy.error(id, -32601, "the method debug_traceBlockByHash does not exist/is not available"));
        chain.send(payer, wei(3), ValueForwarders.payouts(ME, 3));
        chain.send(ME, wei(20), null);
        chain.mine();
        chain.send(payer, wei(4), ValueForwarders.payouts(ME, 4));
        chain.mine();
        chain.send(ME, wei(30), null);
        chain.mine();

        IndexProgress progress = indexer.step(1000);

        assertTrue(progress.caughtUp());
        assertEquals(List.of(wei(30), wei(20)), incoming.to(31337, ME).stream().map(IncomingTransfer::value).toList());
        assertTrue(internal.to(31337, ME).isEmpty());
        assertEquals(TraceAvailability.UNAVAILABLE, internal.tracing());
        assertEquals(1, proxy.calls(TRACE), "a refusing node is not asked again for every block");
        assertFalse(me.history().showsInternalTransfers(), "the UI is told");
    }

    @Test
    void aTraceThatFailsOnceIsRetriedWithTheBlockAndNothingIsLost() {
        traceReply.set(id -> RpcProxy.result(id, "[]")); // a reply that does not fit the block
        chain.send(payer, wei(6), ValueForwarders.payouts(ME, 6));
        chain.mine();
        long block = anvil.blockNumber();

        RpcException e = assertThrows(RpcException.class, () -> indexer.step(1000));
        assertTrue(e.getMessage().contains("unusable trace of block " + block), e.getMessage());
        assertEquals(block - 1, indexer.lastScanned(), "the block stays unindexed until its trace is read");

        traceReply.set(null);
        assertTrue(indexer.step(1000).caughtUp());
        assertEquals(List.of(wei(6)), internal.to(31337, ME).stream().map(InternalTransfer::value).toList());
        assertEquals(TraceAvailability.AVAILABLE, internal.tracing());
    }

    @Test
    void tracesThatKeepFailingAreGivenUpAndIndexingGoesOn() {
        traceReply.set(id -> RpcProxy.error(id, -32000, "tracing timed out"));
        chain.send(payer, wei(6), ValueForwarders.payouts(ME, 6));
        chain.send(ME, wei(8), null);
        chain.mine();

        for (int attempt = 1; attempt < BlockTracer.MAX_FAILURES_IN_A_ROW; attempt++) {
            RpcException e = assertThrows(RpcException.class, () -> indexer.step(1000));
            assertTrue(e.getMessage().contains("tracing timed out"), e.getMessage());
            assertEquals(TraceAvailability.UNKNOWN, internal.tracing());
        }
        assertTrue(indexer.step(1000).caughtUp());
        assertEquals(TraceAvailability.UNAVAILABLE, internal.tracing());
        assertEquals(List.of(wei(8)), incoming.to(31337, ME).stream().map(IncomingTransfer::value).toList());
        assertTrue(internal.to(31337, ME).isEmpty());
        // the block's tries, then one trace of the head block, which tells a node without traces from one bad old block
        assertEquals(BlockTracer.MAX_FAILURES_IN_A_ROW + 1, proxy.calls(TRACE));
    }

    private static BigInteger wei(long n) {
        return BigInteger.valueOf(n);
    }
}
