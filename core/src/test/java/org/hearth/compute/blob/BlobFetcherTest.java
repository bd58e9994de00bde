package org.hearth.compute.blob;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fetcher against real loopback servers: an honest blob server and servers that lie, stall or flood. */
class BlobFetcherTest {

    private static final byte[] CONTENT = "the bytes a requester posted".getBytes(StandardCharsets.US_ASCII);
    private static final Cid ID = Cid.of(CONTENT);

    @TempDir
    Path dataDir;
    private BlobServer honest;
    private final List<HttpServer> liars = new ArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void start() {
        BlobStore store = new BlobStore(dataDir.resolve("server"), 1 << 20);
        store.put(CONTENT);
        honest = BlobServer.startLoopback(store);
    }

    @AfterEach
    void stop() {
        release.countDown();
        honest.close();
        liars.forEach(s -> s.stop(0));
    }

    @Test
    void fetchesFromTheFirstBaseThatHasIt() {
        BlobFetcher fetcher = new BlobFetcher(Duration.ofSeconds(5), 1 << 20);
        try (BlobServer empty = BlobServer.startLoopback(new BlobStore(dataDir.resolve("empty"), 1000))) {
            assertArrayEquals(CONTENT, fetcher.fetch(ID, List.of(empty.base(), URI.create(honest.base() + "/"))));
        }
        BlobStore mine = BlobStore.inDataDir(dataDir.resolve("mine"));
        assertArrayEquals(CONTENT, fetcher.fetchInto(mine, ID, List.of(honest.base())));
        assertArrayEquals(CONTENT, mine.get(ID).orElseThrow(), "kept, verified, in the local store");
        assertArrayEquals(CONTENT, fetcher.fetchInto(mine, ID, List.of()), "served locally: no gateway needed");
    }

    @Test
    void wrongBytesAreRefusedAndTheNextGatewayIsTried() {
        URI liar = serve(ex -> send(ex, 200, "not the bytes you asked for".getBytes(StandardCharsets.US_ASCII)));
        BlobFetcher fetcher = new BlobFetcher(Duration.ofSeconds(5), 1 << 20);
        BlobException e = assertThrows(BlobException.class, () -> fetcher.fetch(ID, List.of(liar)));
        assertTrue(e.getMessage().contains("do not match the blob id"), e.getMessage());
        assertTrue(e.getMessage().contains(ID.toString()), e.getMessage());
        assertArrayEquals(CONTENT, fetcher.fetch(ID, List.of(liar, honest.base())));
        BlobStore mine = BlobStore.inDataDir(dataDir.resolve("mine"));
        assertThrows(BlobException.class, () -> fetcher.fetchInto(mine, ID, List.of(liar)));
        assertTrue(mine.get(ID).isEmpty(), "nothing unverified is stored");
    }

    @Test
    void oversizeIsRefusedWhetherDeclaredOrStreamed() {
        URI declared = serve(ex -> send(ex, 200, new byte[5000]));
        URI chunked = serve(ex -> {
            ex.sendResponseHeaders(200, 0); // chunked: no length up front
            try (OutputStream out = ex.getResponseBody()) {
                for (int i = 0; i < 100; i++) {
                    out.write(new byte[1000]);
                }
            }
        });
        BlobFetcher fetcher = new BlobFetcher(Duration.ofSeconds(5), 1000);
        BlobException a = assertThrows(BlobException.class, () -> fetcher.fetch(ID, List.of(declared)));
        assertTrue(a.getMessage().contains("sent more than the cap of 1000 bytes"), a.getMessage());
        BlobException b = assertThrows(BlobException.class, () -> fetcher.fetch(ID, List.of(chunked)));
        assertTrue(b.getMessage().contains("sent more than the cap of 1000 bytes"), b.getMessage());
    }

    @Test
    void aStallingServerIsAbandonedAtTheDeadline() {
        URI silent = serve(ex -> awaitRelease());
        URI trickle = serve(ex -> {
            ex.sendResponseHeaders(200, CONTENT.length);
            OutputStream out = ex.getResponseBody();
            out.write(CONTENT, 0, 3);
            out.flush();
            awaitRelease();
        });
        BlobFetcher fetcher = new BlobFetcher(Duration.ofMillis(700), 1 << 20);
        BlobException e = assertThrows(BlobException.class, () -> fetcher.fetch(ID, List.of(silent, trickle)));
        assertTrue(e.getMessage().contains(silent + ": ") && e.getMessage().contains("did not answer in time"), e.getMessage());
        assertTrue(e.getMessage().contains(trickle + ": ") && e.getMessage().split(trickle + ": ")[1].contains("did not answer in time"), e.getMessage());
        assertArrayEquals(CONTENT, fetcher.fetch(ID, List.of(silent, trickle, honest.base())));
    }

    @Test
    void redirectsAreFollowedAFewTimesOnly() {
        URI within = serve(ex -> {
            if (ex.getRequestURI().getPath().startsWith("/moved/")) {
                send(ex, 200, CONTENT);
            } else {
                redirect(ex, "/moved" + ex.getRequestURI().getPath());
            }
        });
        BlobFetcher fetcher = new BlobFetcher(Duration.ofSeconds(5), 1 << 20);
        assertArrayEquals(CONTENT, fetcher.fetch(ID, List.of(within)), "a redirect within the configured source is followed");
        // a redirect from a configured (local) source to a local address that is not configured is refused
        URI hop = serve(ex -> redirect(ex, honest.base() + ex.getRequestURI().getPath()));
        BlobException away = assertThrows(BlobException.class, () -> fetcher.fetch(ID, List.of(hop)));
        assertTrue(away.getMessage().contains("Refused to fetch from 127.0.0.1"), away.getMessage());
        assertArrayEquals(CONTENT, fetcher.fetch(ID, List.of(hop, honest.base())), "unless that address is configured too");
        URI[] self = new URI[1];
        self[0] = serve(ex -> redirect(ex, self[0] + ex.getRequestURI().getPath()));
        BlobException loop = assertThrows(BlobException.class, () -> fetcher.fetch(ID, List.of(self[0])));
        assertTrue(loop.getMessage().contains("redirected more than 3 times"), loop.getMessage());
        URI toFile = serve(ex -> redirect(ex, "file:///etc/passwd"));
        BlobException file = assertThrows(BlobException.class, () -> fetcher.fetch(ID, List.of(toFile)));
        assertTrue(file.getMessage().contains("Only http and https addresses are fetched"), file.getMessage());
        URI notFound = serve(ex -> send(ex, 404, new byte[0]));
        assertTrue(assertThrows(BlobException.class, () -> fetcher.fetch(ID, List.of(notFound))).getMessage().contains("HTTP 404"));
        assertTrue(assertThrows(BlobException.class, () -> fetcher.fetch(ID, List.of())).getMessage().contains("no gateway configured"));
    }

    private URI serve(HttpHandler handler) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
            server.createContext("/", ex -> {
                try (ex) {
                    handler.handle(ex);
                }
            });
            server.setExecutor(Executors.newCachedThreadPool(Thread.ofPlatform().daemon().factory()));
            server.start();
            liars.add(server);
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void awaitRelease() {
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void send(HttpExchange ex, int status, byte[] body) throws java.io.IOException {
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    private static void redirect(HttpExchange ex, String location) throws java.io.IOException {
        ex.getResponseHeaders().set("Location", location);
        ex.sendResponseHeaders(302, -1);
    }
}
