package org.hearth.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hearth.chain.RpcClient;
import org.hearth.chain.session.ChainSession;
import org.hearth.index.Erc20Transfer;
import org.hearth.node.DemoWorld;
import org.hearth.store.Database;
import org.hearth.store.DemoWorldRepository;
import org.hearth.testing.DevTx;
import org.hearth.testing.TestChain;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo world's odd tokens as Hearth reads them on a fresh chain: listed with their metadata
 * (bytes32 symbol decoded, 6 decimals), exact balances, the fee-on-transfer token's history showing
 * what arrived, and the spam airdrop discovered but hidden with its reason, never counted.
 */
class DemoTokensTest {

    private static final String USER = DevTx.ACCOUNTS[1];

    @TempDir
    static Path dir;
    private static TestChain chain;
    private static ChainSession session;
    private static Map<String, String> demo;

    @BeforeAll
    static void start() {
        chain = TestChain.start(dir, 1);
        RpcClient rpc = chain.rpc();
        Database db = Database.open(dir.resolve("hearth.db"));
        demo = new DemoWorld(rpc, new DemoWorldRepository(db), dir.resolve("demo.lock")).ensure(USER).contracts();
        session = ChainSession.open(new RpcClient(rpc.endpoint()), ChainSession.Kind.LOCAL, db, 0);
    }

    @AfterAll
    static void stop() {
        session.close();
        chain.close();
    }

    @Test
    void theOddTokensAreListedWithExactBalancesAndTheAirdropIsHiddenAsSpam() throws Exception {
        TokenRegistry registry = new TokenRegistry(session);
        AccountTransfers.sync(session, USER);
        List<Token> added = registry.discover(USER);
        Token airdrop = added.stream().filter(t -> t.address().equalsIgnoreCase(demo.get("DemoTokenAirdrop"))).findFirst().orElseThrow();
        assertTrue(airdrop.hidden());
        assertEquals("tokens.spam.url", airdrop.spamReason());

        Map<String, String> shown = BalanceReader.of(session).balances(USER, registry.visible()).stream()
                .collect(Collectors.toMap(b -> b.token().symbol(), TokenBalance::formatted));
        assertEquals(Map.of("HRTH", "10000", "dUSDT", "2500", "dMKR", "25", "dFEE", "990"), shown,
                "the airdrop is hidden, so never counted");
        Token usdt = registry.require(demo.get("DemoUsdt"));
        assertEquals(6, usdt.decimals());
        assertEquals("Demo Maker", registry.require(demo.get("DemoMaker")).name(), "a bytes32 name decoded");

        List<Erc20Transfer> fee = session.erc20Transfers().of(session.chainId(), USER).stream()
                .filter(t -> t.token().equalsIgnoreCase(demo.get("DemoFeeToken"))).toList();
        assertEquals(List.of(DemoWorld.TOKEN.multiply(BigInteger.valueOf(990))), fee.stream().map(Erc20Transfer::value).toList(),
                "1,000 sent, 990 arrived: the history shows what arrived, which is the balance");
    }

    @Test
    void aUsdtStyleAllowanceIsZeroedBeforeANewAmountAndOthersAreApprovedDirectly() {
        String usdt = demo.get("DemoUsdt");
        String market = demo.get("ComputeMarket");
        BigInteger ten = BigInteger.TEN.pow(7);
        List<String> both = AllowanceChange.calls(session, USER, usdt, market, ten);
        assertEquals(List.of(org.hearth.chain.abi.Abi.encodeCall("approve(address,uint256)", market, BigInteger.ZERO),
                org.hearth.chain.abi.Abi.encodeCall("approve(address,uint256)", market, ten)), both,
                "the demo world's unlimited dUSDT approval must go to 0 first");
        DevTx dev = new DevTx(chain.rpc());
        for (String data : both) { // and the two calls, in that order, do set it
            dev.send(USER, usdt, BigInteger.ZERO, data);
        }
        assertEquals(ten, new org.hearth.chain.abi.ContractCalls(session.rpc()).readOne(usdt, "allowance(address,address)(uint256)", USER, market));
        assertEquals(1, AllowanceChange.calls(session, USER, demo.get("HearthToken"), market, ten).size(), "a token without the guard");
        assertEquals(1, AllowanceChange.calls(session, USER, usdt, demo.get("HearthTimelock"), ten).size(), "no allowance yet");
    }
}
