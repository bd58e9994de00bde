package org.hearth.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hearth.chain.Addresses;
import org.hearth.node.DemoWorld;
import org.hearth.store.Database;
import org.hearth.store.DemoWorldRepository;
import org.hearth.testing.TestChain;
import org.hearth.testing.TokenFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hearth tokens balances|add|history} against the demo world and odd tokens on anvil, watch-only (no vault). */
class TokensCliTest {

    private static final String USER = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
    private static final String NOBODY = "0x00000000000000000000000000000000DeaDBeef";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    private static TestChain chain;
    private static Path data;
    private static String rpc;
    private static Map<String, String> demo;
    private static TokenFixtures fixtures;

    @BeforeAll
    static void start() {
        chain = TestChain.start(dir.resolve("chain"), 3600);
        data = dir.resolve("hearth");
        demo = new DemoWorld(chain.rpc(), new DemoWorldRepository(Database.open(data.resolve("hearth.db"))), dir.resolve("demo.lock"))
                .ensure(USER).contracts();
        rpc = chain.rpc().endpoint().toString();
        fixtures = new TokenFixtures(chain.rpc());
    }

    @AfterAll
    static void stop() {
        chain.close();
    }

    private static List<JsonNode> lines(String out) throws Exception {
        List<JsonNode> rows = new ArrayList<>();
        for (String line : out.strip().split("\n")) {
            rows.add(JSON.readTree(line));
        }
        return rows;
    }

    @Test
    void balancesPrintOneObjectPerTokenWithExactStringsAndErrorsPerToken() throws Exception {
        String usdt = fixtures.noBool(USER, BigInteger.valueOf(1_234_500));
        String frozen = fixtures.revertingBalance();
        String hrth = demo.get("HearthToken");
        Cli.Run run = Cli.run(data, "--rpc", rpc, "tokens", "balances", "--account", USER,
                "--token", usdt, "--token", frozen, "--token", NOBODY, "--token", hrth, "--json");
        assertEquals(0, run.exit(), run.err());
        List<JsonNode> rows = lines(run.out());
        assertEquals(4, rows.size(), run.out());
        JsonNode u = rows.get(0);
        assertEquals(Addresses.checksummed(usdt), u.get("token").asText());
        assertEquals("TUSD", u.get("symbol").asText());
        assertEquals(6, u.get("decimals").asInt());
        assertTrue(u.get("balance").isTextual());
        assertEquals("1234500", u.get("balance").asText());
        assertTrue(u.get("error").isNull());
        assertTrue(rows.get(1).get("balance").isNull());
        assertTrue(rows.get(1).get("error").asText().contains("reverted"), rows.get(1).toString());
        assertEquals("HRTH", rows.get(2).get("symbol").asText());
        assertTrue(new BigInteger(rows.get(2).get("balance").asText()).signum() > 0);
        JsonNode gone = rows.get(3);
        assertEquals(Addresses.checksummed(NOBODY), gone.get("token").asText());
        assertTrue(gone.get("error").asText().contains("no contract"), gone.toString());
        assertTrue(gone.get("balance").isNull());
    }

    @Test
    void addThenBalancesWithoutTokenListsKnownAndDiscoveredTokens() throws Exception {
        String mkr = fixtures.bytes32("Maker", "MKR", NOBODY, BigInteger.TEN);
        Cli.Run added = Cli.run(data, "--rpc", rpc, "tokens", "add", mkr);
        assertEquals(0, added.exit(), added.err());
        assertTrue(added.out().contains("MKR (Maker)"), added.out());
        Cli.Run refused = Cli.run(data, "--rpc", rpc, "tokens", "add", NOBODY);
        assertEquals(1, refused.exit());
        assertTrue(refused.err().contains("no contract"), refused.err());

        String gift = fixtures.plain("Gift", "GIFT", 2, USER, BigInteger.valueOf(12_345));
        Cli.Run run = Cli.run(data, "--rpc", rpc, "tokens", "balances", "--account", USER, "--json");
        assertEquals(0, run.exit(), run.err());
        List<JsonNode> rows = lines(run.out());
        JsonNode g = rows.stream().filter(r -> r.get("token").asText().equalsIgnoreCase(gift)).findFirst().orElseThrow(() ->
                new AssertionError("the received token was discovered: " + run.out()));
        assertEquals("12345", g.get("balance").asText());
        assertEquals("0", rows.stream().filter(r -> r.get("symbol").asText().equals("MKR")).findFirst().orElseThrow().get("balance").asText());

        Cli.Run history = Cli.run(data, "--rpc", rpc, "tokens", "history", "--account", USER, "--token", gift, "--json");
        assertEquals(0, history.exit(), history.err());
        List<JsonNode> moves = lines(history.out());
        assertEquals(1, moves.size(), history.out());
        assertEquals("12345", moves.getFirst().get("value").asText());
        assertEquals("in", moves.getFirst().get("direction").asText());
    }

