package org.hearth.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.LongStream;
import org.hearth.chain.RpcClient;
import org.hearth.store.Database;
import org.hearth.testing.RpcProxy;
import org.hearth.testing.TestChain;
import org.hearth.testing.TransferEmitters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The log indexer on a real anvil with the TransferEmitter contract, through a proxy that records eth_getLogs calls. */
class LogIndexerTest {

    private static final String ALICE = "0x00000000000000000000000000000000000a11ce";
    private static final String BOB = "0x0000000000000000000000000000000000000b0b";
    private static final String CAROL = "0x00000000000000000000000000000000000ca201";
    private static final long CHAIN = 31337;

    @TempDir
    Path dir;

    private TestChain node;
    private RpcClient anvil;
    private TransferEmitters emitter;
    private RpcProxy proxy;
    private final List<JsonNode> logQueries = new CopyOnWriteArrayList<>();
    private Database db;
    private Erc20Transfers transfers;

    @BeforeEach
    void start() throws IOException {
        node = TestChain.start(dir, 3600);
        anvil = node.rpc();
        emitter = TransferEmitters.deploy(anvil);
        proxy = new RpcProxy(anvil.endpoint(), request -> {
            if ("eth_getLogs".equals(request.path("method").asText())) {
                logQueries.add(request.path("params").path(0));
            }
            return null;
        }, (request, reply) -> null);
        db = Database.open(dir.resolve("hearth.db"));
        transfers = new Erc20Transfers(db);
    }

    @AfterEach
    void stop() {
        proxy.close();
        node.close();
    }

    private LogIndexer indexer(LogIndexer.Options options) {
        return new LogIndexer(new RpcClient(proxy.url()), CHAIN, db, options);
    }

    @Test
    void aNewlyWatchedAccountBackfillsWithoutTheOthersRereading() throws Exception {
        emitter.emitAndMine(ALICE, CAROL, 5, 100);
        emitter.emitAndMine(BOB, CAROL, 3, 200);
        emitter.emitAndMine(CAROL, ALICE, 2, 300);
        LogIndexer indexer = indexer(new LogIndexer.Options(2, 1000, 5000));
        indexer.watch(transfers, ALICE, 0);
        assertTrue(indexer.syncToHead().caughtUp());
        assertEquals(List.of(100L, 101L, 102L, 103L, 104L, 300L, 301L), values(ALICE));
        long aliceAt = checkpoint(ALICE);

        emitter.emitAndMine(ALICE, BOB, 4, 400);
        emitter.emitAndMine(BOB, CAROL, 1, 500);
        logQueries.clear();
        indexer.watch(transfers, BOB.toUpperCase().replace("0X", "0x"), 0); // any spelling is one key
        indexer.syncToHead();

        assertEquals(List.of(200L, 201L, 202L, 400L, 401L, 402L, 403L, 500L), values(BOB));
        assertEquals(List.of(100L, 101L, 102L, 103L, 104L, 300L, 301L, 400L, 401L, 402L, 403L), values(ALICE));
        assertEquals(15, transfers.count(CHAIN), "the transfers between the two are stored once");
        assertEquals(checkpoint(ALICE), checkpoint(BOB));
        for (JsonNode q : logQueries) {
            if (q.toString().contains(ALICE.substring(2))) {
                assertTrue(Long.decode(q.path("fromBlock").asText()) > aliceAt, "Alice's blocks are not read again: " + q);
            }
        }
        assertTrue(logQueries.stream().anyMatch(q -> q.toString().contains(BOB.substring(2)) && q.path("fromBlock").asText().equals("0x0")),
                "Bob starts at his start block");
    }

