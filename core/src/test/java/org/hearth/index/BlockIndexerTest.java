package org.hearth.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.hearth.chain.Hex;
import org.hearth.chain.RpcClient;
import org.hearth.store.Database;
import org.hearth.testing.TestChain;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The indexer on a real anvil, including a reorganisation made with snapshot/revert. */
class BlockIndexerTest {

    private static final String DEV0 = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";
    private static final String ME = "0x1234567890123456789012345678901234567890";

    @TempDir
    Path dir;

    private TestChain anvil;
    private RpcClient rpc;
    private Database db;
    private BlockIndexer indexer;
    private IncomingTransfers incoming;

    @BeforeEach
    void start() {
        anvil = TestChain.start(dir, 60);
        rpc = anvil.rpc();
        db = Database.open(dir.resolve("hearth.db"));
        indexer = new BlockIndexer(rpc, 31337, db, 0);
        incoming = new IncomingTransfers(rpc, db);
        incoming.watch(ME);
        indexer.subscribe(incoming);
    }

    @AfterEach
    void stop() {
        anvil.close();
    }

    private String pay(String to, long wei) {
        String hash = rpc.call("eth_sendTransaction", Map.of("from", DEV0, "to", to, "value", Hex.quantity(wei))).asText();
        rpc.call("evm_mine");
        return hash;
    }

    @Test
    void findsIncomingTransfersAndCatchesUpInSteps() {
        pay(ME, 5);
        pay("0x000000000000000000000000000000000000dEaD", 7); // not ours
        String second = pay(ME, 11);
        rpc.call("anvil_mine", "0x5");

        IndexProgress partial = indexer.step(3);
        assertEquals(3, partial.blocksThisRound());
        assertTrue(!partial.caughtUp());
        IndexProgress done = indexer.step(1000);
        assertTrue(done.caughtUp());

        List<IncomingTransfer> received = incoming.to(31337, ME);
        assertEquals(List.of(BigInteger.valueOf(11), BigInteger.valueOf(5)), received.stream().map(IncomingTransfer::value).toList());
        assertEquals(second, received.getFirst().txHash());
        assertEquals(DEV0.toLowerCase(), received.getFirst().sender());
    }

    @Test
    void aReorganisationRemovesTransfersFromTheAbandonedBranch() {
        pay(ME, 5);
        String snapshot = rpc.call("evm_snapshot").asText();
        pay(ME, 100); // this block will be reorganised away
        indexer.step(1000);
        assertEquals(2, incoming.to(31337, ME).size());

        rpc.call("evm_revert", snapshot);
        rpc.call("anvil_mine", "0x3"); // a different branch, longer than the old one
        IndexProgress progress = indexer.step(1000);
        assertEquals(1, progress.reorgsHandled());
        assertTrue(progress.caughtUp());
        assertEquals(List.of(BigInteger.valueOf(5)), incoming.to(31337, ME).stream().map(IncomingTransfer::value).toList());
    }

    @Test
    void resumesFromItsCheckpointAfterARestart() {
        pay(ME, 5);
        indexer.step(1000);
        long checkpoint = indexer.lastScanned();
        pay(ME, 6);
        BlockIndexer again = new BlockIndexer(rpc, 31337, Database.open(dir.resolve("hearth.db")), 0);
        IncomingTransfers incomingAgain = new IncomingTransfers(rpc, db);
        incomingAgain.watch(ME);
        again.subscribe(incomingAgain);
        assertEquals(checkpoint, again.lastScanned());
        assertEquals(1, again.step(1000).blocksThisRound());
        assertEquals(2, incomingAgain.to(31337, ME).size());
    }

    @Test
    void aReaderAddedLaterBackfillsAloneAndTheOthersAreNotFedOldBlocks() {
        Counting first = new Counting("test-first");
        indexer.subscribe(first);
        pay(ME, 5);
        pay(ME, 6);
        indexer.step(1000);
        long firstAt = indexer.lastScanned();

        pay(ME, 7);
        Counting late = new Counting("test-late");
        OutgoingTransactions outgoing = new OutgoingTransactions(rpc, db);
        outgoing.watch(DEV0);
        indexer.subscribe(late);
        indexer.subscribe(outgoing);
        assertEquals(-1, indexer.lastScanned(), "the new readers start at the start block");
        IndexProgress progress = indexer.step(1000);

        assertTrue(progress.caughtUp());
        long head = rpc.blockNumber();
        assertEquals(firstAt + 1, head);
        assertEquals(java.util.stream.LongStream.rangeClosed(0, head).boxed().toList(), first.blocks, "each block once");
        assertEquals(java.util.stream.LongStream.rangeClosed(0, head).boxed().toList(), late.blocks, "backfilled from the start");
        assertEquals(3, outgoing.from(31337, DEV0).size(), "sends from before it was added are found");
        assertEquals(List.of(BigInteger.valueOf(7), BigInteger.valueOf(6), BigInteger.valueOf(5)),
                incoming.to(31337, ME).stream().map(IncomingTransfer::value).toList());
    }

    /** Records the blocks it is given. */
    private static final class Counting implements BlockSubscriber {
        private final String id;
        final List<Long> blocks = new java.util.ArrayList<>();

        Counting(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public RowWriter read(long chainId, com.fasterxml.jackson.databind.JsonNode block) {
            blocks.add(Long.decode(block.path("number").asText()));
            return RowWriter.NOTHING;
        }

        @Override
        public void onRollback(java.sql.Connection tx, long chainId, long fromBlock) {
            blocks.removeIf(b -> b >= fromBlock);
        }
    }
}
