package org.hearth.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hearth.chain.Addresses;
import org.hearth.chain.abi.ContractCalls;
import org.hearth.chain.review.TokenAmount;
import org.hearth.node.DemoWorld;
import org.hearth.store.Database;
import org.hearth.store.DemoWorldRepository;
import org.hearth.testing.DevTx;
import org.hearth.testing.TestChain;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hearth tokens approvals} (watch-only) and {@code hearth tokens revoke} through the review, on anvil. */
class TokensApprovalsCliTest {

    private static final String USER = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
    private static final String PERSON = DevTx.ACCOUNTS[3];
    private static final String OPERATOR = DevTx.ACCOUNTS[5];
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    private static TestChain chain;
    private static Path data;
    private static String rpc;
    private static Map<String, String> demo;

    @BeforeAll
    static void start() {
        chain = TestChain.start(dir.resolve("chain"), 3600);
        data = dir.resolve("hearth");
        demo = new DemoWorld(chain.rpc(), new DemoWorldRepository(Database.open(data.resolve("hearth.db"))), dir.resolve("demo.lock"))
                .ensure(USER).contracts();
        rpc = chain.rpc().endpoint().toString();
        DevTx dev = new DevTx(chain.rpc());
        dev.call(USER, demo.get("HearthToken"), "approve(address,uint256)", demo.get("ComputeMarket"), TokenAmount.MAX_UINT256);
        dev.call(USER, demo.get("HearthToken"), "approve(address,uint256)", PERSON, new BigInteger("2500000000000000000"));
        dev.call(USER, demo.get("HearthCollectibles"), "setApprovalForAll(address,bool)", OPERATOR, true);
    }

    @AfterAll
    static void stop() {
        chain.close();
    }

    private static List<JsonNode> lines(String out) throws Exception {
        List<JsonNode> rows = new ArrayList<>();
        for (String line : out.strip().split("\n")) {
            if (!line.isBlank()) {
                rows.add(JSON.readTree(line));
            }
        }
        return rows;
    }

    private static JsonNode row(List<JsonNode> rows, String token, String spender) {
        return rows.stream().filter(r -> r.get("token").asText().equals(Addresses.checksummed(token))
                && r.get("spender").asText().equals(Addresses.checksummed(spender))).findFirst().orElse(null);
    }

    @Test
    void approvalsPrintOneObjectPerStandingApprovalAndRevokeSetsItToZero() throws Exception {
        Cli.Run run = Cli.run(data, "--rpc", rpc, "tokens", "approvals", "--account", USER, "--json");
        assertEquals(0, run.exit(), run.err());
        List<JsonNode> rows = lines(run.out());
        JsonNode market = row(rows, demo.get("HearthToken"), demo.get("ComputeMarket"));
        assertEquals(Addresses.checksummed(demo.get("HearthToken")), market.get("token").asText());
        assertEquals("erc20", market.get("standard").asText());
        assertEquals(TokenAmount.MAX_UINT256.toString(), market.get("allowance").asText(), "an exact integer string");
        assertEquals("[\"unlimited\"]", market.get("risks").toString());
        JsonNode person = row(rows, demo.get("HearthToken"), PERSON);
        assertEquals("2500000000000000000", person.get("allowance").asText());
        assertEquals("[\"no-code\",\"unknown-spender\"]", person.get("risks").toString());
        JsonNode operator = row(rows, demo.get("HearthCollectibles"), OPERATOR);
        assertEquals("erc721", operator.get("standard").asText());
        assertTrue(operator.get("all").asBoolean());
        assertTrue(operator.get("allowance") == null, "an operator approval has no amount");

        Path words = Files.writeString(dir.resolve("words.txt"), "test test test test test test test test test test test junk\n");
        Path password = Files.writeString(dir.resolve("password.txt"), "correct horse battery\n");
        Path wallet = dir.resolve("wallet-data");
        Cli.Run restore = Cli.run(wallet, "--rpc", rpc, "wallet", "restore", "--mnemonic-file", words.toString(), "--password-file", password.toString());
        assertEquals(0, restore.exit(), restore.err());
        Thread miner = Thread.ofVirtual().start(() -> { // the test chain mines on cue: keep mining while the command waits
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
        Cli.Run revoke;
        try {
            revoke = Cli.run(wallet, "--rpc", rpc, "tokens", "revoke", "--from", USER, "--token", demo.get("HearthToken"),
                    "--spender", PERSON, "--password-file", password.toString(), "--yes");
        } finally {
            miner.interrupt();
        }
        assertEquals(0, revoke.exit(), revoke.err() + revoke.out());
        assertTrue(revoke.out().contains("approve(spender: " + Addresses.checksummed(PERSON) + ", value: 0)"), revoke.out());
        assertTrue(revoke.out().contains("status:          confirmed in block"), revoke.out());
        assertTrue(!revoke.out().contains("warning:"), "revoking is never warned about: " + revoke.out());
        assertEquals(BigInteger.ZERO, new ContractCalls(chain.rpc()).readOne(demo.get("HearthToken"), "allowance(address,address)(uint256)",
                USER, PERSON), "the chain shows 0");
        List<JsonNode> after = lines(Cli.run(data, "--rpc", rpc, "tokens", "approvals", "--account", USER, "--json").out());
        assertEquals(null, row(after, demo.get("HearthToken"), PERSON));
        assertEquals(rows.size() - 1, after.size());

        Cli.Run none = Cli.run(wallet, "--rpc", rpc, "tokens", "revoke", "--from", USER, "--token", demo.get("HearthToken"),
                "--spender", PERSON, "--password-file", password.toString(), "--yes");
        assertEquals(1, none.exit());
        assertTrue(none.err().contains("no standing approval"), none.err());
    }
}
