package org.hearth.chain.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.hearth.chain.Addresses;
import org.hearth.chain.RpcClient;
import org.hearth.chain.abi.Abi;
import org.hearth.chain.session.ChainSession;
import org.hearth.chain.tx.FeeLevel;
import org.hearth.chain.tx.PrivateKeySigner;
import org.hearth.history.AccountCounterparties;
import org.hearth.node.DemoWorld;
import org.hearth.store.Database;
import org.hearth.store.DemoWorldRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.ECKeyPair;
import org.web3j.utils.Numeric;
import org.hearth.testing.TestChain;

/**
 * The review's address warnings with the session's real history on anvil (the reviewer every
 * signing flow uses): each raised where it should be and nowhere else.
 */
class ReviewWarningsTest {

    private static final ECKeyPair DEV1 = ECKeyPair.create(Numeric.toBigInt("0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d"));
    private static final String USER = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
    private static final String BOB = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC";
    /** BOB's first and last 4 hex characters around other ones: an address poisoner's twin. */
    private static final String BOB_TWIN = Addresses.checksummed("0x3c44" + "ab".repeat(16) + "93bc");
    private static final String STRANGER = "0x000000000000000000000000000000000000bEEF";

    @TempDir
    static Path dir;
    private static TestChain chain;
    private static ChainSession session;
    private static TxReviewer reviewer;
    private static String token;
    private static String market;
    private static String timelock;

    @BeforeAll
    static void start() {
        chain = TestChain.start(dir, 1);
        RpcClient rpc = chain.rpc();
        Database db = Database.open(dir.resolve("hearth.db"));
        Map<String, String> contracts = new DemoWorld(rpc, new DemoWorldRepository(db), dir.resolve("demo.lock")).ensure(USER).contracts();
        token = contracts.get("HearthToken");
        market = contracts.get("ComputeMarket");
        timelock = contracts.get("HearthTimelock");
        session = ChainSession.open(new RpcClient(rpc.endpoint()), ChainSession.Kind.LOCAL, db, 0);
        reviewer = AccountCounterparties.reviewer(session);
        // USER has sent ether to BOB once: BOB is a known counterparty from now on
        session.pipeline().send(session.pipeline().prepare(USER, BOB, BigInteger.TEN, null, FeeLevel.NORMAL), new PrivateKeySigner(DEV1));
    }

    @AfterAll
    static void stop() {
        session.close();
        chain.close();
    }

    private static List<ReviewWarning> warnings(String to, BigInteger value, String data) {
        return reviewer.review(session.pipeline().prepare(USER, to, value, data, FeeLevel.NORMAL)).warnings();
    }

    private static String transfer(String to) {
        return Abi.encodeCall("transfer(address,uint256)", to, BigInteger.ONE);
    }

    @Test
    void aSendToAKnownCounterpartyHasNoWarning() {
        assertEquals(List.of(), warnings(BOB, BigInteger.ONE, null));
        assertEquals(List.of(), warnings(token, BigInteger.ZERO, transfer(BOB)));
    }

    @Test
    void theFirstSendToAnAddressIsPointedOutButNeedsNoAcknowledgement() {
        List<ReviewWarning> w = warnings(STRANGER, BigInteger.ONE, null);
        assertEquals(List.of(ReviewWarning.of(ReviewWarning.FIRST_SEND, STRANGER)), w);
        assertFalse(w.getFirst().isDanger());
        assertEquals(w, warnings(token, BigInteger.ZERO, transfer(STRANGER)), "a token transfer's recipient is the argument");
    }

    @Test
    void anAddressThatLooksLikeOneInTheHistoryIsADanger() {
        List<ReviewWarning> eth = warnings(BOB_TWIN, BigInteger.ONE, null);
        assertEquals(List.of(ReviewWarning.of(ReviewWarning.FIRST_SEND, BOB_TWIN), ReviewWarning.of(ReviewWarning.LOOK_ALIKE, BOB_TWIN, BOB)), eth);
        assertTrue(eth.get(1).isDanger());
        assertTrue(warnings(token, BigInteger.ZERO, transfer(BOB_TWIN)).contains(ReviewWarning.of(ReviewWarning.LOOK_ALIKE, BOB_TWIN, BOB)));
        assertTrue(warnings(token, BigInteger.ZERO, Abi.encodeCall("approve(address,uint256)", BOB_TWIN, BigInteger.ONE))
                .contains(ReviewWarning.of(ReviewWarning.LOOK_ALIKE, BOB_TWIN, BOB)), "every address of the call is checked");
    }

    @Test
    void aTokenSentToItsOwnContractIsADanger() {
        List<ReviewWarning> w = warnings(token, BigInteger.ZERO, transfer(token));
        assertEquals(List.of(ReviewWarning.of(ReviewWarning.TO_TOKEN_CONTRACT, "HRTH"), ReviewWarning.of(ReviewWarning.FIRST_SEND,
                Addresses.checksummed(token))), w);
        assertTrue(w.getFirst().isDanger());
    }

    @Test
    void aTokenSentToAnotherContractIsPointedOut() {
        List<ReviewWarning> w = warnings(token, BigInteger.ZERO, transfer(market));
        assertTrue(w.contains(ReviewWarning.of(ReviewWarning.RECIPIENT_IS_CONTRACT, Addresses.checksummed(market))), w.toString());
        assertEquals(List.of(ReviewWarning.of(ReviewWarning.FIRST_SEND, Addresses.checksummed(timelock))),
                warnings(timelock, BigInteger.ONE, null), "ether to a contract that cannot take it reverts: nothing is lost");
    }

    @Test
    void anApprovalToAnAddressWithoutCodeIsADangerButRevokingItIsNot() {
        List<ReviewWarning> w = warnings(token, BigInteger.ZERO, Abi.encodeCall("approve(address,uint256)", STRANGER, BigInteger.TEN));
        assertEquals(List.of(ReviewWarning.of(ReviewWarning.SPENDER_NO_CODE, STRANGER)), w, "no first-send warning: nothing is sent");
        assertTrue(w.getFirst().isDanger());
        assertEquals(List.of(), warnings(token, BigInteger.ZERO, Abi.encodeCall("approve(address,uint256)", STRANGER, BigInteger.ZERO)));
        assertEquals(List.of(), warnings(token, BigInteger.ZERO, Abi.encodeCall("approve(address,uint256)", market, BigInteger.TEN)),
                "a contract spender, a limited amount");
    }
}
