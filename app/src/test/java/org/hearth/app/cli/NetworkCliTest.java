package org.hearth.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.hearth.testing.AnvilProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `hearth network ...`, `--network` and `--rpc` against real anvil nodes and a real data dir. */
class NetworkCliTest {

    @TempDir
    Path dataDir;
    @TempDir
    Path logs;

    private AnvilProcess first;
    private AnvilProcess second;

    @BeforeEach
    void start() {
        first = AnvilProcess.start(31338, logs.resolve("first.log"));
        second = AnvilProcess.start(31338, logs.resolve("second.log"));
        first.copyStateTo(second);
    }

    @AfterEach
    void stop() {
        first.close();
        second.close();
        Cli.run(dataDir, "node", "stop");
    }

    private Cli.Run hearth(String... args) {
        return Cli.run(dataDir, args);
    }

    @Test
    void addListUseAndRemoveANetworkThatFailsOver() throws Exception {
        Cli.Run empty = hearth("network", "list");
        assertEquals(0, empty.exit(), empty.err());
        assertTrue(empty.out().startsWith("* Local chain"), empty.out());

        Cli.Run added = hearth("network", "add", "--name", "Pair", "--chain-id", "31338",
                "--rpc", first.url().toString(), "--rpc", second.url().toString());
        assertEquals(0, added.exit(), added.err());
        assertEquals("Added Pair (chain 31338, 2 RPC URLs, each checked).", added.out().trim());

        JsonNode list = new ObjectMapper().readTree(hearth("network", "list", "--json").out());
        assertEquals(2, list.size());
        assertEquals("Local chain", list.get(0).path("name").asText());
        assertTrue(list.get(0).path("local").asBoolean());
        assertTrue(list.get(0).path("current").asBoolean());
        JsonNode pair = list.get(1);
        assertEquals("Pair", pair.path("name").asText());
        assertEquals(31338, pair.path("chainId").asLong());
        assertEquals(first.url().toString(), pair.path("rpcUrls").get(0).asText());
        assertEquals(second.url().toString(), pair.path("rpcUrls").get(1).asText());
        assertFalse(pair.path("current").asBoolean());

        Cli.Run once = hearth("--network", "Pair", "node", "status");
        assertEquals(0, once.exit(), once.err());
        assertTrue(once.out().contains("state:    attached"), once.out());
        assertTrue(once.out().contains("chain id: 31338"), once.out());
        assertTrue(hearth("network", "list").out().startsWith("* Local chain"), "--network is for one command only");

        Cli.Run use = hearth("network", "use", "pair");
        assertEquals("Now using Pair (chain 31338).", use.out().trim());
        assertTrue(hearth("network", "list").out().contains("* Pair"));

        first.kill();
        Cli.Run afterKill = hearth("node", "status");
        assertEquals(0, afterKill.exit(), afterKill.err());
        assertTrue(afterKill.out().contains("chain id: 31338"), "the second URL answers for the network: " + afterKill.out());

        Cli.Run oneOff = hearth("--rpc", second.url().toString(), "node", "status");
        assertEquals(0, oneOff.exit(), oneOff.err());
        assertTrue(oneOff.out().contains("rpc:      " + second.url()), oneOff.out());

        Cli.Run removeLocal = hearth("network", "remove", "Local chain");
        assertEquals(1, removeLocal.exit());
        assertTrue(removeLocal.err().contains("cannot be removed"), removeLocal.err());

        assertEquals(0, hearth("network", "remove", "Pair").exit());
        assertTrue(hearth("network", "list").out().startsWith("* Local chain"), "the local chain is used again");
        Cli.Run unknown = hearth("--network", "Pair", "node", "status");
        assertEquals(1, unknown.exit());
        assertTrue(unknown.err().contains("No network named Pair"), unknown.err());
    }

    @Test
    void aUrlOnAnotherChainIsRefusedAndNothingIsSaved() {
        try (AnvilProcess other = AnvilProcess.start(1, logs.resolve("other.log"))) {
            Cli.Run refused = hearth("network", "add", "--name", "Mixed", "--chain-id", "31338",
                    "--rpc", first.url().toString(), "--rpc", other.url().toString());
            assertEquals(1, refused.exit());
            assertTrue(refused.err().contains("serves chain id 1, not 31338"), refused.err());
        }
        Cli.Run dead = hearth("network", "add", "--name", "Dead", "--chain-id", "31338", "--rpc", "http://127.0.0.1:9");
        assertEquals(1, dead.exit());
        assertTrue(dead.err().contains("http://127.0.0.1:9 does not answer"), dead.err());
        Cli.Run list = hearth("network", "list");
        assertFalse(list.out().contains("Mixed") || list.out().contains("Dead"), list.out());
    }
}
