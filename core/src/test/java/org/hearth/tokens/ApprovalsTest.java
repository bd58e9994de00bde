package org.hearth.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.hearth.chain.RpcClient;
import org.hearth.chain.abi.ContractCalls;
import org.hearth.chain.review.TokenAmount;
import org.hearth.chain.session.ChainSession;
import org.hearth.chain.tx.FeeLevel;
import org.hearth.chain.tx.PrivateKeySigner;
import org.hearth.node.DemoWorld;
import org.hearth.problem.HearthException;
import org.hearth.store.Database;
import org.hearth.store.DemoWorldRepository;
import org.hearth.testing.DevTx;
import org.hearth.testing.TestChain;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.ECKeyPair;
import org.web3j.utils.Numeric;

/**
 * Approvals found from the account's Approval/ApprovalForAll logs through the one log indexer, valued
 * on chain now (spent and overwritten allowances show their real value), with their risks, and revoked
 * through the pipeline: the chain shows 0 afterwards.
 */
class ApprovalsTest {

    private static final ECKeyPair DEV1 = ECKeyPair.create(Numeric.toBigInt("0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d"));
    private static final String USER = DevTx.ACCOUNTS[1].toLowerCase();
    private static final String SPENDER = DevTx.ACCOUNTS[3].toLowerCase();
    private static final String OVERWRITTEN = DevTx.ACCOUNTS[4].toLowerCase();
    private static final String OPERATOR = DevTx.ACCOUNTS[5].toLowerCase();

    @TempDir
    static Path dir;
    private static TestChain chain;
    private static ChainSession session;
    private static DevTx dev;
    private static String token;
    private static String market;
    private static String collectibles;
    private static Map<String, String> demo;

    @BeforeAll
    static void start() {
        chain = TestChain.start(dir, 1);
        RpcClient rpc = chain.rpc();
        Database db = Database.open(dir.resolve("hearth.db"));
        Map<String, String> contracts = new DemoWorld(rpc, new DemoWorldRepository(db), dir.resolve("demo.lock")).ensure(USER).contracts();
        demo = contracts;
        market = contracts.get("ComputeMarket").toLowerCase();
        collectibles = contracts.get("HearthCollectibles").toLowerCase();
        token = contracts.get("HearthToken").toLowerCase();
        dev = new DevTx(rpc);
        dev.call(USER, token, "approve(address,uint256)", market, TokenAmount.MAX_UINT256);
        dev.call(USER, token, "approve(address,uint256)", SPENDER, BigInteger.valueOf(100));
        dev.call(SPENDER, token, "transferFrom(address,address,uint256)", USER, SPENDER, BigInteger.valueOf(40)); // spends 40 of 100
        dev.call(USER, token, "approve(address,uint256)", OVERWRITTEN, BigInteger.valueOf(50));
        dev.call(USER, token, "approve(address,uint256)", OVERWRITTEN, BigInteger.ZERO);
        dev.call(USER, collectibles, "setApprovalForAll(address,bool)", OPERATOR, true);
        dev.call(SPENDER, token, "approve(address,uint256)", USER, BigInteger.valueOf(7)); // granted to USER, not by USER
        session = ChainSession.open(new RpcClient(rpc.endpoint()), ChainSession.Kind.LOCAL, db, 0);
    }

    @AfterAll
    static void stop() {
        session.close();
        chain.close();
    }

    private static List<Approval> standing() throws InterruptedException {
        Approvals approvals = new Approvals(session);
        approvals.sync(USER);
        return approvals.of(USER);
    }

    @Test
    void standingApprovalsAreFoundFromLogsWithTheirCurrentValuesAndRisks() throws Exception {
        List<Approval> all = standing();
        String usdt = demo.get("DemoUsdt").toLowerCase();
        String dead = "0x000000000000000000000000000000000000dead";
        assertEquals(List.of(usdt + ">" + market, token + ">" + dead, token + ">" + market, token + ">" + SPENDER, collectibles + ">" + OPERATOR),
                all.stream().map(a -> a.token() + ">" + a.spender()).toList(),
                "the demo world's two, then this test's; the overwritten and the incoming ones are gone");
        assertEquals(List.of(Approval.UNLIMITED), all.get(0).risks(), "the demo world's unlimited dUSDT approval");
        assertEquals("dUSDT", all.get(0).symbol());
        assertEquals(List.of(Approval.NO_CODE, Approval.UNKNOWN_SPENDER), all.get(1).risks(), "the demo world's approval to no code");
        all = all.subList(2, all.size());

        Approval unlimited = all.get(0);
        assertEquals(Approval.Standard.ERC20, unlimited.standard());
        assertEquals(TokenAmount.MAX_UINT256, unlimited.allowance());
        assertEquals("ComputeMarket", unlimited.spenderName());
        assertEquals(List.of(Approval.UNLIMITED), unlimited.risks());
        assertEquals("HRTH", unlimited.symbol());
        assertEquals(18, unlimited.decimals());

        Approval spent = all.get(1);
        assertEquals(BigInteger.valueOf(60), spent.allowance(), "100 approved, 40 spent");
        assertEquals(List.of(Approval.NO_CODE, Approval.UNKNOWN_SPENDER), spent.risks());

        Approval operator = all.get(2);
        assertEquals(Approval.Standard.ERC721, operator.standard());
        assertNull(operator.allowance());
        assertEquals(List.of(Approval.UNLIMITED, Approval.NO_CODE, Approval.UNKNOWN_SPENDER), operator.risks());
    }

    @Test
    void revokingThroughThePipelineLeavesZeroOnChain() throws Exception {
        Approvals approvals = new Approvals(session);
        approvals.sync(USER);
        PrivateKeySigner signer = new PrivateKeySigner(DEV1);
        dev.call(USER, token, "approve(address,uint256)", OVERWRITTEN, BigInteger.valueOf(9));
        approvals.sync(USER);
        Approval a = approvals.find(USER, token, OVERWRITTEN);
        send(signer, a);
        String operator = DevTx.ACCOUNTS[0].toLowerCase(); // its own operator: the other test's stay standing
        dev.call(USER, collectibles, "setApprovalForAll(address,bool)", operator, true);
        approvals.sync(USER);
        send(signer, approvals.find(USER, collectibles, operator));

        ContractCalls calls = new ContractCalls(session.rpc());
        assertEquals(BigInteger.ZERO, calls.readOne(token, "allowance(address,address)(uint256)", USER, OVERWRITTEN));
        assertEquals(false, calls.readOne(collectibles, "isApprovedForAll(address,address)(bool)", USER, operator));
        approvals.sync(USER);
        assertThrows(HearthException.class, () -> approvals.find(USER, token, OVERWRITTEN));
        assertTrue(approvals.of(USER).stream().noneMatch(x -> x.spender().equals(operator)));
    }

    private static void send(PrivateKeySigner signer, Approval a) throws InterruptedException {
        var tx = session.pipeline().prepare(USER, a.token(), BigInteger.ZERO, Approvals.revokeData(a), FeeLevel.NORMAL);
        String hash = session.pipeline().send(tx, signer).hash();
        session.rpc().call("evm_mine");
        for (int i = 0; i < 200; i++) {
            var receipt = session.rpc().call("eth_getTransactionReceipt", hash);
            if (receipt != null && !receipt.isNull()) {
                assertEquals("0x1", receipt.path("status").asText());
                return;
            }
            Thread.sleep(25);
        }
        throw new AssertionError("no receipt for " + hash);
    }
}