    @Test
    void sendMovesAUsdtStyleTokenThroughThePipelineAndTheBalancesShowIt() throws Exception {
        String bob = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC";
        Path words = java.nio.file.Files.writeString(dir.resolve("words.txt"), "test test test test test test test test test test test junk\n");
        Path password = java.nio.file.Files.writeString(dir.resolve("password.txt"), "correct horse battery\n");
        Path wallet = dir.resolve("wallet-data");
        Cli.Run restore = Cli.run(wallet, "--rpc", rpc, "wallet", "restore", "--mnemonic-file", words.toString(), "--password-file", password.toString());
        assertEquals(0, restore.exit(), restore.err());
        String usdt = fixtures.noBool(USER, BigInteger.valueOf(2_000_000));
        // the test chain mines on cue: keep mining while the command waits for its receipt
        Thread miner = Thread.ofVirtual().start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(200);
                    chain.rpc().call("evm_mine");
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException ignored) {
                    // the chain is closing
                }
            }
        });
        Cli.Run send;
        try {
            send = Cli.run(wallet, "--rpc", rpc, "tokens", "send", "--from", USER, "--token", usdt, "--to", bob,
                    "--amount", "0.75", "--password-file", password.toString(), "--yes");
        } finally {
            miner.interrupt();
        }
        assertEquals(0, send.exit(), send.err() + send.out());
        assertTrue(send.out().contains("amount:          0.75 TUSD"), send.out());
        assertTrue(send.out().contains("to:              " + bob), send.out());
        assertTrue(send.out().contains("max network fee: "), send.out());
        assertTrue(send.out().contains("status:          confirmed in block"), send.out());
        // this data dir never saw the demo world, so no Multicall3 is known: balances are read one call per token
        Cli.Run after = Cli.run(wallet, "--rpc", rpc, "tokens", "balances", "--account", bob, "--token", usdt, "--json");
        assertEquals(0, after.exit(), after.err());
        assertEquals("750000", lines(after.out()).getFirst().get("balance").asText());
        Cli.Run mine = Cli.run(wallet, "--rpc", rpc, "tokens", "balances", "--account", USER, "--token", usdt, "--json");
        assertEquals("1250000", lines(mine.out()).getFirst().get("balance").asText());
        // the history adds up to the balance: the mint in, the send out
        Cli.Run history = Cli.run(wallet, "--rpc", rpc, "tokens", "history", "--account", USER, "--token", usdt, "--json");
        assertEquals(0, history.exit(), history.err());
        BigInteger net = BigInteger.ZERO;
        for (JsonNode move : lines(history.out())) {
            BigInteger v = new BigInteger(move.get("value").asText());
            net = move.get("direction").asText().equals("in") ? net.add(v) : net.subtract(v);
        }
        assertEquals(2, lines(history.out()).size(), history.out());
        assertEquals(new BigInteger("1250000"), net);

        // a token that answers false is refused before anything is signed or sent
        String nope = fixtures.falseReturn(USER, BigInteger.TEN.pow(20));
        long nonce = Long.decode(chain.rpc().call("eth_getTransactionCount", USER, "latest").asText());
        Cli.Run refused = Cli.run(wallet, "--rpc", rpc, "tokens", "send", "--from", USER, "--token", nope, "--to", bob,
                "--amount", "1", "--password-file", password.toString(), "--yes");
        assertEquals(1, refused.exit(), refused.out());
        assertTrue(refused.err().contains("answers this transfer with false"), refused.err());
        assertTrue(!refused.out().contains("sent:"), refused.out());
        assertEquals(nonce, Long.decode(chain.rpc().call("eth_getTransactionCount", USER, "pending").asText()), "nothing was sent");
    }

    @Test
    void importListAddsThisChainsTokensAndRefusesABrokenListWhole() throws Exception {
        String listed = fixtures.plain("Listed", "LST", 4, "0x000000000000000000000000000000000000bEEF", BigInteger.valueOf(98_765));
        String head = "{\"name\":\"Demo list\",\"timestamp\":\"2026-01-01T00:00:00Z\",\"version\":{\"major\":1,\"minor\":0,\"patch\":0},\"tokens\":[";
        String mine = "{\"chainId\":31337,\"address\":\"" + listed + "\",\"name\":\"Listed\",\"symbol\":\"LST\",\"decimals\":4}";
        String other = "{\"chainId\":1,\"address\":\"0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48\",\"name\":\"USD Coin\",\"symbol\":\"USDC\",\"decimals\":6}";
        Path broken = java.nio.file.Files.writeString(dir.resolve("broken.json"), head + mine + "," + other.replace("\"decimals\":6", "\"decimals\":\"six\"") + "]}");
        Cli.Run refused = Cli.run(data, "--rpc", rpc, "tokens", "import-list", broken.toString());
        assertEquals(1, refused.exit());
        assertTrue(refused.err().contains("tokens[1].decimals"), refused.err());
        Cli.Run none = Cli.run(data, "--rpc", rpc, "tokens", "balances", "--account", USER, "--json");
        assertTrue(none.out().lines().noneMatch(l -> l.contains("\"LST\"")), "nothing of a refused list was added");

        Path list = java.nio.file.Files.writeString(dir.resolve("list.json"), head + mine + "," + other + "]}");
        Cli.Run imported = Cli.run(data, "--rpc", rpc, "tokens", "import-list", list.toString());
        assertEquals(0, imported.exit(), imported.err());
        assertTrue(imported.out().contains("1 of 2 tokens are for chain 31337 (1 for other chains)"), imported.out());
        Cli.Run run = Cli.run(data, "--rpc", rpc, "tokens", "balances", "--account", NOBODY, "--json");
        JsonNode row = lines(run.out()).stream().filter(r -> r.get("symbol").asText().equals("LST")).findFirst().orElseThrow();
        assertEquals(4, row.get("decimals").asInt());
        assertEquals("0", row.get("balance").asText());
    }
}
