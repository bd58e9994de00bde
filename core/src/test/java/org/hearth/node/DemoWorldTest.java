package org.hearth.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.hearth.chain.RpcClient;
import org.hearth.chain.abi.ContractCalls;
import org.hearth.config.DataDir;
import org.hearth.store.Database;
import org.hearth.store.DemoWorldRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo world on a real anvil: what it deploys, what the funded user owns, idempotence, resets. */
class DemoWorldTest {

    private static final String USER = "0x1111111111111111111111111111111111111111";

    @TempDir
    Path dir;

    private LocalNode node;

    @AfterEach
    void stop() {
        if (node != null) {
            node.stop(Duration.ofSeconds(5));
        }
    }

    private DemoWorld demoWorld(RpcClient rpc) {
        return new DemoWorld(rpc, new DemoWorldRepository(Database.open(dir.resolve("hearth.db"))), dir.resolve("demo.lock"));
    }

    private RpcClient startNode() {
        node = new LocalNode(new DataDir(dir), AnvilLocator.locate(), new LocalNodeConfig(2, 1, Duration.ofSeconds(30)));
        return new RpcClient(node.start().rpcUrl());
    }

    @Test
    void deploysFundsAndCreatesProposalsOnce() throws Exception {
        RpcClient rpc = startNode();
        DemoWorldResult first = demoWorld(rpc).ensure(USER);
        System.out.printf("demo world deployed and funded in %d ms%n", first.millis());
        assertTrue(first.deployedNow());
        assertTrue(first.fundedNow());
        assertEquals(DemoWorld.CONTRACTS, List.copyOf(first.contracts().keySet()));
        DevChain dev = new DevChain(rpc);
        var c = first.contracts();

        // 100 ETH less the gas of the user's own delegation
        BigInteger eth = rpc.callQuantity("eth_getBalance", USER, "latest");
        assertTrue(eth.compareTo(DemoWorld.ETHER.multiply(BigInteger.valueOf(100))) < 0, eth.toString());
        assertTrue(eth.compareTo(DemoWorld.ETHER.multiply(BigInteger.valueOf(99))) > 0, eth.toString());
        assertEquals(DemoWorld.TOKEN.multiply(BigInteger.valueOf(10_000)), dev.readUint(c.get("HearthToken"), "balanceOf(address)", USER));
        assertEquals(DemoWorld.TOKEN.multiply(BigInteger.valueOf(10_000)), dev.readUint(c.get("HearthToken"), "getVotes(address)", USER),
                "the funded user can vote with its tokens");
        assertEquals(BigInteger.valueOf(3), dev.readUint(c.get("HearthCollectibles"), "balanceOf(address)", USER));
        assertEquals(BigInteger.valueOf(20), dev.readUint(c.get("HearthItems"), "balanceOf(address,uint256)", USER, 3));
        assertEquals(DemoWorld.TOKEN.multiply(BigInteger.valueOf(250_000)), dev.readUint(c.get("HearthToken"), "balanceOf(address)", c.get("HearthTimelock")));
        // The odd tokens: USDT style (6 decimals), bytes32 symbol, fee on transfer (990 of 1,000 arrived), a spam airdrop,
        // and two approvals to revoke: unlimited dUSDT to the market, 500 HRTH to an address without code.
        assertEquals(BigInteger.valueOf(2_500_000_000L), dev.readUint(c.get("DemoUsdt"), "balanceOf(address)", USER));
        assertEquals(BigInteger.valueOf(6), dev.readUint(c.get("DemoUsdt"), "decimals()"));
        assertEquals(DemoWorld.TOKEN.multiply(BigInteger.valueOf(25)), dev.readUint(c.get("DemoMaker"), "balanceOf(address)", USER));
        assertEquals(DemoWorld.TOKEN.multiply(BigInteger.valueOf(990)), dev.readUint(c.get("DemoFeeToken"), "balanceOf(address)", USER));
        assertEquals(DemoWorld.TOKEN.multiply(BigInteger.valueOf(777)), dev.readUint(c.get("DemoTokenAirdrop"), "balanceOf(address)", USER));
        assertEquals(BigInteger.TWO.pow(256).subtract(BigInteger.ONE),
                dev.readUint(c.get("DemoUsdt"), "allowance(address,address)", USER, c.get("ComputeMarket")));
        assertEquals(DemoWorld.TOKEN.multiply(BigInteger.valueOf(500)),
                dev.readUint(c.get("HearthToken"), "allowance(address,address)", USER, DemoTokens.NO_CODE_SPENDER));
        assertFalse(dev.hasCode(DemoTokens.NO_CODE_SPENDER));
        // The executed proposal changed the governor's own setting through the timelock.
        assertEquals(BigInteger.valueOf(DemoWorld.VOTING_PERIOD_SECONDS), dev.readUint(c.get("HearthGovernor"), "votingPeriod()"));
        assertEquals(DemoWorld.TREASURY_ETH, rpc.callQuantity("eth_getBalance", c.get("HearthTimelock"), "latest"), "the treasury holds ETH");

        assertCollectibleIsOnChainJsonWithSvg(dev, c.get("HearthCollectibles"));
        assertProposalStates(dev, c.get("HearthGovernor"));

        DemoWorldResult second = demoWorld(rpc).ensure(USER);
        assertFalse(second.deployedNow());
        assertFalse(second.fundedNow());
        assertEquals(first.contracts(), second.contracts());
        assertEquals(BigInteger.valueOf(3), dev.readUint(c.get("HearthCollectibles"), "balanceOf(address)", USER), "no second mint");
    }

