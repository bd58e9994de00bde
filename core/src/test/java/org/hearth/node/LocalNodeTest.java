package org.hearth.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.net.URI;
import org.hearth.chain.RpcClient;
import org.hearth.config.DataDir;
import org.hearth.store.Database;
import org.hearth.store.DemoWorldRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The node manager against a real anvil. */
class LocalNodeTest {

    @TempDir
    Path dir;

    private LocalNode node;

    private LocalNode node() {
        node = new LocalNode(new DataDir(dir), AnvilLocator.locate(), new LocalNodeConfig(1, 1, Duration.ofSeconds(30)));
        return node;
    }

    @AfterEach
    void cleanUp() {
        if (node != null) {
            node.stop(Duration.ofSeconds(5));
        }
    }

    @Test
    void startsAnswersMinesAndStops() throws Exception {
        NodeRecord record = node().start();
        assertEquals("127.0.0.1", record.rpcUrl().getHost());
        RpcClient rpc = new RpcClient(record.rpcUrl());
        assertEquals(31337, rpc.chainId());
        long first = rpc.blockNumber();
        Thread.sleep(2500);
        assertTrue(rpc.blockNumber() > first, "interval mining must advance the chain");
        assertTrue(node.running().isPresent());
        assertEquals(record.pid(), node.start().pid(), "a second start adopts the running node");
        assertFalse(node.logTail(20).isEmpty(), "anvil's output lands in the log");

        assertTrue(node.stop(Duration.ofSeconds(10)));
        assertTrue(node.running().isEmpty());
        assertFalse(LocalNode.answers(record.rpcUrl()));
        assertFalse(node.stop(Duration.ofSeconds(1)), "stopping a stopped node is a no-op");
    }

    @Test
    void stateSurvivesAStopAndStart() {
        NodeRecord first = node().start();
        Database db = Database.open(dir.resolve("hearth.db"));
        DemoWorldResult deployed = new DemoWorld(new RpcClient(first.rpcUrl()), new DemoWorldRepository(db), dir.resolve("demo.lock")).ensure(null);
        String token = deployed.contracts().get("HearthToken");

        node.stop(Duration.ofSeconds(15));
        NodeRecord second = node.start();
        assertNotEquals(first.pid(), second.pid());
        RpcClient rpc = new RpcClient(second.rpcUrl());
        assertTrue(rpc.call("eth_getCode", token, "latest").asText().length() > 100, "the token must still have code");

        DemoWorldResult again = new DemoWorld(rpc, new DemoWorldRepository(db), dir.resolve("demo.lock")).ensure(null);
        assertFalse(again.deployedNow(), "the restarted chain is the same chain: no second deployment");
        assertEquals(deployed.contracts(), again.contracts());
    }

    @Test
    void supervisorRestartsAfterKillDashNine() throws Exception {
        NodeSupervisor supervisor = new NodeSupervisor(node(), new RestartPolicy(3, Duration.ofMinutes(1), Duration.ofMillis(100), Duration.ofSeconds(1)));
        NodeRecord before = supervisor.start();
        new ProcessBuilder("kill", "-9", Long.toString(before.pid())).start().waitFor();

        NodeStatus status = awaitState(supervisor, NodeState.RUNNING, before.pid());
        assertEquals(1, status.restarts());
        assertEquals(31337L, status.chainId());
        assertTrue(status.height() != null && status.height() >= 0);
        supervisor.stop();
        assertEquals(NodeState.STOPPED, supervisor.state());
    }

    @Test
    void supervisorGivesUpWhenTheBudgetIsSpent() throws Exception {
        NodeSupervisor supervisor = new NodeSupervisor(node(), new RestartPolicy(1, Duration.ofMinutes(1), Duration.ofMillis(50), Duration.ofMillis(50)));
        NodeRecord first = supervisor.start();
        new ProcessBuilder("kill", "-9", Long.toString(first.pid())).start().waitFor();
        NodeStatus restarted = awaitState(supervisor, NodeState.RUNNING, first.pid());
        long secondPid = node.running().orElseThrow().pid();
        new ProcessBuilder("kill", "-9", Long.toString(secondPid)).start().waitFor();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (supervisor.state() != NodeState.CRASHED && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(NodeState.CRASHED, supervisor.state());
        assertTrue(supervisor.status().message().contains("keeps exiting"));
        assertEquals(1, restarted.restarts());
    }

    private static NodeStatus awaitState(NodeSupervisor supervisor, NodeState wanted, long oldPid) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            NodeStatus s = supervisor.status();
            if (s.state() == wanted && s.chainId() != null
                    && supervisor.node().running().map(r -> r.pid() != oldPid).orElse(false)) {
                return s;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("supervisor did not reach " + wanted + ", last: " + supervisor.status());
    }

    @Test
    void attachingToAnUnreachableUrlSaysSo() throws Exception {
        int port;
        try (var s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        URI url = URI.create("http://127.0.0.1:" + port);
        NodeException e = assertThrows(NodeException.class, () -> ExternalNode.attach(url, 1L));
        assertTrue(e.getMessage().startsWith("Cannot reach the node at http://127.0.0.1:" + port), e.getMessage());
    }

    @Test
    void attachingToTheWrongChainSaysWhichChains() {
        NodeRecord record = node().start();
        NodeException e = assertThrows(NodeException.class, () -> ExternalNode.attach(record.rpcUrl(), 1L));
        assertTrue(e.getMessage().contains("expected chain id 1 but the node serves chain id 31337"), e.getMessage());
        assertEquals(31337, ExternalNode.attach(record.rpcUrl(), 31337L).chainId());
    }
}
