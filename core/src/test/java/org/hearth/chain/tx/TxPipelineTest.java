package org.hearth.chain.tx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.hearth.chain.RpcClient;
import org.hearth.chain.abi.Abi;
import org.hearth.config.DataDir;
import org.hearth.node.AnvilLocator;
import org.hearth.node.DemoWorld;
import org.hearth.node.LocalNode;
import org.hearth.node.LocalNodeConfig;
import org.hearth.store.Database;
import org.hearth.store.DemoWorldRepository;
import org.hearth.store.TxRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.ECKeyPair;
import org.web3j.utils.Numeric;

/** The tx pipeline against a real anvil, signing with anvil's well-known dev key #1. */
class TxPipelineTest {

    /** anvil's account 1 ("test test ... junk", m/44'/60'/0'/0/1); public test key. */
    private static final ECKeyPair DEV1 = ECKeyPair.create(Numeric.toBigInt("0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d"));
    private static final String RECIPIENT = "0x000000000000000000000000000000000000dEaD";

    @TempDir
    Path dir;

    private LocalNode node;
    private RpcClient rpc;
    private TxRepository repository;
    private TxPipeline pipeline;
    private TxTracker tracker;
    private final TxSigner signer = new PrivateKeySigner(DEV1);

    @BeforeEach
    void start() {
        node = new LocalNode(new DataDir(dir), AnvilLocator.locate(), new LocalNodeConfig(1, 5, Duration.ofSeconds(30)));
        rpc = new RpcClient(node.start().rpcUrl());
        repository = new TxRepository(Database.open(dir.resolve("hearth.db")));
        pipeline = new TxPipeline(rpc, rpc.chainId(), repository);
        tracker = new TxTracker(rpc, repository);
    }

    @AfterEach
    void stop() {
        node.stop(Duration.ofSeconds(5));
    }

    @Test
    void sendsEthWithAnExactReviewAndTracksItToConfirmation() throws Exception {
        BigInteger value = new BigInteger("1500000000000000000");
        PreparedTx tx = pipeline.prepare(signer.address(), RECIPIENT, value, null, FeeLevel.NORMAL);
        assertEquals(BigInteger.valueOf(21_000), tx.gasLimit());
        assertEquals(31337, tx.chainId());
        assertEquals(value.add(tx.gasLimit().multiply(tx.fees().maxFeePerGas())), tx.maxTotal());
        BigInteger before = rpc.callQuantity("eth_getBalance", RECIPIENT, "latest");

        TxRecord sent = pipeline.send(tx, signer);
        TxRecord done = awaitFinal(sent.hash());
        assertEquals(TxStatus.CONFIRMED, done.status());
        assertEquals(value, rpc.callQuantity("eth_getBalance", RECIPIENT, "latest").subtract(before));
        assertTrue(done.feePaid().compareTo(tx.maxNetworkFee()) <= 0, "never pays more than the reviewed maximum");
        assertEquals(List.of(done.hash()), repository.history(31337, signer.address()).stream().map(TxRecord::hash).toList());
    }

    @Test
    void aDoomedTransactionIsReportedWithItsReasonAndNotSent() {
        Map<String, String> contracts = new DemoWorld(rpc, new DemoWorldRepository(Database.open(dir.resolve("hearth.db"))),
                dir.resolve("demo.lock")).ensure(null).contracts();
        long nonceBefore = rpc.callQuantity("eth_getTransactionCount", signer.address(), "pending").longValueExact();
        String transfer = Abi.encodeCall("transfer(address,uint256)", RECIPIENT, DemoWorld.TOKEN);
        TxWouldRevertException e = assertThrows(TxWouldRevertException.class,
                () -> pipeline.prepare(signer.address(), contracts.get("HearthToken"), BigInteger.ZERO, transfer, FeeLevel.NORMAL));
        assertTrue(e.getMessage().contains("ERC20InsufficientBalance(sender: " + signer.address() + ", balance: 0, needed: " + DemoWorld.TOKEN + ")"),
                e.getMessage());
        assertEquals(nonceBefore, rpc.callQuantity("eth_getTransactionCount", signer.address(), "pending").longValueExact());
    }