    @Test
    void twoSubscribersKeepTheirOwnCheckpoints() throws Exception {
        emitter.emitAndMine(ALICE, CAROL, 5, 100);
        emitter.emitAndMine(BOB, CAROL, 3, 200);
        LogIndexer indexer = indexer(new LogIndexer.Options(2, 1000, 5000));
        indexer.watch(transfers, ALICE, 0);
        indexer.syncToHead();
        long aliceAt = checkpoint(ALICE);
        emitter.emitAndMine(CAROL, ALICE, 2, 300);

        EveryEmitterLog all = new EveryEmitterLog(emitter.address());
        indexer.watch(all, "", 0); // a subscriber added later: starts at block 0
        indexer.step(1);
        long allAt = checkpoint(all.id(), "");
        assertEquals(1, allAt, "the new subscriber scanned its first range of two blocks");
        assertEquals(aliceAt, checkpoint(ALICE), "the other one did not move back");

        logQueries.clear();
        indexer.syncToHead();
        assertEquals(10, all.count(), "every event the emitter made, from block 0");
        assertEquals(List.of(100L, 101L, 102L, 103L, 104L, 300L, 301L), values(ALICE));
        for (JsonNode q : logQueries) {
            if (q.toString().contains(ALICE.substring(2))) {
                assertTrue(Long.decode(q.path("fromBlock").asText()) > aliceAt, "Alice's blocks are not read again: " + q);
            }
        }
    }

    @Test
    void rangesHalveWhenTheNodeRefusesAndGrowAgainWhenRepliesAreSmall() throws Exception {
        for (int block = 0; block < 20; block++) {
            emitter.emitAndMine(ALICE, CAROL, 30, 1000L * block);
        }
        anvil.call("anvil_mine", "0x190"); // 400 empty blocks
        try (RpcProxy limited = RpcProxy.limitingLogs(anvil.endpoint(), 50, 40)) {
            LogIndexer indexer = new LogIndexer(new RpcClient(limited.url()), CHAIN, db, new LogIndexer.Options(16, 1000, 5000));
            indexer.watch(transfers, ALICE, 0);
            SyncProgress done = indexer.syncToHead();

            assertTrue(done.caughtUp());
            assertEquals(600, done.events());
            List<Long> expected = LongStream.range(0, 20).boxed().flatMap(b -> LongStream.range(0, 30).mapToObj(i -> 1000L * b + i)).toList();
            assertEquals(expected, values(ALICE));
            int refused = limited.calls("eth_getLogs:refused");
            int answered = limited.calls("eth_getLogs") - refused;
            assertTrue(refused > 0, "the node refused some ranges");
            // one block per call (two filters each) would take 2 × 420 calls; growing spans cross the empty blocks in far fewer
            assertTrue(answered < 300, "answered calls: " + answered);
        }
    }

    @Test
    void aReorganisationRollsBackOnlyTheAbandonedRows() throws Exception {
        emitter.emitAndMine(ALICE, CAROL, 3, 100);
        LogIndexer indexer = indexer(LogIndexer.Options.defaults());
        indexer.watch(transfers, ALICE, 0);
        indexer.watch(transfers, BOB, 0);
        indexer.syncToHead();
        String snapshot = anvil.call("evm_snapshot").asText();
        emitter.emitAndMine(ALICE, CAROL, 4, 1000); // these two blocks will be reorganised away
        emitter.emitAndMine(CAROL, ALICE, 2, 1100);
        indexer.syncToHead();
        assertEquals(9, values(ALICE).size());

        anvil.call("evm_revert", snapshot);
        emitter.emitAndMine(ALICE, BOB, 1, 2000);
        anvil.call("anvil_mine", "0x3"); // the new branch is longer than the old one
        SyncProgress done = indexer.syncToHead();

        assertEquals(1, done.reorgs());
        assertTrue(done.caughtUp());
        assertEquals(List.of(100L, 101L, 102L, 2000L), values(ALICE));
        assertEquals(List.of(2000L), values(BOB));
        assertEquals(4, transfers.count(CHAIN), "no row from the abandoned blocks is left");
        String newHead = anvil.call("eth_getBlockByNumber", "latest", false).path("hash").asText();
        assertEquals(newHead, new Checkpoints(db, CHAIN).hashes(Erc20Transfers.ID, ALICE).lastEntry().getValue());
    }

