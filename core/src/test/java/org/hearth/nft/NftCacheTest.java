package org.hearth.nft;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hearth.fetch.FetchLimits;
import org.hearth.store.Database;
import org.hearth.testing.CountingHttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Metadata and media cached by content hash in a real SQLite file and folder; refresh and tampering refetch. */
class NftCacheTest {

    private static final byte[] META = "{\"name\":\"cached\"}".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    @Test
    void aSecondReadComesFromTheCacheUntilRefreshedOrTamperedWith() throws Exception {
        try (CountingHttpServer server = new CountingHttpServer().on("/", CountingHttpServer.bytes("application/json", META))) {
            NftCache cache = new NftCache(Database.open(dir.resolve("hearth.db")), dir.resolve("nft-cache"));
            NftContent content = new NftContent(new NftGateways(List.of(server.uri("")), List.of()), cache);
            String uri = "ipfs://bafkreiabc/meta.json";

            assertArrayEquals(META, content.get(uri, FetchLimits.JSON).bytes());
            NftContent.Fetched again = content.get(uri, FetchLimits.JSON);
            assertArrayEquals(META, again.bytes());
            assertEquals("application/json", again.mediaType());
            assertTrue(again.tried().getFirst().startsWith("cache: sha-256 "), again.tried().toString());
            assertEquals(1, server.requests());

            content.refresh(uri);
            content.get(uri, FetchLimits.JSON);
            assertEquals(2, server.requests());

            Path file = dir.resolve("nft-cache").resolve(NftCache.sha256(META));
            Files.writeString(file, "{\"name\":\"tampered\"}");
            assertArrayEquals(META, content.get(uri, FetchLimits.JSON).bytes(), "a file that no longer matches its hash is refetched");
            assertEquals(3, server.requests());

            assertEquals("cached", new MetadataResolver(content).resolve(uri, java.math.BigInteger.ONE).metadata().name());
            assertEquals(3, server.requests());
        }
    }
}
