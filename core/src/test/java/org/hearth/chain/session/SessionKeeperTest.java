package org.hearth.chain.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hearth.chain.RpcException;
import org.hearth.config.DataDir;
import org.hearth.node.AnvilLocator;
import org.hearth.node.LocalNode;
import org.hearth.node.LocalNodeConfig;
import org.hearth.node.NodeState;
import org.hearth.node.NodeSupervisor;
import org.hearth.node.RestartPolicy;
import org.hearth.store.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The session follows the real local node through restarts onto new ports, and switches to an external URL and back. */
class SessionKeeperTest {

    private static final String DEV0 = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";

    @TempDir
    Path dir;

    private NodeSupervisor supervisor;
    private final SessionHolder holder = new SessionHolder();
    /** Every session the holder published, in order (null: none for a while). */
    private final List<ChainSession> heard = new CopyOnWriteArrayList<>();

    private SessionKeeper keeper() {
        supervisor = new NodeSupervisor(new LocalNode(new DataDir(dir), AnvilLocator.locate(), new LocalNodeConfig(3600, 1, Duration.ofSeconds(30))),
                new RestartPolicy(3, Duration.ofMinutes(1), Duration.ofMillis(100), Duration.ofSeconds(1)));
        holder.subscribe(heard::add);
        return new SessionKeeper(holder, Database.open(dir.resolve("hearth.db")), () -> supervisor);
    }

    @AfterEach
    void stop() {
        holder.close();
        if (supervisor != null) {
            supervisor.stop();
        }
    }

    @Test
    void aNodeRestartedOnANewPortGetsANewSession() throws Exception {
        SessionKeeper keeper = keeper();
        ChainSession first = keeper.useLocal();
        assertSame(first, holder.current().orElseThrow());
        assertSame(first, keeper.useLocal(), "the same running node keeps its session");
        assertTrue(first.isLocal());
        BigInteger balance = first.rpc().callQuantity("eth_getBalance", DEV0, "latest");
        int oldPort = first.endpoint().getPort();

        supervisor.stop();
        assertTrue(holder.current().isEmpty(), "a stopped node leaves no session");
        assertTrue(first.isClosed());
        ChainSession second;
        // hold the old port, so the restarted node must take another one
        try (ServerSocket taken = new ServerSocket()) {
            taken.setReuseAddress(true);
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), oldPort));
            supervisor.start();
            second = holder.current().orElseThrow();
        }
        assertNotSame(first, second);
        assertNotEquals(oldPort, second.endpoint().getPort());
        assertEquals(supervisor.snapshot().rpcUrl(), second.endpoint());
        assertEquals(List.of(first, second), heard.stream().filter(s -> s != null).toList());
        assertNull(heard.get(1), "listeners heard that there was no session while the node was down");
        assertEquals(balance, second.rpc().callQuantity("eth_getBalance", DEV0, "latest"), "the same chain, read through the new session");
        RpcException gone = assertThrows(RpcException.class, () -> first.rpc().blockNumber());
        assertTrue(gone.isTransport());

        // a crash: the supervisor restarts the node by itself and the session follows
        long pid = supervisor.node().running().orElseThrow().pid();
        new ProcessBuilder("kill", "-9", Long.toString(pid)).start().waitFor();
        ChainSession third = awaitSessionOtherThan(second);
        assertEquals(NodeState.RUNNING, supervisor.state());
        assertEquals(supervisor.snapshot().rpcUrl(), third.endpoint());
        assertEquals(31337, third.chainId());
        assertTrue(second.isClosed());
        assertTrue(third.rpc().callQuantity("eth_getBalance", DEV0, "latest").signum() > 0);
    }

    @Test
    void anExternalEndpointReplacesTheLocalSessionAndNodeEventsNoLongerDo() throws Exception {
        SessionKeeper keeper = keeper();
        ChainSession local = keeper.useLocal();
        URI url = local.endpoint();
        ChainSession external = keeper.useExternal(url);
        assertEquals(ChainSession.Kind.EXTERNAL, external.kind());
        assertTrue(local.isClosed());
        assertTrue(!keeper.followsLocalNode());

        supervisor.stop();
        assertSame(external, holder.current().orElseThrow(), "the local node's events leave an external session alone");

        int unused;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            unused = probe.getLocalPort();
        }
        assertThrows(RpcException.class, () -> keeper.useExternal(URI.create("http://127.0.0.1:" + unused)));
        assertTrue(holder.current().isEmpty(), "an endpoint that does not answer leaves no session");

        ChainSession back = keeper.useLocal();
        assertNotNull(back);
        assertTrue(back.isLocal());
        assertSame(back, holder.current().orElseThrow());
    }

    private ChainSession awaitSessionOtherThan(ChainSession old) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            ChainSession now = holder.current().orElse(null);
            if (now != null && now != old) {
                return now;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no new session after the crash; last: " + holder.current());
    }
}
