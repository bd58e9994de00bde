package org.hearth.chain.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.hearth.chain.RpcClient;
import org.hearth.chain.RpcException;
import org.hearth.chain.tx.FeeLevel;
import org.hearth.chain.tx.PreparedTx;
import org.hearth.node.DemoWorld;
import org.hearth.node.DemoWorldResult;
import org.hearth.store.Database;
import org.hearth.store.DemoWorldRepository;
import org.hearth.store.KnownContractRepository;
import org.hearth.testing.TestChain;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One session on a real anvil: one HTTP connection for all its parts, and its contract registry. */
class ChainSessionTest {

    private static final String DEV0 = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";
    private static final String CAROL = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC";
    private static final String VAULT = "0x90F79bf6EB2c4f870365E785982E1f101E93b906";

    @TempDir
    Path dir;

    private TestChain chain;
    private Database db;

    @BeforeEach
    void start() {
        chain = TestChain.start(dir.resolve("node"), 3600);
        db = Database.open(dir.resolve("hearth.db"));
    }

    @AfterEach
    void stop() {
        chain.close();
    }

    @Test
    void pipelineTrackerIndexerAndRegistryShareOneConnection() throws Exception {
        try (ConnectionCountingProxy proxy = new ConnectionCountingProxy(chain.rpc().endpoint())) {
            ChainSession session = ChainSession.open(proxy.url(), ChainSession.Kind.LOCAL, db);
            assertEquals(31337, session.chainId());
            assertTrue(session.genesisHash().matches("0x[0-9a-f]{64}"), session.genesisHash());

            PreparedTx tx = session.pipeline().prepare(DEV0, CAROL, BigInteger.ONE, null, FeeLevel.NORMAL);
            assertEquals(31337, tx.chainId());
            session.tracker().refresh(session.chainId(), DEV0);
            session.accounts().watch(DEV0);
            session.blockIndexer().step(10);
            session.contracts().all();
            assertTrue(session.rpc().callQuantity("eth_getBalance", DEV0, "latest").signum() > 0);

            assertTrue(proxy.requests() >= 7, "calls went through the proxy: " + proxy.requests());
            assertEquals(1, proxy.connections(), "every part of the session talks over the one HTTP client's connection");

            // the counter does tell clients apart: a second client is a second connection
            new RpcClient(proxy.url()).blockNumber();
            assertEquals(2, proxy.connections());

            session.close();
            assertTrue(session.isClosed());
            RpcException refused = assertThrows(RpcException.class, () -> session.rpc().blockNumber());
            assertTrue(refused.isTransport(), refused.getMessage());
        }
    }

    @Test
    @org.junit.jupiter.api.Timeout(120) // waits for the background runner; a runner that never gets there fails here
    void theSessionIndexesWatchedAccountsInTheBackgroundAndStopsWhenClosed() throws Exception {
        ChainSession session = ChainSession.open(chain.rpc().endpoint(), ChainSession.Kind.LOCAL, db);
        java.util.List<org.hearth.index.SyncProgress> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        session.indexing().onProgress(seen::add);
        session.indexing().watch(CAROL, () -> 0);
        session.indexing().start();
        String hash = session.rpc().call("eth_sendTransaction", java.util.Map.of("from", DEV0, "to", CAROL, "value", "0x5")).asText();
        session.rpc().call("evm_mine");
        long head = session.rpc().blockNumber();
        session.indexing().wake(); // as the app does on a new head; no step is called here
        while (session.accounts().incoming().to(session.chainId(), CAROL).stream().noneMatch(t -> t.txHash().equalsIgnoreCase(hash))
                || session.indexing().progress() == null || session.indexing().progress().scannedTo() < head
                || seen.stream().noneMatch(p -> p.head() >= head)) { // listeners hear of a progress just after it is set
            Thread.sleep(50);
        }
        assertTrue(session.indexing().progress().caughtUp());
        assertTrue(seen.stream().anyMatch(p -> p.caughtUp() && p.head() >= head), "progress published to listeners");
        assertEquals(List.of("erc20-transfers", "nft-transfers", "token-approvals"), session.logIndexer().cursors().stream()
                .filter(c -> c.key().equalsIgnoreCase(CAROL)).map(c -> c.subscriber()).sorted().toList(),
                "the account is followed by the log indexer too, for tokens, NFTs and approvals");
        assertTrue(session.indexing().running());
        session.close();
        assertFalse(session.indexing().running(), "a closed (replaced) session stops its runner");
    }

    @Test
    void closingStopsWhatTheSessionOwnsInReverseOrder() {
        ChainSession session = ChainSession.open(chain.rpc().endpoint(), ChainSession.Kind.LOCAL, db);
        StringBuilder closed = new StringBuilder();
        session.own(() -> closed.append("first;"));
        session.own(() -> closed.append("second;"));
        session.close();
        session.close();
        assertEquals("second;first;", closed.toString(), "closed once each, last handed first");
        assertThrows(IllegalStateException.class, () -> session.own(() -> { }));
    }

