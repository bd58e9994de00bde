package org.hearth.chain.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.hearth.chain.RpcClient;
import org.hearth.chain.abi.Abi;
import org.hearth.chain.session.ChainSession;
import org.hearth.chain.tx.FeeLevel;
import org.hearth.chain.tx.TxPipeline;
import org.hearth.node.DemoWorld;
import org.hearth.store.Database;
import org.hearth.store.DemoWorldRepository;
import org.hearth.store.TxRepository;
import org.hearth.testing.TestChain;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reviews of transactions prepared through the real pipeline against the demo world on anvil. */
class TxReviewerTest {

    /** anvil's dev account 1, funded with HRTH and collectibles by the demo world. */
    private static final String USER = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
    private static final String BOB = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC";

    @TempDir
    static Path dir;
    private static TestChain chain;
    private static TxPipeline pipeline;
    private static TxReviewer reviewer;
    private static Map<String, String> contracts;
    private static Database db;

    @BeforeAll
    static void start() {
        chain = TestChain.start(dir, 1);
        RpcClient rpc = chain.rpc();
        db = Database.open(dir.resolve("hearth.db"));
        contracts = new DemoWorld(rpc, new DemoWorldRepository(db), dir.resolve("demo.lock")).ensure(USER).contracts();
        pipeline = new TxPipeline(rpc, rpc.chainId(), new TxRepository(db));
        reviewer = new TxReviewer(rpc, CallDecoder.shipped());
    }

    @AfterAll
    static void stop() {
        chain.close();
    }

    private static TxReview review(String to, String data) {
        return reviewer.review(pipeline.prepare(USER, to, BigInteger.ZERO, data, FeeLevel.NORMAL));
    }

    @Test
    void anErc20TransferShowsTheAmountWithTheTokensDecimalsAndSymbol() {
        BigInteger amount = new BigInteger("1234500000000000000000");
        TxReview r = review(contracts.get("HearthToken"), Abi.encodeCall("transfer(address,uint256)", BOB, amount));
        assertEquals(new TokenInfo(TokenInfo.Standard.ERC20, "HRTH", 18), r.target());
        assertEquals("transfer", r.call().function().name());
        assertEquals(BOB, r.arguments().get(0).value());
        assertTrue(r.arguments().get(0).isAddress());
        assertNull(r.arguments().get(0).tokenAmount());
        assertEquals(new TokenAmount(amount, 18, "HRTH"), r.arguments().get(1).tokenAmount());
        assertTrue(r.targetHasCode());
        assertEquals(List.of(), r.warnings());
    }

    @Test
    void theSessionsRegistryNamesTheTarget() {
        try (ChainSession session = ChainSession.open(new RpcClient(chain.rpc().endpoint()), ChainSession.Kind.LOCAL, db, 0)) {
            TxReviewer named = new TxReviewer(session.rpc(), CallDecoder::shipped, session.contracts()::byAddress);
            TxReview r = named.review(pipeline.prepare(USER, contracts.get("HearthToken"), BigInteger.ZERO,
                    Abi.encodeCall("transfer(address,uint256)", BOB, BigInteger.ONE), FeeLevel.NORMAL));
            assertEquals("HearthToken", r.targetName());
            assertEquals("HearthToken", r.call().abiName());
            assertEquals("", review(BOB, null).targetName(), "an address the registry does not know");
        }
    }

    @Test
    void anUnlimitedApproveIsWarnedAbout() {
        TxReview r = review(contracts.get("HearthToken"), Abi.encodeCall("approve(address,uint256)", BOB, TokenAmount.MAX_UINT256));
        assertTrue(r.arguments().get(1).tokenAmount().isUnlimited());
        assertEquals(List.of(ReviewWarning.of(ReviewWarning.UNLIMITED_APPROVAL, "HRTH", BOB),
                ReviewWarning.of(ReviewWarning.SPENDER_NO_CODE, BOB)), r.warnings(), "BOB is a person: no contract to approve");

        TxReview limited = review(contracts.get("HearthToken"), Abi.encodeCall("approve(address,uint256)", contracts.get("ComputeMarket"),
                BigInteger.TEN));
        assertEquals(List.of(), limited.warnings());
    }

    @Test
    void anNftApproveNamesATokenIdNotAnAmount() {
        TxReview r = review(contracts.get("HearthCollectibles"), Abi.encodeCall("approve(address,uint256)", BOB, BigInteger.ONE));
        assertEquals(TokenInfo.Standard.ERC721, r.target().standard());
        assertEquals("HCOL", r.target().symbol());
        assertEquals(List.of("to", "tokenId"), r.arguments().stream().map(ReviewArgument::name).toList());
        assertNull(r.arguments().get(1).tokenAmount());
    }

    @Test
    void aGovernorProposeShowsItsActionsDecoded() {
        String action = Abi.encodeCall("transfer(address,uint256)", BOB, BigInteger.valueOf(5000));
        String data = Abi.encodeCall("propose(address[],uint256[],bytes[],string)", List.of(contracts.get("HearthToken")),
                List.of(BigInteger.ZERO), List.of(action), "# Pay Bob");
        TxReview r = review(contracts.get("HearthGovernor"), data);
        assertEquals("propose", r.call().function().name());
        assertEquals(TokenInfo.NONE, r.target(), "a governor is no token");
        ReviewArgument calldatas = r.arguments().get(2);
        assertEquals("calldatas", calldatas.name());
        assertEquals(1, calldatas.innerCalls().size());
        assertEquals("transfer(to: " + BOB + ", value: 5000)", calldatas.innerCalls().getFirst().text());
        assertEquals(List.of(), r.warnings());
    }

    @Test
    void anUnknownCallToAnAddressWithoutCodeGetsBothWarnings() {
        String data = "0x12345678" + "00".repeat(31) + "2a";
        TxReview r = review(BOB, data);
        assertFalse(r.call().isKnown());
        assertFalse(r.targetHasCode());
        assertEquals(List.of(ReviewWarning.of(ReviewWarning.UNKNOWN_CALL, "0x12345678"), ReviewWarning.of(ReviewWarning.NO_CODE, BOB)),
                r.warnings());
        assertTrue(review(BOB, null).isPlainTransfer(), "no data: a plain ether transfer, no warnings");
        assertEquals(List.of(), review(BOB, null).warnings());
    }
}