    @Test
    void speedUpAndCancelReplaceAPendingTransaction() throws Exception {
        rpc.call("evm_setIntervalMining", 0); // hold transactions in the mempool
        PreparedTx tx = pipeline.prepare(signer.address(), RECIPIENT, BigInteger.TEN, null, FeeLevel.SLOW);
        TxRecord slow = pipeline.send(tx, signer);
        TxRecord fast = pipeline.speedUp(slow.hash(), signer, null);
        assertEquals(slow.nonce(), fast.nonce());
        assertTrue(fast.fees().maxFeePerGas().compareTo(slow.fees().maxFeePerGas()) > 0);
        rpc.call("evm_mine");
        tracker.refresh(31337, signer.address());
        assertEquals(TxStatus.CONFIRMED, repository.find(fast.hash()).orElseThrow().status());
        assertEquals(TxStatus.REPLACED, repository.find(slow.hash()).orElseThrow().status());

        BigInteger recipientBefore = rpc.callQuantity("eth_getBalance", RECIPIENT, "latest");
        TxRecord unwanted = pipeline.send(pipeline.prepare(signer.address(), RECIPIENT, BigInteger.valueOf(777), null, FeeLevel.NORMAL), signer);
        TxRecord cancel = pipeline.cancel(unwanted.hash(), signer, null);
        rpc.call("evm_mine");
        tracker.refresh(31337, signer.address());
        assertEquals(TxStatus.CONFIRMED, repository.find(cancel.hash()).orElseThrow().status());
        assertEquals(TxStatus.REPLACED, repository.find(unwanted.hash()).orElseThrow().status());
        assertEquals(recipientBefore, rpc.callQuantity("eth_getBalance", RECIPIENT, "latest"), "the cancelled transfer never happened");
        assertThrows(IllegalStateException.class, () -> pipeline.speedUp(unwanted.hash(), signer, null));
    }

    @Test
    void noncesFollowSendsFromElsewhereAndSurviveAForgetfulNode() throws Exception {
        // a send made by another wallet holding the same key (anvil's dev accounts are unlocked)
        rpc.call("eth_sendTransaction", Map.of("from", signer.address(), "to", RECIPIENT, "value", "0x1"));
        rpc.call("evm_mine");
        long onChain = rpc.callQuantity("eth_getTransactionCount", signer.address(), "latest").longValueExact();
        PreparedTx first = pipeline.prepare(signer.address(), RECIPIENT, BigInteger.ONE, null, FeeLevel.NORMAL);
        assertEquals(onChain, first.nonce());

        rpc.call("evm_setIntervalMining", 0);
        TxRecord pending = pipeline.send(first, signer);
        rpc.call("anvil_dropTransaction", pending.hash()); // the node forgets it (as after a restart)
        TxPipeline afterRestart = new TxPipeline(rpc, 31337, new TxRepository(Database.open(dir.resolve("hearth.db"))));
        assertEquals(onChain + 1, afterRestart.prepare(signer.address(), RECIPIENT, BigInteger.ONE, null, FeeLevel.NORMAL).nonce(),
                "our own pending nonce is not handed out twice");

        tracker.refresh(31337, signer.address()); // rebroadcasts the forgotten transaction
        rpc.call("evm_mine");
        tracker.refresh(31337, signer.address());
        assertEquals(TxStatus.CONFIRMED, repository.find(pending.hash()).orElseThrow().status());
    }

    @Test
    void badAddressesAreRefusedBeforeAnythingHappens() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> pipeline.prepare(signer.address(), "0x000000000000000000000000000000000000dEAd", BigInteger.ONE, null, FeeLevel.NORMAL));
        assertTrue(e.getMessage().contains("checksum"), e.getMessage());
    }

    private TxRecord awaitFinal(String hash) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            tracker.refresh(31337, signer.address());
            TxRecord r = repository.find(hash).orElseThrow();
            if (r.status().isFinal()) {
                return r;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("transaction " + hash + " still pending");
    }
}
