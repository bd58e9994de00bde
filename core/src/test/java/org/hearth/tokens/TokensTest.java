package org.hearth.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hearth.chain.RpcClient;
import org.hearth.chain.session.ChainSession;
import org.hearth.index.Erc20Transfers;
import org.hearth.node.DemoWorld;
import org.hearth.problem.HearthException;
import org.hearth.store.Database;
import org.hearth.store.DemoWorldRepository;
import org.hearth.testing.RpcProxy;
import org.hearth.testing.TestChain;
import org.hearth.testing.ValueForwarders;
import org.hearth.testing.TokenFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The token registry and Multicall3 balances against the demo world and odd tokens on anvil. */
class TokensTest {

    /** anvil's dev account 1, funded with HRTH by the demo world. */
    private static final String USER = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
    private static final String NOBODY = "0x00000000000000000000000000000000deadbeef";

    @TempDir
    static Path dir;
    private static TestChain chain;
    private static ChainSession session;
    private static TokenFixtures fixtures;
    private static Map<String, String> demo;

    @BeforeAll
    static void start() {
        chain = TestChain.start(dir, 3600);
        Database db = Database.open(dir.resolve("hearth.db"));
        demo = new DemoWorld(chain.rpc(), new DemoWorldRepository(db), dir.resolve("demo.lock")).ensure(USER).contracts();
        session = ChainSession.open(new RpcClient(chain.rpc().endpoint()), ChainSession.Kind.LOCAL, db, 0);
        fixtures = new TokenFixtures(chain.rpc());
    }

    @AfterAll
    static void stop() {
        session.close();
        chain.close();
    }

    @Test
    void theDemoWorldsTokenIsKnownAndHasTheUsersBalance() {
        TokenRegistry registry = new TokenRegistry(session);
        Token hrth = registry.require(demo.get("HearthToken"));
        assertEquals("HRTH", hrth.symbol());
        assertEquals("Hearth Token", hrth.name());
        assertEquals(18, hrth.decimals());
        assertEquals(Token.Source.DEMO, hrth.source());
        TokenBalance b = BalanceReader.of(session).balances(USER, List.of(hrth)).getFirst();
        assertTrue(b.isOk());
        assertEquals(new BigInteger((String) session.rpc().call("eth_call", Map.of("to", hrth.address(),
                "data", org.hearth.chain.abi.Abi.encodeCall("balanceOf(address)", USER)), "latest").asText().substring(2), 16), b.balance());
        assertTrue(b.balance().signum() > 0);
    }

    @Test
    void aBytes32TokenIsAddedWithItsNameAndSymbolDecoded() {
        String mkr = fixtures.bytes32("Maker", "MKR", USER, BigInteger.TEN);
        Token t = new TokenRegistry(session).add(mkr);
        assertEquals("Maker", t.name());
        assertEquals("MKR", t.symbol());
        assertEquals(18, t.decimals());
        assertEquals(Token.Source.USER, t.source());
    }

    @Test
    void decimalsAbove255AndCodelessAddressesAreRefusedWithTheirOwnKeys() {
        TokenRegistry registry = new TokenRegistry(session);
        String wide = fixtures.plain("Wide", "WIDE", 300, USER, BigInteger.ONE);
        HearthException tooMany = assertThrows(HearthException.class, () -> registry.add(wide));
        assertEquals("tokens.badDecimals", tooMany.key());
        assertTrue(tooMany.getMessage().contains("300"), tooMany.getMessage());
        HearthException noCode = assertThrows(HearthException.class, () -> registry.add(NOBODY));
        assertEquals("tokens.noCode", noCode.key());
        assertEquals("address.invalid", assertThrows(HearthException.class, () -> registry.add("0x1234")).key());
        assertTrue(registry.all().stream().noneMatch(t -> t.address().equals(wide) || t.address().equals(NOBODY)));
        String max = fixtures.plain("Max", "MAX", 255, USER, BigInteger.TWO.pow(200));
        Token t = registry.add(max);
        assertEquals(255, t.decimals());
        BigInteger units = BalanceReader.of(session).balances(USER, List.of(t)).getFirst().balance();
        assertEquals(BigInteger.TWO.pow(200), units);
        assertEquals(new java.math.BigDecimal(units, 255).stripTrailingZeros().toPlainString(), Token.format(units, 255));
    }

