package org.hearth.nft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.Map;
import org.hearth.chain.RpcClient;
import org.hearth.chain.abi.ContractCalls;
import org.hearth.chain.session.ChainSession;
import org.hearth.chain.tx.FeeLevel;
import org.hearth.chain.tx.PreparedTx;
import org.hearth.chain.tx.PrivateKeySigner;
import org.hearth.chain.tx.TxRecord;
import org.hearth.node.DemoWorld;
import org.hearth.problem.HearthException;
import org.hearth.store.Database;
import org.hearth.store.DemoWorldRepository;
import org.hearth.testing.TestChain;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.ECKeyPair;
import org.web3j.utils.Numeric;

/** Sending ERC-721 and ERC-1155 tokens through the one pipeline on anvil, and what is refused before signing. */
class NftSendTest {

    private static final String USER = "0x70997970c51812dc3a010c7d01b50e0d17dc79c8";
    private static final String BOB = "0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc";
    private static final PrivateKeySigner SIGNER = new PrivateKeySigner(
            ECKeyPair.create(Numeric.toBigInt("0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d")));

    @TempDir
    static Path dir;
    private static TestChain chain;
    private static ChainSession session;
    private static Map<String, String> contracts;
    private static ContractCalls calls;

    @BeforeAll
    static void start() {
        chain = TestChain.start(dir, 1);
        Database db = Database.open(dir.resolve("hearth.db"));
        contracts = new DemoWorld(chain.rpc(), new DemoWorldRepository(db), dir.resolve("demo.lock")).ensure(USER).contracts();
        session = ChainSession.open(new RpcClient(chain.rpc().endpoint()), ChainSession.Kind.LOCAL, db, 0);
        calls = new ContractCalls(session.rpc());
    }

    @AfterAll
    static void stop() {
        if (session != null) {
            session.close();
        }
        chain.close();
    }

    private static void sendAndMine(PreparedTx tx) throws InterruptedException {
        TxRecord sent = session.pipeline().send(tx, SIGNER);
        JsonNode receipt;
        while ((receipt = session.rpc().call("eth_getTransactionReceipt", sent.hash())) == null || receipt.isNull()) {
            Thread.sleep(100);
        }
        assertEquals("0x1", receipt.path("status").asText());
    }

    @Test
    void anErc721TokenMovesWithSafeTransferFrom() throws Exception {
        String col = contracts.get("HearthCollectibles");
        assertEquals(USER, calls.readOne(col, "ownerOf(uint256)(address)", BigInteger.ONE).toString().toLowerCase());
        PreparedTx tx = NftSend.prepare(session, USER, col, BigInteger.ONE, null, BOB, FeeLevel.NORMAL);
        assertTrue(tx.data().startsWith("0x42842e0e"), "safeTransferFrom(address,address,uint256): " + tx.data().substring(0, 10));
        sendAndMine(tx);
        assertEquals(BOB, calls.readOne(col, "ownerOf(uint256)(address)", BigInteger.ONE).toString().toLowerCase());
        HearthException again = assertThrows(HearthException.class,
                () -> NftSend.prepare(session, USER, col, BigInteger.ONE, null, BOB, FeeLevel.NORMAL));
        assertEquals("nft.sendNotHeld", again.key());
    }

    @Test
    void anErc1155QuantityMovesAndMoreThanHeldIsRefusedBeforeSigning() throws Exception {
        String items = contracts.get("HearthItems");
        BigInteger three = BigInteger.valueOf(3);
        assertEquals(BigInteger.valueOf(20), calls.readOne(items, "balanceOf(address,uint256)(uint256)", USER, three));
        HearthException tooMany = assertThrows(HearthException.class,
                () -> NftSend.prepare(session, USER, items, three, BigInteger.valueOf(21), BOB, FeeLevel.NORMAL));
        assertEquals("nft.sendNotHeld", tooMany.key());
        sendAndMine(NftSend.prepare(session, USER, items, three, BigInteger.valueOf(7), BOB, FeeLevel.NORMAL));
        assertEquals(BigInteger.valueOf(13), calls.readOne(items, "balanceOf(address,uint256)(uint256)", USER, three));
        assertEquals(BigInteger.valueOf(7), calls.readOne(items, "balanceOf(address,uint256)(uint256)", BOB, three));
    }

    @Test
    void aRecipientThatWouldLoseTheTokenOrRefusesItIsCaughtBeforeSigning() {
        String col = contracts.get("HearthCollectibles");
        assertEquals("nft.sendRecipient", assertThrows(HearthException.class, () -> NftSend.prepare(session, USER, col, BigInteger.TWO,
                null, "0x0000000000000000000000000000000000000000", FeeLevel.NORMAL)).key());
        assertEquals("nft.sendRecipient", assertThrows(HearthException.class,
                () -> NftSend.prepare(session, USER, col, BigInteger.TWO, null, col, FeeLevel.NORMAL)).key());
        assertEquals("nft.sendAmount", assertThrows(HearthException.class,
                () -> NftSend.prepare(session, USER, col, BigInteger.TWO, BigInteger.TWO, BOB, FeeLevel.NORMAL)).key());
        // HearthToken has code but no onERC721Received: safeTransferFrom reverts, and the simulation says so
        HearthException refused = assertThrows(HearthException.class,
                () -> NftSend.prepare(session, USER, col, BigInteger.TWO, null, contracts.get("HearthToken"), FeeLevel.NORMAL));
        assertEquals("nft.sendReverts", refused.key());
        assertEquals("nft.notNftContract", assertThrows(HearthException.class,
                () -> NftSend.prepare(session, USER, contracts.get("HearthToken"), BigInteger.ONE, null, BOB, FeeLevel.NORMAL)).key());
    }
}
