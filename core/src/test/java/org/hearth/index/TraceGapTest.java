package org.hearth.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.hearth.chain.Hex;
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
 * A node that traces its new blocks but not some old ones (anvil after a restart cannot trace the
 * blocks mined before it), played by a proxy that fails the traces of chosen blocks: those blocks
 * are recorded as gaps, the others keep their internal transfers, and tracing is not given up.
 */
class TraceGapTest {

    private static final String ME = "0x1234567890123456789012345678901234567890";

    @TempDir
    Path dir;

    private TestChain node;
    private RpcClient anvil;
    private ValueForwarders chain;
    private String payer;
    /** Hashes of the blocks whose traces fail, lower case. */
    private final Set<String> untraceable = ConcurrentHashMap.newKeySet();
    private RpcProxy proxy;
    private BlockIndexer indexer;
    private InternalTransfers internal;

    @BeforeEach
    void start() throws IOException {
        node = TestChain.start(dir, 3600);
        anvil = node.rpc();
        chain = new ValueForwarders(anvil);
        payer = chain.deployPayer();
        proxy = new RpcProxy(anvil.endpoint(), request -> {
            boolean fail = RpcProxy.isTrace(request.path("method").asText())
                    && untraceable.contains(request.path("params").path(0).asText().toLowerCase(Locale.ROOT));
            return fail ? RpcProxy.error(request.path("id"), -32000, "failed to find block in state") : null;
        }, (request, reply) -> null);
        RpcClient rpc = new RpcClient(proxy.url(), new RpcClient.Options(Duration.ofSeconds(2), Duration.ofSeconds(10),
                16L * 1024 * 1024, 0, Duration.ofMillis(10)));
        WatchedAccount me = WatchedAccount.on(rpc, Database.open(dir.resolve("hearth.db")), ME, anvil.blockNumber() + 1);
        indexer = me.indexer();
        internal = me.internal();
    }

    @AfterEach
    void stop() {
        proxy.close();
        node.close();
    }

    @Test
    void anOldBlockThatCannotBeTracedIsAGapAndNewerBlocksKeepTheirInternalTransfers() {
        long old = payAndMine(6);
        untraceable.add(hashOf(old));
        long traced = payAndMine(7);

        for (int attempt = 1; attempt < BlockTracer.MAX_FAILURES_IN_A_ROW; attempt++) {
            RpcException e = assertThrows(RpcException.class, () -> indexer.step(1000), "a failure that may pass is retried first");
            assertTrue(e.getMessage().contains("failed to find block"), e.getMessage());
            assertEquals(old - 1, indexer.lastScanned());
        }
        assertTrue(indexer.step(1000).caughtUp(), "then, as the node traces its head, the block is a gap and indexing goes on");
        assertEquals(TraceAvailability.AVAILABLE, internal.tracing());
        assertEquals(List.of(new BlockRange(old, old)), internal.gaps(31337));
        assertEquals(List.of(wei(7)), internal.to(31337, ME).stream().map(InternalTransfer::value).toList());
        assertTrue(traced > old);

        // two more untraceable blocks in a row: gaps at once now, joined into one run
        long a = payAndMine(8);
        long b = payAndMine(9);
        untraceable.add(hashOf(a));
        untraceable.add(hashOf(b));
        long after = payAndMine(10);
        assertTrue(indexer.step(1000).caughtUp());
        assertEquals(List.of(new BlockRange(old, old), new BlockRange(a, b)), internal.gaps(31337));
        assertEquals(List.of(wei(10), wei(7)), internal.to(31337, ME).stream().map(InternalTransfer::value).toList());
        assertTrue(after > b);
    }

    private long payAndMine(long value) {
        chain.send(payer, wei(value), ValueForwarders.payouts(ME, value));
        chain.mine();
        return anvil.blockNumber();
    }

    private String hashOf(long block) {
        return anvil.call("eth_getBlockByNumber", Hex.quantity(block), false).path("hash").asText().toLowerCase(Locale.ROOT);
    }

    private static BigInteger wei(long n) {
        return BigInteger.valueOf(n);
    }
}
