package org.hearth.chain.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.hearth.chain.EndpointStatus;
import org.hearth.chain.RpcClient;
import org.hearth.chain.RpcException;
import org.hearth.chain.session.ChainSession;
import org.hearth.chain.tx.FeeLevel;
import org.hearth.chain.tx.PreparedTx;
import org.hearth.chain.tx.PrivateKeySigner;
import org.hearth.chain.tx.TxRecord;
import org.hearth.store.Database;
import org.hearth.testing.AnvilProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.ECKeyPair;
import org.web3j.utils.Numeric;

/** Two real anvil nodes of one chain (the second loaded with the first one's state) behind one network. */
class FailoverTest {

    private static final long CHAIN = 31338;
    /** anvil's account 1; a public test key. */
    private static final ECKeyPair DEV1 = ECKeyPair.create(Numeric.toBigInt("0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d"));
    private static final String DEV1_ADDRESS = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
    private static final String CAROL = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC";
    private static final String DEV0 = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";

    @TempDir
    Path dir;

    private AnvilProcess first;
    private AnvilProcess second;
    private Database db;

    @BeforeEach
    void start() {
        first = AnvilProcess.start(CHAIN, dir.resolve("first.log"));
        second = AnvilProcess.start(CHAIN, dir.resolve("second.log"));
        try (RpcClient rpc = new RpcClient(first.url())) {
            // a state only the first node has until it is copied: dev0 paid carol 5 wei
            rpc.call("eth_sendTransaction", java.util.Map.of("from", DEV0, "to", CAROL, "value", "0x5"));
        }
        first.copyStateTo(second);
        db = Database.open(dir.resolve("hearth.db"));
    }

    @AfterEach
    void stop() {
        first.close();
        second.close();
    }

    @Test
    void readsAndASendKeepWorkingAfterTheFirstNodeDies() {
        NetworkRegistry registry = new NetworkRegistry(db);
        Network network = registry.add(new Network("Pair", CHAIN, List.of(first.url(), second.url()), "ETH", null, false));
        try (ChainSession session = ChainSession.open(network, db)) {
            BigInteger carol = balance(session, CAROL);
            assertEquals(List.of(first.url(), second.url()), session.rpc().endpoints());
            long servedBySecond = session.rpc().attemptsPerEndpoint().get(1);

            first.kill();
            assertEquals(carol, balance(session, CAROL), "the second node serves the same state");
            PreparedTx tx = session.pipeline().prepare(DEV1_ADDRESS, CAROL, BigInteger.TWO, null, FeeLevel.NORMAL);
            TxRecord sent = session.pipeline().send(tx, new PrivateKeySigner(DEV1));
            assertNotNull(sent.hash());
            assertEquals(carol.add(BigInteger.TWO), balance(session, CAROL), "the send reached the second node and was mined there");
            assertTrue(session.rpc().attemptsPerEndpoint().get(1) > servedBySecond + 3, "reads and the send went to the second node");

            List<EndpointStatus> states = session.rpc().endpointStatuses();
            assertEquals(EndpointStatus.State.FAILING, states.get(0).state(), states.toString());
            assertEquals(EndpointStatus.State.HEALTHY, states.get(1).state(), states.toString());
        }
    }

    @Test
    void aDeadFirstUrlIsTriedOnceThenSkippedWhileItBacksOff() {
        first.kill();
        RpcClient.Failover longBackoff = new RpcClient.Failover(Duration.ofMinutes(10), Duration.ofMinutes(10), 5);
        try (RpcClient rpc = new RpcClient(List.of(first.url(), second.url()), RpcClient.Options.defaults(), longBackoff, CHAIN)) {
            for (int i = 0; i < 20; i++) {
                rpc.blockNumber();
                rpc.callQuantity("eth_getBalance", CAROL, "latest");
            }
            assertEquals(1, rpc.attemptsPerEndpoint().get(0), "the dead URL cost one attempt, not one per call");
            assertEquals(EndpointStatus.State.FAILING, rpc.endpointStatuses().get(0).state());
            assertNotNull(rpc.endpointStatuses().get(0).problem());
        }
    }

    @Test
    void anEndpointOnAnotherChainIsDroppedAndALaggingOneIsStale() throws Exception {
        try (AnvilProcess other = AnvilProcess.start(1, dir.resolve("other.log"))) {
            try (RpcClient rpc = new RpcClient(List.of(other.url(), first.url(), second.url()), RpcClient.Options.defaults(),
                    RpcClient.Failover.defaults(), CHAIN)) {
                assertEquals(CHAIN, rpc.chainId());
                for (int i = 0; i < 8; i++) {
                    new RpcClient(first.url()).call("evm_mine"); // the first node moves on, the second does not
                }
                List<EndpointStatus> probed = rpc.probe();
                assertEquals(EndpointStatus.State.DROPPED, probed.get(0).state(), probed.toString());
                assertTrue(probed.get(0).problem().contains("chain id 1"), probed.get(0).problem());
                assertEquals(EndpointStatus.State.HEALTHY, probed.get(1).state(), probed.toString());
                assertEquals(EndpointStatus.State.STALE, probed.get(2).state(), probed.toString());
                assertTrue(probed.get(1).head() > probed.get(2).head() + 5, probed.toString());

                long droppedAttempts = rpc.attemptsPerEndpoint().get(0);
                long staleAttempts = rpc.attemptsPerEndpoint().get(2);
                rpc.blockNumber();
                assertEquals(droppedAttempts, rpc.attemptsPerEndpoint().get(0), "a dropped URL is never asked again");
                assertEquals(staleAttempts, rpc.attemptsPerEndpoint().get(2), "the stale URL is used last");
            }
        }
    }