    @Test
    void aHostileNameIsKeptAsShortPlainText() {
        String hostile = "<b onclick='x'>Free</b>\u202Egnp.exe\u0000\u0007\n" + "A".repeat(10_000);
        String address = fixtures.plain(hostile, "\u202E<i>SPAM</i>\u200B\t", 18, USER, BigInteger.ONE);
        Token t = new TokenRegistry(session).add(address);
        assertTrue(t.name().codePointCount(0, t.name().length()) <= TokenText.MAX_NAME, t.name());
        assertTrue(t.name().startsWith("<b onclick='x'>Free</b>gnp.exe"), t.name());
        assertTrue(t.name().endsWith("…"));
        assertEquals("<i>SPAM</i>", t.symbol());
        assertTrue(t.name().codePoints().noneMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT));
    }

    @Test
    void aRevertingAndACodelessTokenCarryTheirOwnErrorsAmongGoodOnes() {
        TokenRegistry registry = new TokenRegistry(session);
        Token usdt = registry.add(fixtures.noBool(USER, BigInteger.valueOf(1_234_500)));
        Token frozen = registry.add(fixtures.revertingBalance());
        Token gone = new Token(session.chainId(), NOBODY, "Gone", "GONE", 18, Token.Source.USER, false);
        Token hrth = registry.require(demo.get("HearthToken"));
        List<TokenBalance> got = BalanceReader.of(session).balances(USER, List.of(usdt, frozen, gone, hrth));
        assertEquals(BigInteger.valueOf(1_234_500), got.get(0).balance());
        assertEquals("1.2345", got.get(0).formatted());
        assertEquals(6, usdt.decimals());
        assertNull(got.get(1).balance());
        assertEquals("tokens.balanceReverted", got.get(1).error().key());
        assertEquals("tokens.balanceEmpty", got.get(2).error().key());
        assertTrue(got.get(3).isOk());
        assertTrue(got.get(3).balance().signum() > 0);
    }

    @Test
    void fiveHundredTokensTakeAtMostTwoRoundTrips() throws Exception {
        String template = fixtures.plain("Template", "TPL", 18, USER, BigInteger.valueOf(77));
        Token frozen = new TokenRegistry(session).add(fixtures.revertingBalance());
        List<Token> tokens = new ArrayList<>();
        tokens.add(new Token(session.chainId(), template, "Template", "TPL", 18, Token.Source.USER, false));
        tokens.add(frozen);
        tokens.add(new Token(session.chainId(), NOBODY, "Gone", "GONE", 18, Token.Source.USER, false));
        for (int i = 0; tokens.size() < 500; i++) {
            String copy = String.format(Locale.ROOT, "0x%040x", 0x7000_0000L + i);
            fixtures.copyCode(template, copy);
            tokens.add(new Token(session.chainId(), copy, "Copy " + i, "C" + i, 6, Token.Source.USER, false));
        }
        String multicall = session.contracts().byName("Multicall3").orElseThrow().address();
        try (RpcProxy proxy = new RpcProxy(chain.rpc().endpoint(), (method, id) -> null);
                RpcClient counted = new RpcClient(proxy.url())) {
            List<TokenBalance> got = new BalanceReader(counted, multicall).balances(USER, tokens);
            int trips = proxy.counts().values().stream().mapToInt(Integer::intValue).sum();
            assertTrue(trips <= 2, "round trips: " + proxy.counts());
            assertEquals(500, got.size());
            assertEquals(BigInteger.valueOf(77), got.get(0).balance());
            assertEquals("tokens.balanceReverted", got.get(1).error().key());
            assertEquals("tokens.balanceEmpty", got.get(2).error().key());
            for (int i = 3; i < 500; i++) {
                assertEquals(tokens.get(i), got.get(i).token());
                assertEquals(BigInteger.ZERO, got.get(i).balance(), "copy " + i);
            }
        }
    }

    @Test
    void unsolicitedSpamIsHiddenWithItsReasonAndUnhidingUndoesIt() throws Exception {
        String fresh = "0x00000000000000000000000000000000005ca1ab";
        String link = fixtures.plain("Visit hrth-bonus.xyz to get 500 HRTH", "HRTH-V2", 18, fresh, BigInteger.TEN);
        String claim = fixtures.plain("Claim your airdrop", "FREE", 18, fresh, BigInteger.TEN);
        String dust = fixtures.plain("Dust", "USDC", 6, ValueForwarders.DEV0, BigInteger.ZERO);
        fixtures.transferFromDev0(dust, fresh, BigInteger.ZERO);
        String honest = fixtures.plain("Honest", "HON", 6, ValueForwarders.DEV0, BigInteger.TEN);
        fixtures.transferFromDev0(honest, fresh, BigInteger.ONE);
        AccountTransfers.sync(session, fresh);
        TokenRegistry registry = new TokenRegistry(session);
        Map<String, Token> found = new java.util.HashMap<>();
        registry.discover(fresh).forEach(t -> found.put(t.address(), t));
        assertEquals("tokens.spam.url", found.get(link).spamReason());
        assertTrue(found.get(link).hidden());
        assertEquals("tokens.spam.claim", found.get(claim).spamReason());
        assertEquals("tokens.spam.zeroValue", found.get(dust).spamReason());
        assertTrue(found.get(dust).hidden());
        assertNull(found.get(honest).spamReason(), "a real transfer of a plain name is no spam");
        assertFalse(found.get(honest).hidden());
        assertTrue(registry.visible().stream().noneMatch(t -> t.address().equals(link) || t.address().equals(claim) || t.address().equals(dust)),
                "spam never counts");
        assertTrue(registry.unhide(dust));
        Token undone = registry.require(dust);
        assertFalse(undone.hidden());
        assertNull(undone.spamReason(), "the user's decision replaces the rule's");
    }

    @Test
    void aReceivedTokenIsDiscoveredFromTheIndexedTransfersAndCanBeHidden() throws Exception {
        String gift = fixtures.plain("Gift", "GIFT", 2, USER, BigInteger.valueOf(500));
        session.logIndexer().watch(session.erc20Transfers(), USER.toLowerCase(Locale.ROOT), 0);
        session.logIndexer().syncToHead();
        assertTrue(session.erc20Transfers().of(session.chainId(), USER).stream().anyMatch(t -> t.token().equalsIgnoreCase(gift)),
                "the indexer stored the mint to USER (" + Erc20Transfers.ID + ")");
        TokenRegistry registry = new TokenRegistry(session);
        List<Token> found = registry.discover(USER);
        Token t = found.stream().filter(x -> x.address().equals(gift)).findFirst().orElseThrow();
        assertEquals(Token.Source.DISCOVERED, t.source());
        assertEquals("GIFT", t.symbol());
        assertTrue(registry.discover(USER).stream().noneMatch(x -> x.address().equals(gift)), "known now: not found again");
        assertTrue(registry.hide(gift));
        assertTrue(registry.all().stream().anyMatch(x -> x.address().equals(gift) && x.hidden()));
        assertFalse(registry.visible().stream().anyMatch(x -> x.address().equals(gift)));
        // re-reading metadata keeps the user's choice
        assertTrue(registry.add(gift).hidden());
        assertTrue(registry.unhide(gift));
        assertTrue(registry.visible().stream().anyMatch(x -> x.address().equals(gift)));
        // persisted: a fresh registry on the same database sees it
        assertTrue(new TokenRepository(session.database()).find(session.chainId(), gift).isPresent());
    }
}
