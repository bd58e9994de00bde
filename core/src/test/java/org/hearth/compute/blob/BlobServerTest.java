package org.hearth.compute.blob;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The blob server speaks the trustless-gateway subset on a real loopback port. */
class BlobServerTest {

    @TempDir
    Path dataDir;
    private BlobStore store;
    private BlobServer server;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeEach
    void start() {
        store = BlobStore.inDataDir(dataDir);
        server = BlobServer.startLoopback(store);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void servesRawBytesWithTheGatewayContentType() throws Exception {
        byte[] hello = "Hello world".getBytes(StandardCharsets.US_ASCII);
        Cid cid = store.put(hello);
        assertTrue(server.base().toString().startsWith("http://127.0.0.1:"), server.base().toString());
        HttpResponse<byte[]> got = get("/ipfs/" + cid, "GET");
        assertEquals(200, got.statusCode());
        assertArrayEquals(hello, got.body());
        assertEquals(BlobServer.RAW, got.headers().firstValue("Content-Type").orElseThrow());
        HttpResponse<byte[]> head = get("/ipfs/" + cid, "HEAD");
        assertEquals(200, head.statusCode());
        assertEquals(0, head.body().length);
        assertEquals(BlobServer.RAW, head.headers().firstValue("Content-Type").orElseThrow());
        Cid empty = store.put(new byte[0]);
        HttpResponse<byte[]> none = get("/ipfs/" + empty, "GET");
        assertEquals(200, none.statusCode());
        assertEquals(0, none.body().length);
    }

    @Test
    void unknownIsNotFoundMalformedIsBadRequestAndThereIsNoListing() throws Exception {
        store.put("something".getBytes(StandardCharsets.US_ASCII));
        assertEquals(404, get("/ipfs/" + Cid.of("absent".getBytes(StandardCharsets.US_ASCII)), "GET").statusCode());
        HttpResponse<byte[]> bad = get("/ipfs/bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi", "GET");
        assertEquals(400, bad.statusCode());
        assertTrue(new String(bad.body(), StandardCharsets.UTF_8).contains("only raw (0x55)"));
        assertEquals(400, get("/ipfs/not-a-cid", "GET").statusCode());
        assertEquals(404, get("/ipfs/", "GET").statusCode(), "no listing");
        assertEquals(404, get("/", "GET").statusCode(), "no listing");
        assertEquals(404, get("/blobs/", "GET").statusCode());
        assertEquals(405, get("/ipfs/" + Cid.of(new byte[0]), "DELETE").statusCode());
    }

    @Test
    void aBlobChangedOnDiskIsNotServed() throws Exception {
        Cid cid = store.put("good".getBytes(StandardCharsets.US_ASCII));
        java.nio.file.Files.writeString(store.dir().resolve(cid.toString()), "evil");
        assertEquals(404, get("/ipfs/" + cid, "GET").statusCode());
    }

    private HttpResponse<byte[]> get(String path, String method) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.base() + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }
}
