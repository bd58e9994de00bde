package org.hearth.fetch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.hearth.problem.HearthException;
import org.hearth.testing.CountingHttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One fetcher per session: its connections are reused across fetches, and reuse never loosens a check. */
class SafeFetcherPoolTest {

    private static final byte[] JSON = "{\"name\":\"ok\"}".getBytes(StandardCharsets.UTF_8);

    private CountingHttpServer server;
    private final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();

    @BeforeEach
    void start() {
        server = new CountingHttpServer().on("/", exchange -> {
            clientPorts.add(exchange.getRemoteAddress().getPort()); // one client port per TCP connection
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            CountingHttpServer.ok(exchange, JSON);
        });
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void manyFetchesInTurnShareOneConnection() {
        try (SafeFetcher fetcher = new SafeFetcher(List.of(server.uri("/ipfs")))) {
            for (int i = 0; i < 20; i++) {
                assertArrayEquals(JSON, fetcher.fetchJson(server.uri("/ipfs/meta/" + i)).bytes());
            }
        }
        assertEquals(20, server.requests());
        assertEquals(1, clientPorts.size(), "connections opened for 20 fetches: " + clientPorts);
    }

    @Test
    void aPooledGatewayConnectionNeverServesAUrlOutsideTheGateway() {
        try (SafeFetcher fetcher = new SafeFetcher(List.of(server.uri("/ipfs")))) {
            fetcher.fetchJson(server.uri("/ipfs/a"));
            HearthException e = assertThrows(HearthException.class, () -> fetcher.fetchJson(server.uri("/private")));
            assertEquals("fetch.blocked", e.key(), e.getMessage());
        }
        assertEquals(1, server.requests());
    }

    @Test
    void aClosedFetcherFetchesNothing() {
        SafeFetcher fetcher = new SafeFetcher(List.of(server.uri("/ipfs")));
        fetcher.fetchJson(server.uri("/ipfs/a"));
        fetcher.close();
        assertThrows(HearthException.class, () -> fetcher.fetchJson(server.uri("/ipfs/b")));
        assertEquals(1, server.requests());
    }

    @Test
    void theByteCapStillHoldsOnAReusedConnection() {
        try (SafeFetcher fetcher = new SafeFetcher(List.of(server.uri("/ipfs")))) {
            fetcher.fetchJson(server.uri("/ipfs/a"));
            HearthException e = assertThrows(HearthException.class,
                    () -> fetcher.fetch(server.uri("/ipfs/b"), new FetchLimits(JSON.length - 1, FetchLimits.JSON.connect(),
                            FetchLimits.JSON.read(), FetchLimits.JSON.total())));
            assertEquals("fetch.tooLarge", e.key());
            assertArrayEquals(JSON, fetcher.fetchJson(URI.create(server.uri("/ipfs/c").toString())).bytes(), "a fetch after a refused one still works");
        }
    }
}
