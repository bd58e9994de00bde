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
import org.hearth.config.DataDir;
import org.hearth.node.DemoWorld;
import org.hearth.store.Database;
import org.hearth.store.DemoWorldRepository;
import org.hearth.testing.DevTx;
import org.hearth.testing.GovernanceWorld;
import org.hearth.testing.TestChain;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hearth dao ...} against the demo world on anvil, plus a short-period governor with canceled, defeated and succeeded proposals. */
class DaoCliTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String JUNK = "test test test test test test test test test test test junk";
    private static final String OWNER_VOTES = "740000000000000000000000";

    @TempDir
    static Path dir;
    private static TestChain chain;
    private static Path data;
    private static String rpc;
    private static Map<String, String> contracts;
    private static GovernanceWorld world;

    @BeforeAll
    static void start() {
        chain = TestChain.start(dir.resolve("chain"), 3600);
        data = dir.resolve("hearth");
        rpc = chain.rpc().endpoint().toString();
        Database db = Database.open(new DataDir(data).ensureExists().databaseFile());
        contracts = new DemoWorld(chain.rpc(), new DemoWorldRepository(db), dir.resolve("demo.lock")).ensure(GovernanceWorld.USER).contracts();
        world = GovernanceWorld.create(chain.rpc(), contracts);
    }

    @AfterAll
    static void stop() {
        chain.close();
    }

    @Test
    void proposalsListsTheDemoGovernorsProposalsAsJsonLines() throws Exception {
        List<JsonNode> lines = jsonLines(ok("dao", "proposals", "--json"));
        assertEquals(List.of("active", "succeeded", "defeated", "executed"), lines.stream().map(l -> l.path("state").asText()).toList());
        assertEquals(OWNER_VOTES, lines.get(2).path("against").asText());
        assertTrue(lines.get(1).path("eta").isNull(), "succeeded, waiting to be queued");
        JsonNode active = lines.get(0);
        JsonNode executed = lines.get(3);
        assertEquals("active", active.path("state").asText());
        assertEquals("Fund GPU provider onboarding", active.path("title").asText());
        assertTrue(active.path("eta").isNull());
        assertEquals("executed", executed.path("state").asText());
        assertEquals(OWNER_VOTES, executed.path("for").asText());
        assertEquals("0", executed.path("against").asText());
        assertEquals("0", executed.path("abstain").asText());
        assertEquals("40000000000000000000000", executed.path("quorum").asText());
        assertEquals(GovernanceWorld.OWNER, executed.path("proposer").asText());
        assertTrue(new BigInteger(executed.path("eta").asText()).signum() > 0);
        assertTrue(executed.path("id").asText().matches("[0-9]+"), "ids are decimal");
    }

    @Test
    void showAndPowerCountInTheGovernorsClock() throws Exception {
        // the demo governor counts seconds: its timepoints are exact times
        String active = jsonLines(ok("dao", "proposals", "--json")).getFirst().path("id").asText();
        JsonNode demo = JSON.readTree(ok("dao", "show", active, "--json"));
        assertEquals("timestamp", demo.path("clock").asText());
        assertEquals(demo.path("voteEnd").asText(), demo.path("voteEndTime").asText());
        assertEquals(demo.path("voteStart").asText(), demo.path("voteStartTime").asText());
        assertEquals(86_400, Long.parseLong(demo.path("voteEnd").asText()) - Long.parseLong(demo.path("voteStart").asText()));
        String start = java.time.Instant.ofEpochSecond(Long.parseLong(demo.path("voteStart").asText())).toString();
        String end = java.time.Instant.ofEpochSecond(Long.parseLong(demo.path("voteEnd").asText())).toString();
        String text = ok("dao", "show", active);
        assertTrue(text.contains("voting:   " + start + " to " + end + " (timestamp clock)"), text);
        String power = ok("dao", "power", "--account", GovernanceWorld.USER, "--proposal", active);
        assertTrue(power.contains("at the snapshot (" + start + "): 10,000"), power);

        // the other governor counts blocks: blocks, with the times those blocks were mined
        JsonNode blocks = JSON.readTree(ok("dao", "show", world.succeededId.toString(), "--governor", world.governor, "--json"));
        assertEquals("blocknumber", blocks.path("clock").asText());
        assertTrue(Long.parseLong(blocks.path("voteEndTime").asText()) > 1_000_000_000L, "a time, not a block");
        assertTrue(Long.parseLong(blocks.path("voteEnd").asText()) < 1_000_000L, "a block, not a time");
        text = ok("dao", "show", world.succeededId.toString(), "--governor", world.governor);
        assertTrue(text.contains("voting:   block " + blocks.path("voteStart").asText() + " to block " + blocks.path("voteEnd").asText()
                + " (about "), text);
        power = ok("dao", "power", "--account", GovernanceWorld.USER, "--governor", world.governor, "--proposal", world.succeededId.toString());
        assertTrue(power.contains("at the snapshot (block " + blocks.path("voteStart").asText() + "): 10,000"), power);
    }

    @Test
    void anotherGovernorsProposalsInEveryEndState() throws Exception {
        List<String> ids = List.of(world.succeededId.toString(), world.defeatedId.toString(), world.canceledId.toString());
        List<JsonNode> lines = jsonLines(ok("dao", "proposals", "--governor", world.governor, "--json")).stream()
                .filter(l -> ids.contains(l.path("id").asText())).toList(); // other tests here propose on this governor too
        assertEquals(List.of("succeeded", "defeated", "canceled"), lines.stream().map(l -> l.path("state").asText()).toList());
        assertEquals(List.of(world.succeededId.toString(), world.defeatedId.toString(), world.canceledId.toString()),
                lines.stream().map(l -> l.path("id").asText()).toList());
        assertEquals("10000000000000000000000", lines.get(1).path("against").asText());
    }

    @Test
    void showDecodesActionsAndListsVotes() throws Exception {
        JsonNode shown = JSON.readTree(ok("dao", "show", world.succeededId.toString(), "--governor", world.governor, "--json"));
        assertEquals("succeeded", shown.path("state").asText());
        // both blocks are mined: their own timestamps (anvil may give quickly mined blocks the same second)
        assertTrue(Long.parseLong(shown.path("voteEndTime").asText()) >= Long.parseLong(shown.path("voteStartTime").asText()));
        JsonNode actions = shown.path("actions");
        assertEquals(3, actions.size());
        assertEquals("ethTransfer", actions.get(0).path("kind").asText());
        assertEquals("1000000000000000000", actions.get(0).path("value").asText());
        assertEquals("dao.warning.ethLeavesTreasury", actions.get(0).path("warnings").get(0).path("key").asText());
        assertEquals("raw", actions.get(1).path("kind").asText());
        assertEquals(List.of("review.warning.noCode", "review.warning.unknownCall"), keys(actions.get(1).path("warnings")));
        assertEquals("tokenTransfer", actions.get(2).path("kind").asText());
        assertEquals("Transfer 100 HRTH from the treasury to " + GovernanceWorld.GRANTEE, actions.get(2).path("text").asText());
        JsonNode vote = shown.path("votes").get(0);
        assertEquals(GovernanceWorld.OWNER, vote.path("voter").asText());
        assertEquals("for", vote.path("support").asText());
        assertEquals(OWNER_VOTES, vote.path("weight").asText());
        assertEquals("Ship it", vote.path("reason").asText());

        String text = ok("dao", "show", world.defeatedId.toString(), "--governor", world.governor);
        assertTrue(text.contains("Change a parameter of ComputeMarket: setFeeBps(500)"), text);
        assertTrue(text.contains("\"Fees are high enough\""), text);
    }

    @Test
    void showFlagsAnUpgradeOfAProxy() throws Exception {
        org.hearth.testing.Proxies proxies = org.hearth.testing.Proxies.deploy(chain.rpc(), GovernanceWorld.OWNER);
        String upgrade = org.hearth.chain.abi.Abi.encodeCall("upgradeToAndCall(address,bytes)", proxies.nextImplementation(), new byte[0]);
        new DevTx(chain.rpc()).call(GovernanceWorld.OWNER, world.governor, "propose(address[],uint256[],bytes[],string)",
                List.of(proxies.uups()), List.of(BigInteger.ZERO), List.of(upgrade), "# Upgrade the box\n\nA new implementation.");
        JsonNode upgrading = jsonLines(ok("dao", "proposals", "--governor", world.governor, "--json")).stream()
                .filter(l -> l.path("title").asText().equals("Upgrade the box")).findFirst().orElseThrow();
        JsonNode action = JSON.readTree(ok("dao", "show", upgrading.path("id").asText(), "--governor", world.governor, "--json"))
                .path("actions").get(0);
        List<String> warnings = keys(action.path("warnings"));
        assertTrue(warnings.containsAll(List.of("dao.warning.upgradeCall", "dao.warning.proxyTarget")), warnings.toString());
        String text = action.path("warnings").get(warnings.indexOf("dao.warning.upgradeCall")).path("text").asText();
        assertEquals("Upgrade: upgradeToAndCall(address,bytes) on " + proxies.uups() + " replaces the code (or the admin) behind a proxy with "
                + proxies.nextImplementation() + "; review that code before voting", text);
    }

    @Test
    void powerSaysWhyItIsZero() throws Exception {
        JsonNode user = JSON.readTree(ok("dao", "power", "--account", GovernanceWorld.USER, "--json"));
        assertEquals("10000000000000000000000", user.path("votes").asText());
        assertEquals(GovernanceWorld.USER, user.path("delegate").asText());
        assertTrue(user.path("reason").isMissingNode());
        JsonNode empty = JSON.readTree(ok("dao", "power", "--account", DevTx.ACCOUNTS[5], "--json"));
        assertEquals("0", empty.path("votes").asText());
        assertEquals("no-tokens", empty.path("reason").asText());
        assertTrue(empty.path("delegate").isNull());
    }

    @Test
    void voteAndDelegateGoThroughTheWalletAndThePipeline() throws Exception {
        Path words = Files.writeString(dir.resolve("words.txt"), JUNK);
        Path password = Files.writeString(dir.resolve("pw.txt"), "correct horse\n");
        ok("wallet", "restore", "--mnemonic-file", words.toString(), "--password-file", password.toString());
        String active = jsonLines(ok("dao", "proposals", "--json")).getFirst().path("id").asText();
        String voter = DevTx.ACCOUNTS[3];
        new DevTx(chain.rpc()).call(GovernanceWorld.OWNER, contracts.get("HearthToken"), "transfer(address,uint256)", voter, BigInteger.TEN.pow(18));

        Thread miner = Thread.ofVirtual().start(DaoCliTest::mineWhileRunning); // the chain mines only on cue
        try {
            String vote = ok("dao", "vote", active, "--from", GovernanceWorld.OWNER, "--support", "against", "--reason", "Too early",
                    "--password-file", password.toString(), "--yes");
            assertTrue(vote.contains("call:            castVoteWithReason("), vote);
            assertTrue(vote.contains("status:          confirmed"), vote);
            JsonNode shown = JSON.readTree(ok("dao", "show", active, "--json"));
            assertEquals(OWNER_VOTES, shown.path("against").asText());
            assertTrue(shown.path("votes").findValues("reason").stream().anyMatch(r -> r.asText().equals("Too early")));

            // the short governor's succeeded proposal: queue, wait out the timelock, execute
            String id = world.succeededId.toString();
            String queued = ok("dao", "queue", id, "--governor", world.governor, "--from", GovernanceWorld.OWNER,
                    "--password-file", password.toString(), "--yes");
            assertTrue(queued.contains("call:            queue("), queued);
            JsonNode afterQueue = JSON.readTree(ok("dao", "show", id, "--governor", world.governor, "--json"));
            assertEquals("queued", afterQueue.path("state").asText());
            assertTrue(new BigInteger(afterQueue.path("eta").asText()).signum() > 0);
            new DevTx(chain.rpc()).increaseTime(61);
            BigInteger before = balance(GovernanceWorld.GRANTEE);
            String executed = ok("dao", "execute", id, "--governor", world.governor, "--from", GovernanceWorld.OWNER,
                    "--password-file", password.toString(), "--yes");
            assertTrue(executed.contains("status:          confirmed"), executed);
            assertEquals("executed", JSON.readTree(ok("dao", "show", id, "--governor", world.governor, "--json")).path("state").asText());
            assertEquals(before.add(GovernanceWorld.TOKEN.multiply(BigInteger.valueOf(100))), balance(GovernanceWorld.GRANTEE));

            // propose on the short governor from files; the description goes on chain byte for byte
            String description = "# Pay the auditors\n\nTwelve HRTH, exact: <b>not bold</b> \u202Eevil\n";
            Path descriptionFile = Files.writeString(dir.resolve("proposal.md"), description);
            Path actionsFile = Files.writeString(dir.resolve("actions.json"), "[{\"target\":\"" + contracts.get("HearthToken")
                    + "\",\"value\":\"0\",\"signature\":\"transfer(address,uint256)\",\"args\":[\"" + GovernanceWorld.GRANTEE
                    + "\",\"12000000000000000001\"]}]");
            String proposed = ok("dao", "propose", "--governor", world.governor, "--from", GovernanceWorld.OWNER, "--description-file",
                    descriptionFile.toString(), "--actions-file", actionsFile.toString(), "--password-file", password.toString(), "--yes");
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("proposal id: +([0-9]+)").matcher(proposed);
            assertTrue(m.find(), proposed);
            JsonNode created = JSON.readTree(ok("dao", "show", m.group(1), "--governor", world.governor, "--json"));
            assertEquals(description, created.path("description").asText());
            assertEquals("Pay the auditors", created.path("title").asText());
            assertEquals(List.of(GovernanceWorld.GRANTEE, "12000000000000000001"),
                    List.of(created.path("actions").get(0).path("args").get(3).asText(), created.path("actions").get(0).path("args").get(0).asText()));
            Cli.Run refused = Cli.run(data, "--rpc", rpc, "dao", "propose", "--governor", world.governor, "--from", GovernanceWorld.OWNER,
                    "--description-file", descriptionFile.toString(), "--actions-file", Files.writeString(dir.resolve("bad.json"), "[{\"target\":\"0x12\"}]").toString(),
                    "--password-file", password.toString(), "--yes");
            assertEquals(1, refused.exit());
            assertEquals("error: The actions file is not usable: action 1: target is not a valid address\n", refused.err());

            String delegate = ok("dao", "delegate", "--from", GovernanceWorld.OWNER, "--to", voter, "--password-file", password.toString(), "--yes");
            assertTrue(delegate.contains("status:          confirmed"), delegate);
        } finally {
            miner.interrupt();
        }
        JsonNode owner = JSON.readTree(ok("dao", "power", "--account", GovernanceWorld.OWNER, "--json"));
        assertEquals("0", owner.path("votes").asText());
        assertEquals("delegated-elsewhere", owner.path("reason").asText());
        assertEquals(Addresses.checksummed(voter), owner.path("delegate").asText());
        JsonNode late = JSON.readTree(ok("dao", "power", "--account", voter, "--proposal", active, "--json"));
        assertEquals("0", late.path("votesAtSnapshot").asText());
        assertEquals("after-snapshot", late.path("reason").asText());
    }

    @Test
    void simulateRunsTheActionsOnAForkAndExitsOneWhenAnActionReverts() throws Exception {
        String active = jsonLines(ok("dao", "proposals", "--json")).getFirst().path("id").asText();
        JsonNode grant = JSON.readTree(ok("dao", "simulate", active, "--json"));
        assertTrue(grant.path("success").asBoolean());
        assertEquals(contracts.get("HearthTimelock"), grant.path("executor").asText());
        assertEquals("HearthTimelock", grant.path("executor_name").asText(), "the treasury is named");
        assertEquals("HearthToken", grant.path("actions").get(0).path("target_name").asText());
        assertEquals("HearthToken", grant.path("names").path(contracts.get("HearthToken")).asText());
        JsonNode action = grant.path("actions").get(0);
        assertTrue(action.path("success").asBoolean());
        assertTrue(action.path("revert_reason").isNull());
        assertEquals("Transfer", action.path("events").get(0).path("name").asText());
        boolean treasuryPays = false;
        for (JsonNode c : grant.path("balance_changes")) {
            treasuryPays |= c.path("account").asText().equals(contracts.get("HearthTimelock")) && c.path("symbol").asText().equals("HRTH")
                    && c.path("delta").asText().equals("-5000000000000000000000");
        }
        assertTrue(treasuryPays, grant.toString());

        Cli.Run defeated = Cli.run(data, "--rpc", rpc, "dao", "simulate", world.defeatedId.toString(), "--governor", world.governor, "--json");
        assertEquals(1, defeated.exit(), defeated.err() + defeated.out());
        JsonNode fee = JSON.readTree(defeated.out()).path("actions").get(0);
        assertEquals(false, fee.path("success").asBoolean());
        assertEquals("NotTimelock()", fee.path("revert_reason").asText());
        String words = Cli.run(data, "--rpc", rpc, "dao", "simulate", world.defeatedId.toString(), "--governor", world.governor).out();
        assertTrue(words.contains("reverts: NotTimelock()") && words.contains("result:          an action reverts"), words);
    }

    private static BigInteger balance(String account) {
        return (BigInteger) new org.hearth.chain.abi.ContractCalls(chain.rpc()).readOne(contracts.get("HearthToken"),
                "balanceOf(address)(uint256)", account);
    }

    private static void mineWhileRunning() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(300);
                chain.rpc().call("evm_mine");
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // the chain is shutting down
            }
        }
    }

    private static String ok(String... args) {
        List<String> all = new ArrayList<>(List.of("--rpc", rpc));
        all.addAll(List.of(args));
        Cli.Run run = Cli.run(data, all.toArray(String[]::new));
        assertEquals(0, run.exit(), run.err() + run.out());
        return run.out();
    }

    private static List<JsonNode> jsonLines(String out) throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.strip().split("\n")) {
            lines.add(JSON.readTree(line));
        }
        return lines;
    }

    private static List<String> keys(JsonNode warnings) {
        List<String> out = new ArrayList<>();
        warnings.forEach(w -> out.add(w.path("key").asText()));
        return out;
    }
}
