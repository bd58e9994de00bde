package org.hearth.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import org.hearth.chain.RpcClient;
import org.hearth.store.Database;
import org.hearth.testing.RpcProxy;
import org.hearth.testing.TestChain;
import org.hearth.testing.ValueForwarders;
import org.hearth.testing.WatchedAccount;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ether paid by contracts, found in anvil's call traces, including a reorganisation. */
class InternalTransfersTest {

    private static final String ME = "0x1234567890123456789012345678901234567890";
    private static final String SOMEONE_ELSE = "0x000000000000000000000000000000000000dEaD";

    @TempDir
    Path dir;

    private TestChain anvil;
    private RpcClient rpc;
    private BlockIndexer indexer;
    private IncomingTransfers incoming;
    private InternalTransfers internal;
    private ValueForwarders chain;

    @BeforeEach
    void start() {
        anvil = TestChain.start(dir, 3600);
        rpc = anvil.rpc();
        WatchedAccount me = WatchedAccount.on(rpc, Database.open(dir.resolve("hearth.db")), ME, 0);
        indexer = me.indexer();
        incoming = me.incoming();
        internal = me.internal();
        chain = new ValueForwarders(rpc);
    }

    @AfterEach
    void stop() {
        anvil.close();
    }

    @Test
    void recordsEveryPaymentAContractMakesToAWatchedAccountAndNothingThatWasReverted() {
        String payer = chain.deployPayer();
        String reverter = chain.deployReverter(ME);
        String selfDestructor = chain.deploySelfDestructor(ME);
        BigInteger before = balance(ME);

        // Frames of this call, depth first: 0 the call to the payer; 1 and 2 pay ME; 3 calls the reverter,
        // whose payment to ME (4) is undone by its REVERT; 5 calls the self-destructor, which pays ME its
        // balance (6); 7 pays someone who is not watched.
        String paysTwice = chain.send(payer, wei(16), ValueForwarders.payouts(ME, 3, ME, 4, reverter, 2, selfDestructor, 1, SOMEONE_ELSE, 5));
        // A transaction that reverts as a whole: the reverter's payment to ME inside it never happens.
        String reverted = chain.send(reverter, wei(7), null);
        String direct = chain.send(ME, wei(50), null); // top-level: an incoming transfer, not an internal one
        chain.mine();
        assertEquals("0x0", chain.receipt(reverted).path("status").asText());

        indexer.step(1000);

        List<InternalTransfer> paid = internal.to(31337, ME);
        assertEquals(List.of(
                new InternalTransfer(paysTwice.toLowerCase(), 4, 1, payer.toLowerCase(), ME.toLowerCase(), wei(3)),
                new InternalTransfer(paysTwice.toLowerCase(), 4, 2, payer.toLowerCase(), ME.toLowerCase(), wei(4)),
                new InternalTransfer(paysTwice.toLowerCase(), 4, 6, selfDestructor.toLowerCase(), ME.toLowerCase(), wei(1))), paid);
        assertEquals(List.of(direct), incoming.to(31337, ME).stream().map(IncomingTransfer::txHash).toList());
        assertTrue(internal.to(31337, SOMEONE_ELSE).isEmpty(), "only watched addresses are recorded");
        assertEquals(TraceAvailability.AVAILABLE, internal.tracing());

        // what was recorded is exactly what reached ME on chain
        BigInteger recorded = paid.stream().map(InternalTransfer::value).reduce(BigInteger.ZERO, BigInteger::add).add(wei(50));
        assertEquals(balance(ME).subtract(before), recorded);
    }

    @Test
    void aReorganisationRemovesInternalTransfersFromTheAbandonedBranch() {
        String payer = chain.deployPayer();
        chain.send(payer, wei(5), ValueForwarders.payouts(ME, 5));
        chain.mine();
        String snapshot = rpc.call("evm_snapshot").asText();
        chain.send(payer, wei(100), ValueForwarders.payouts(ME, 60, ME, 40)); // this block will be reorganised away
        chain.mine();
        indexer.step(1000);
        assertEquals(List.of(wei(60), wei(40), wei(5)), values(internal.to(31337, ME)));

        rpc.call("evm_revert", snapshot);
        String onNewBranch = chain.send(payer, wei(9), ValueForwarders.payouts(ME, 9));
        chain.mine();
        rpc.call("anvil_mine", "0x3"); // longer than the abandoned branch
        IndexProgress progress = indexer.step(1000);
        assertEquals(1, progress.reorgsHandled());
        assertTrue(progress.caughtUp());
        List<InternalTransfer> paid = internal.to(31337, ME);
        assertEquals(List.of(wei(9), wei(5)), values(paid));
        assertEquals(onNewBranch.toLowerCase(), paid.getFirst().txHash());
    }

    @Test
    void onlyBlocksWithTransactionsAreTraced() throws Exception {
        String payer = chain.deployPayer();
        try (RpcProxy proxy = new RpcProxy(rpc.endpoint(), (method, id) -> null)) {
            Database db = Database.open(dir.resolve("counted.db"));
            BlockIndexer counted = new BlockIndexer(new RpcClient(proxy.url()), 31337, db, rpc.blockNumber() + 1);
            InternalTransfers tracedOnly = new InternalTransfers(new RpcClient(proxy.url()), db);
            tracedOnly.watch(ME);
            counted.subscribe(tracedOnly);
            rpc.call("anvil_mine", "0x5");
            chain.send(payer, wei(2), ValueForwarders.payouts(ME, 2));
            chain.mine();
            rpc.call("anvil_mine", "0x4");

            IndexProgress progress = counted.step(1000);
            assertEquals(10, progress.blocksThisRound());
            assertEquals(1, proxy.calls("debug_traceBlockByHash"));
            assertEquals(List.of(wei(2)), values(tracedOnly.to(31337, ME)));
        }
    }

    private BigInteger balance(String address) {
        return rpc.callQuantity("eth_getBalance", address, "latest");
    }

    private static BigInteger wei(long n) {
        return BigInteger.valueOf(n);
    }

    private static List<BigInteger> values(List<InternalTransfer> transfers) {
        return transfers.stream().map(InternalTransfer::value).toList();
    }
}