    @Test
    void registryFindsDemoContractsAndKeepsTheUsersPerChain() {
        ChainSession first = ChainSession.open(chain.rpc().endpoint(), ChainSession.Kind.LOCAL, db);
        assertTrue(first.contracts().all().isEmpty(), "nothing known before the demo world is deployed");
        DemoWorldResult demo = new DemoWorld(first.rpc(), new DemoWorldRepository(db), dir.resolve("demo.lock")).ensure(null);

        KnownContract token = first.contracts().byName("hearthtoken").orElseThrow();
        assertEquals("HearthToken", token.name());
        assertEquals(demo.contracts().get("HearthToken"), token.address());
        assertEquals(KnownContract.Source.DEMO, token.source());
        assertEquals("HearthToken", token.artifactName());
        assertTrue(token.artifact().orElseThrow().abi().size() > 10, "the token's ABI is on the classpath");
        assertEquals(token, first.contracts().byAddress(token.address().toLowerCase()).orElseThrow());
        assertEquals(DemoWorld.CONTRACTS.size(), first.contracts().all().size());

        first.contracts().add("My vault", VAULT, null);
        first.contracts().add("Token copy", CAROL.toLowerCase(), "HearthToken");
        assertThrows(IllegalArgumentException.class, () -> first.contracts().add("HEARTHTOKEN", DEV0, null), "a demo name");
        assertThrows(IllegalArgumentException.class, () -> first.contracts().add("Mine", token.address(), null), "a demo address");
        assertThrows(IllegalArgumentException.class, () -> first.contracts().add("Bad", VAULT.replace("0x90F7", "0x90f7"), null));
        assertThrows(IllegalArgumentException.class, () -> first.contracts().add("Other", DEV0, "NoSuchContract"));
        assertThrows(IllegalArgumentException.class, () -> first.contracts().add("my VAULT", DEV0, null), "names are unique per chain");
        first.close();

        // a new session (a restart, another port) on the same database finds them again
        ChainSession second = ChainSession.open(chain.rpc().endpoint(), ChainSession.Kind.LOCAL, Database.open(dir.resolve("hearth.db")));
        KnownContract vault = second.contracts().byName("my vault").orElseThrow();
        assertEquals(new KnownContract("My vault", VAULT, null, KnownContract.Source.USER), vault);
        assertTrue(vault.artifact().isEmpty());
        KnownContract copy = second.contracts().byAddress(CAROL).orElseThrow();
        assertEquals("Token copy", copy.name());
        assertEquals(CAROL, copy.address(), "shown checksummed");
        assertEquals("HearthToken", copy.artifact().orElseThrow().name());
        assertEquals(DemoWorld.CONTRACTS.size() + 2, second.contracts().all().size());
        second.contracts().add("Vault (renamed)", VAULT, null);
        assertTrue(second.contracts().byName("My vault").isEmpty());
        assertEquals(VAULT, second.contracts().byName("vault (renamed)").orElseThrow().address());

        // another chain id sees none of them; the demo world's are keyed by genesis hash as well
        ContractRegistry otherChain = new ContractRegistry(1, second.genesisHash(), new DemoWorldRepository(db), new KnownContractRepository(db));
        assertTrue(otherChain.all().isEmpty(), otherChain.all().toString());
        ContractRegistry resetChain = new ContractRegistry(31337, "0x" + "0".repeat(64), new DemoWorldRepository(db), new KnownContractRepository(db));
        assertEquals(2, resetChain.all().size(), "a reset local chain keeps the user's names but not the old demo world");

        assertTrue(second.contracts().remove(VAULT));
        assertFalse(second.contracts().remove(token.address()), "the demo world's stay");
        assertEquals(DemoWorld.CONTRACTS.size() + 1, second.contracts().all().size());
        second.close();
    }

    /** Passes JSON-RPC through to a node and counts the distinct client connections it was reached on. */
    private static final class ConnectionCountingProxy implements AutoCloseable {

        private final HttpServer server;
        private final Set<InetSocketAddress> clients = ConcurrentHashMap.newKeySet();
        private final AtomicInteger requests = new AtomicInteger();

        ConnectionCountingProxy(URI upstream) throws IOException {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                clients.add(exchange.getRemoteAddress());
                requests.incrementAndGet();
                byte[] request = exchange.getRequestBody().readAllBytes();
                byte[] reply;
                try {
                    reply = http.send(HttpRequest.newBuilder(upstream).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(request)).build(), HttpResponse.BodyHandlers.ofByteArray()).body();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                }
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, reply.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(reply);
                }
            });
            server.start();
        }

        URI url() {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
        }

        int connections() {
            return clients.size();
        }

        int requests() {
            return requests.get();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
