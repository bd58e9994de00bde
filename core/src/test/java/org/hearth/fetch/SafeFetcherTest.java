package org.hearth.fetch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.hearth.problem.HearthException;
import org.hearth.testing.CountingHttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SafeFetcherTest {

    private static final byte[] JSON = "{\"name\":\"ok\"}".getBytes(StandardCharsets.UTF_8);

    private CountingHttpServer server;

    @BeforeEach
    void start() {
        server = new CountingHttpServer().on("/", CountingHttpServer.bytes("application/json", JSON));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private SafeFetcher asGateway() {
        return new SafeFetcher(List.of(server.uri("/")));
    }

    @Test
    void fetchesFromAConfiguredGatewayAndSniffsTheType() {
        FetchResult r = asGateway().fetchJson(server.uri("/ipfs/x"));
        assertArrayEquals(JSON, r.bytes());
        assertEquals(MediaSniffer.JSON, r.mediaType());
        assertEquals(1, server.requests());
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "localhost", "LocalHost.", "2130706433", "0x7f000001", "0177.0.0.1", "0x7f.1", "127.1",
            "0.0.0.0", "0", "[::1]", "[::ffff:127.0.0.1]", "[::ffff:7f00:1]", "[::]", "[0:0:0:0:0:0:0:1]", "[::127.0.0.1]"})
    void refusesEverySpellingOfALocalAddressWithoutARequest(String host) {
        SafeFetcher fetcher = new SafeFetcher(List.of()); // the server is not a gateway here
        HearthException e = assertThrows(HearthException.class,
                () -> fetcher.fetchJson(URI.create("http://" + host + ":" + server.port() + "/x")));
        assertEquals("fetch.blocked", e.key(), e.getMessage());
        assertEquals(0, server.requests());
        assertTrue(!e.getMessage().contains("\n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.1", "172.16.5.4", "192.168.1.1", "169.254.169.254", "224.0.0.1", "100.64.0.1", "[fd00::1]",
            "[fe80::1]", "[ff02::1]", "[64:ff9b::a9fe:a9fe]", "[2002:7f00:1::]", "255.255.255.255"})
    void refusesPrivateLinkLocalAndMulticastAddresses(String host) {
        HearthException e = assertThrows(HearthException.class,
                () -> new SafeFetcher(List.of()).fetchJson(URI.create("http://" + host + "/x")));
        assertEquals("fetch.blocked", e.key(), e.getMessage());
    }

    @Test
    void aNameThatResolvesToLoopbackIsRefusedAndTheCheckedAddressIsTheOneUsed() {
        AtomicInteger lookups = new AtomicInteger();
        // Rebinding DNS: first answer public-looking, any later answer loopback. The fetcher asks once.
        SafeFetcher rebinding = new SafeFetcher(List.of(), host -> lookups.getAndIncrement() == 0
                ? new InetAddress[] {InetAddress.getByAddress(host, new byte[] {127, 0, 0, 1})}
                : new InetAddress[] {InetAddress.getByAddress(host, new byte[] {93, (byte) 184, (byte) 216, 34})});
        HearthException e = assertThrows(HearthException.class,
                () -> rebinding.fetchJson(URI.create("http://nft.example:" + server.port() + "/x")));
        assertEquals("fetch.blocked", e.key());
        assertEquals(1, lookups.get());
        assertEquals(0, server.requests());
    }

    @Test
    void aRedirectToLoopbackIsRefusedBeforeItIsFollowed() {
        try (CountingHttpServer inner = new CountingHttpServer().on("/", CountingHttpServer.bytes("application/json", JSON))) {
            server.on("/hop", CountingHttpServer.redirect("http://localhost:" + inner.port() + "/secret"));
            HearthException e = assertThrows(HearthException.class, () -> asGateway().fetchJson(server.uri("/hop")));
            assertEquals("fetch.blocked", e.key());
            assertEquals(1, server.requests());
            assertEquals(0, inner.requests());
        }
    }

    @Test
    void aRedirectLoopStopsAfterThreeRedirects() {
        server.on("/loop", CountingHttpServer.redirect("/loop"));
        HearthException e = assertThrows(HearthException.class, () -> asGateway().fetchJson(server.uri("/loop")));
        assertEquals("fetch.tooManyRedirects", e.key());
        assertEquals(SafeFetcher.MAX_REDIRECTS + 1, server.requests());
    }

    @Test
    void redirectsWithinTheGatewayAreFollowed() {
        server.on("/a", CountingHttpServer.redirect("/b")).on("/b", CountingHttpServer.redirect("/ok"));
        FetchResult r = asGateway().fetchJson(server.uri("/a"));
        assertArrayEquals(JSON, r.bytes());
        assertEquals(server.uri("/ok"), r.answered());
    }

    @Test
    void aDeclaredOversizeBodyIsRefusedUnread() {
        server.on("/big", exchange -> {
            exchange.sendResponseHeaders(200, 32 * FetchLimits.MiB);
            exchange.getResponseBody().write(new byte[1024]);
            exchange.getResponseBody().flush();
            // Nothing more: the fetcher must refuse on the declared length alone.
        });
        HearthException e = assertThrows(HearthException.class, () -> asGateway().fetchJson(server.uri("/big")));
        assertEquals("fetch.tooLarge", e.key(), e.getMessage());
    }

    @Test
    void aChunkedBodyOverTheCapIsCutOff() {
        AtomicInteger sent = new AtomicInteger();
        server.on("/chunked", exchange -> {
            exchange.sendResponseHeaders(200, 0); // chunked: no length declared
            byte[] chunk = new byte[64 * 1024];
            java.util.Arrays.fill(chunk, (byte) ' ');
            OutputStream out = exchange.getResponseBody();
            try {
                for (int i = 0; i < 64 * 16; i++) { // up to 64 MiB if nobody stops reading
                    out.write(chunk);
                    sent.addAndGet(chunk.length);
                }
            } catch (java.io.IOException closedByClient) {
                // expected: the fetcher hung up
            }
        });
        HearthException e = assertThrows(HearthException.class, () -> asGateway().fetchJson(server.uri("/chunked")));
        assertEquals("fetch.tooLarge", e.key(), e.getMessage());
        assertTrue(sent.get() < 64L * FetchLimits.MiB, "the fetcher stopped reading at the cap");
    }

    @Test
    void aBodyThatTricklesHitsTheTotalDeadline() {
        server.on("/slow", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            try {
                for (int i = 0; i < 600; i++) { // one byte every 50 ms: never silent long enough for the read timeout
                    out.write('{');
                    out.flush();
                    Thread.sleep(50);
                }
            } catch (Exception closedByClient) {
                // expected
            }
        });
        FetchLimits quick = FetchLimits.JSON.withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofMillis(700));
        HearthException e = assertThrows(HearthException.class, () -> asGateway().fetch(server.uri("/slow"), quick));
        assertEquals("fetch.timeout", e.key());
    }

    @Test
    void aSilentServerHitsTheReadTimeout() {
        server.on("/silent", exchange -> {
            try {
                Thread.sleep(5_000);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        });
        FetchLimits quick = FetchLimits.JSON.withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(300), Duration.ofSeconds(4));
        HearthException e = assertThrows(HearthException.class, () -> asGateway().fetch(server.uri("/silent"), quick));
        assertEquals("fetch.timeout", e.key());
    }

    @Test
    void onlyHttpAndHttpsAndNoCredentials() {
        assertEquals("fetch.scheme", assertThrows(HearthException.class,
                () -> asGateway().fetchJson(URI.create("file:///etc/passwd"))).key());
        assertEquals("fetch.badUrl", assertThrows(HearthException.class,
                () -> asGateway().fetchJson(URI.create("http://user@127.0.0.1:" + server.port() + "/"))).key());
        assertEquals(0, server.requests());
    }

    @Test
    void aGatewayIsMatchedOnSchemeHostPortAndPath() {
        SafeFetcher f = new SafeFetcher(List.of(URI.create("http://127.0.0.1:" + server.port() + "/ipfs")));
        assertTrue(f.isGateway(server.uri("/ipfs/abc")));
        assertTrue(!f.isGateway(server.uri("/ipfsx/abc")));
        assertTrue(!f.isGateway(URI.create("http://127.0.0.1:" + (server.port() + 1) + "/ipfs/abc")));
        assertTrue(!f.isGateway(URI.create("https://127.0.0.1:" + server.port() + "/ipfs/abc")));
    }
}