    @Test
    void addingChecksEveryUrlAndSavesNothingOnAWrongOne() {
        NetworkRegistry registry = new NetworkRegistry(db);
        try (AnvilProcess other = AnvilProcess.start(1, dir.resolve("other.log"))) {
            NetworkException wrong = assertThrows(NetworkException.class,
                    () -> registry.add(new Network("Mixed", CHAIN, List.of(first.url(), other.url()), "ETH", null, false)));
            assertEquals("wrongChain", wrong.key());
            assertTrue(wrong.getMessage().contains("serves chain id 1, not 31338"), wrong.getMessage());
        }
        NetworkException dead = assertThrows(NetworkException.class,
                () -> registry.add(new Network("Dead", CHAIN, List.of(URI.create("http://127.0.0.1:9")), "ETH", null, false)));
        assertEquals("unreachable", dead.key());
        assertEquals(List.of(Network.LOCAL_NAME), registry.list().stream().map(Network::name).toList(), "nothing was saved");

        registry.add(new Network("Pair", CHAIN, List.of(first.url(), second.url()), "ETH", "https://explorer.example/tx/{tx}", false));
        assertEquals("Pair", registry.use("pair").name());
        assertEquals("Pair", registry.current().name());
        assertThrows(NetworkException.class, () -> registry.remove(Network.LOCAL_NAME));
        registry.remove("Pair");
        assertTrue(registry.current().local(), "removing the network in use goes back to the local chain");
    }

    @Test
    void aFirstUrlAnswering5xxHandsTheCallToTheNextAtOnce() throws Exception {
        com.sun.net.httpserver.HttpServer broken = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        java.util.concurrent.atomic.AtomicInteger hits = new java.util.concurrent.atomic.AtomicInteger();
        broken.createContext("/", exchange -> {
            hits.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        broken.start();
        try (RpcClient rpc = new RpcClient(List.of(URI.create("http://127.0.0.1:" + broken.getAddress().getPort()), second.url()),
                RpcClient.Options.defaults(), new RpcClient.Failover(Duration.ofMinutes(10), Duration.ofMinutes(10), 5), CHAIN)) {
            for (int i = 0; i < 5; i++) {
                rpc.blockNumber();
            }
            assertEquals(1, hits.get(), "one 503, then the URL backs off");
            assertEquals(EndpointStatus.State.FAILING, rpc.endpointStatuses().get(0).state());
            assertTrue(rpc.endpointStatuses().get(0).problem().contains("HTTP 503"), rpc.endpointStatuses().get(0).problem());
        } finally {
            broken.stop(0);
        }
    }

    @Test
    void theKeeperSwitchesToANetworkAndKeepsItsSession() {
        NetworkRegistry registry = new NetworkRegistry(db);
        Network pair = registry.add(new Network("Pair", CHAIN, List.of(first.url(), second.url()), "ETH", null, false));
        org.hearth.chain.session.SessionHolder holder = new org.hearth.chain.session.SessionHolder();
        org.hearth.chain.session.SessionKeeper keeper = new org.hearth.chain.session.SessionKeeper(holder, db, () -> {
            throw new AssertionError("a network never needs the local node");
        });
        try (holder) {
            ChainSession session = keeper.useNetwork(pair);
            assertEquals(pair, session.network().orElseThrow());
            assertEquals(CHAIN, session.chainId());
            assertTrue(holder.current().orElseThrow() == session);
            assertTrue(keeper.useNetwork(pair) == session, "the same network keeps its session");

            Network edited = registry.edit("Pair", new Network("Pair two", CHAIN, List.of(second.url()), "ETH", null, false));
            ChainSession next = keeper.useNetwork(edited);
            assertTrue(session.isClosed(), "the replaced session is closed");
            assertEquals(List.of(second.url()), next.rpc().endpoints());
            assertEquals(List.of(Network.LOCAL_NAME, "Pair two"), registry.list().stream().map(Network::name).toList());
        }
    }

    private static BigInteger balance(ChainSession session, String address) {
        try {
            return session.rpc().callQuantity("eth_getBalance", address, "latest");
        } catch (RpcException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }
}