    @Test
    void progressReachesListenersUntilTheyLetGo() throws Exception {
        emitter.emitAndMine(ALICE, CAROL, 3, 100);
        anvil.call("anvil_mine", "0x20");
        LogIndexer indexer = indexer(new LogIndexer.Options(4, 4, 5000));
        indexer.watch(transfers, ALICE, 0);
        List<SyncProgress> seen = new ArrayList<>();
        AutoCloseable handle = indexer.onProgress(seen::add);
        indexer.syncToHead();
        assertTrue(seen.size() > 5, "one report per range of four blocks");
        assertTrue(seen.getFirst().fraction() < seen.getLast().fraction());
        assertEquals(1.0, seen.getLast().fraction());
        assertEquals(3, seen.getLast().events());
        handle.close();
        int before = seen.size();
        anvil.call("anvil_mine", "0x8");
        indexer.syncToHead();
        assertEquals(before, seen.size());
        assertNotEquals(0, indexer.progress().head());
    }

    @Test
    void theRunnerIndexesInTheBackgroundUntilStopped() throws Exception {
        LogIndexer indexer = indexer(LogIndexer.Options.defaults());
        indexer.watch(transfers, ALICE, 0);
        try (IndexRunner runner = new IndexRunner(java.time.Duration.ofMillis(20), List.of(IndexRunner.of(indexer)))) {
            runner.start();
            assertTrue(runner.running());
            emitter.emitAndMine(ALICE, CAROL, 3, 100);
            emitter.emitAndMine(CAROL, ALICE, 2, 200);
            long deadline = System.nanoTime() + 60_000_000_000L; // a bound for a hung runner, not a speed check
            while (transfers.count(CHAIN) < 5 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(List.of(100L, 101L, 102L, 200L, 201L), values(ALICE), "indexed with no call from the test");
            runner.stop();
            assertTrue(!runner.running());
        }
    }

    private List<Long> values(String account) {
        return transfers.of(CHAIN, account).stream().map(t -> t.value().longValueExact()).toList();
    }

    private long checkpoint(String account) {
        return checkpoint(Erc20Transfers.ID, account.toLowerCase());
    }

    private long checkpoint(String subscriber, String key) {
        return new Checkpoints(db, CHAIN).cursors(subscriber).stream().filter(c -> c.key().equals(key)).findFirst().orElseThrow().checkpoint();
    }

    /** A second subscriber: every Transfer the emitter contract made, into a table of its own. */
    private final class EveryEmitterLog implements LogSubscriber {

        private final String contract;

        EveryEmitterLog(String contract) {
            this.contract = contract;
            try (Connection c = db.connect()) {
                c.createStatement().execute("CREATE TABLE test_log (tx_hash TEXT, log_index INTEGER, block_number INTEGER, "
                        + "PRIMARY KEY (tx_hash, log_index))");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public String id() {
            return "test-every-emitter-log";
        }

        @Override
        public List<LogFilter> filters(Collection<String> keys) {
            return List.of(new LogFilter(List.of(contract), List.of(List.of(Erc20Transfers.TRANSFER_TOPIC))));
        }

        @Override
        public void write(Connection c, long chainId, List<ChainLog> logs) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement("INSERT OR IGNORE INTO test_log VALUES(?, ?, ?)")) {
                for (ChainLog log : logs) {
                    ps.setString(1, log.txHash());
                    ps.setInt(2, log.logIndex());
                    ps.setLong(3, log.blockNumber());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }

        @Override
        public void rollback(Connection c, long chainId, Collection<String> keys, long fromBlock) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM test_log WHERE block_number >= ?")) {
                ps.setLong(1, fromBlock);
                ps.executeUpdate();
            }
        }

        long count() throws SQLException {
            try (Connection c = db.connect(); ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM test_log")) {
                return rs.next() ? rs.getLong(1) : -1;
            }
        }
    }
}