    private static void assertCollectibleIsOnChainJsonWithSvg(DevChain dev, String collectibles) throws Exception {
        String uri = (String) new ContractCalls(dev.rpc()).readOne(collectibles, "tokenURI(uint256)(string)", 1);
        String prefix = "data:application/json;base64,";
        assertTrue(uri.startsWith(prefix), uri);
        JsonNode json = new ObjectMapper().readTree(Base64.getDecoder().decode(uri.substring(prefix.length())));
        assertTrue(json.path("name").asText().contains("#1"), json.toString());
        String image = json.path("image").asText();
        assertTrue(image.startsWith("data:image/svg+xml;base64,"), image);
        String svg = new String(Base64.getDecoder().decode(image.substring(image.indexOf(',') + 1)), StandardCharsets.UTF_8);
        assertTrue(svg.startsWith("<svg") && svg.endsWith("</svg>"), svg);
    }

    private static void assertProposalStates(DevChain dev, String governor) {
        // Governor emits ProposalCreated; read the ids back through the logs.
        JsonNode logs = new DevChainLogs(dev).proposalIds(governor);
        assertEquals(4, logs.size(), "four proposals");
        // OpenZeppelin's ProposalState: 1 active, 3 defeated, 4 succeeded, 7 executed
        List<BigInteger> states = new java.util.ArrayList<>();
        logs.forEach(id -> states.add(stateOf(dev, governor, new BigInteger(id.asText()))));
        assertEquals(List.of(BigInteger.valueOf(7), BigInteger.valueOf(3), BigInteger.valueOf(4), BigInteger.valueOf(1)), states,
                "executed, defeated, succeeded waiting to be queued, active");
        // the governor counts seconds: its clock is the head block's timestamp, and the open vote lasts a day
        assertEquals("mode=timestamp", new ContractCalls(dev.rpc()).readOne(governor, "CLOCK_MODE()(string)"));
        BigInteger head = dev.rpc().call("eth_getBlockByNumber", "latest", false).path("timestamp").asText().transform(
                t -> new BigInteger(t.substring(2), 16));
        assertEquals(head, dev.readUint(governor, "clock()"));
    }

    private static BigInteger stateOf(DevChain dev, String governor, BigInteger id) {
        return (BigInteger) new ContractCalls(dev.rpc()).readOne(governor, "state(uint256)(uint8)", id);
    }

    @Test
    void anOlderDemoWorldGetsTheContractsAddedLaterBesideItNotARedeployment() throws Exception {
        RpcClient rpc = startNode();
        DemoWorldResult first = demoWorld(rpc).ensure(null);
        // as a demo world from before the market and the odd tokens recorded itself
        try (java.sql.Connection c = Database.open(dir.resolve("hearth.db")).connect();
             java.sql.PreparedStatement ps = c.prepareStatement("DELETE FROM demo_contract WHERE name = ?")) {
            for (String name : DemoWorld.ADDED_LATER) {
                ps.setString(1, name);
                ps.executeUpdate();
            }
        }
        DemoWorldResult second = demoWorld(rpc).ensure(null);
        assertFalse(second.deployedNow(), "the original contracts stay");
        assertEquals(DemoWorld.CONTRACTS, List.copyOf(second.contracts().keySet()), "in the same order: nothing assumes which is last");
        for (String name : DemoWorld.CONTRACTS) {
            boolean added = DemoWorld.ADDED_LATER.contains(name);
            assertEquals(!added, first.contracts().get(name).equals(second.contracts().get(name)), name);
            assertTrue(new DevChain(rpc).hasCode(second.contracts().get(name)), name);
        }
        assertEquals(second.contracts(), demoWorld(rpc).ensure(null).contracts(), "and recorded: a third call changes nothing");
    }

    @Test
    void aResetChainIsNoticedAndGetsANewDeployment() throws Exception {
        RpcClient rpc = startNode();
        DemoWorldResult first = demoWorld(rpc).ensure(null);
        String genesis = new DevChain(rpc).genesisHash();

        node.stop(Duration.ofSeconds(10));
        Files.delete(node.stateFile()); // the user reset the chain
        Thread.sleep(1100); // anvil's genesis timestamp has one-second resolution
        RpcClient fresh = new RpcClient(node.start().rpcUrl());
        assertNotEquals(genesis, new DevChain(fresh).genesisHash());

        DemoWorldResult second = demoWorld(fresh).ensure(null);
        assertTrue(second.deployedNow(), "a reset chain gets the demo world again");
        assertTrue(new DevChain(fresh).hasCode(second.contracts().get("HearthGovernor")));
        assertEquals(first.contracts().keySet(), second.contracts().keySet());
    }

    @Test
    void refusesABadAddress() {
        RpcClient rpc = startNode();
        NodeException e = assertThrows(NodeException.class, () -> demoWorld(rpc).ensure("0x123"));
        assertTrue(e.getMessage().contains("Not an Ethereum address"));
    }
}
