package org.hearth.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The RPC client against a real HTTP server on loopback that misbehaves on purpose. */
class RpcClientTest {

    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();

    private URI serve(IntFunction<Reply> replyForRequestNumber) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            Reply reply = replyForRequestNumber.apply(requests.incrementAndGet());
            byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(reply.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v3/SECRET_API_KEY");
    }

    record Reply(int status, String body) {
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private static RpcClient client(URI uri) {
        return new RpcClient(uri, new RpcClient.Options(Duration.ofSeconds(1), Duration.ofSeconds(2), 4096, 2, Duration.ofMillis(10)));
    }

    @Test
    void readsAResult() throws IOException {
        URI uri = serve(n -> new Reply(200, "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"0x7a69\"}"));
        assertEquals(31337, client(uri).chainId());
    }

    @Test
    void unreachableNodeNamesEndpointAndMethodButNotTheApiKey() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        RpcException e = assertThrows(RpcException.class,
                () -> client(URI.create("http://127.0.0.1:" + port + "/v3/SECRET_API_KEY")).call("eth_blockNumber"));
        assertTrue(e.getMessage().contains("eth_blockNumber"), e.getMessage());
        assertTrue(e.getMessage().contains("127.0.0.1:" + port), e.getMessage());
        assertFalse(e.getMessage().contains("SECRET_API_KEY"), e.getMessage());
        assertTrue(e.isTransport());
    }

    @Test
    void idempotentReadsAreRetriedAfterServerErrors() throws IOException {
        URI uri = serve(n -> n < 3 ? new Reply(503, "busy") : new Reply(200, "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"0x10\"}"));
        assertEquals(16, client(uri).blockNumber());
        assertEquals(3, requests.get());
    }

    @Test
    void sendsAreNeverRetried() throws IOException {
        URI uri = serve(n -> new Reply(503, "busy"));
        assertThrows(RpcException.class, () -> client(uri).call("eth_sendRawTransaction", "0x00"));
        assertEquals(1, requests.get(), "a retried send could broadcast twice");
    }

    @Test
    void oversizeResponsesAreRefused() throws IOException {
        URI uri = serve(n -> new Reply(200, "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"" + "a".repeat(10_000) + "\"}"));
        RpcException e = assertThrows(RpcException.class, () -> client(uri).call("eth_getCode", "0x0", "latest"));
        assertTrue(e.getMessage().contains("cap"), e.getMessage());
        // the node answered: "reply too large" with its own key, not a transport failure, and not asked again
        assertEquals(RpcException.Kind.TOO_LARGE, e.kind());
        assertEquals("rpc.tooLarge", e.key());
        assertEquals(java.util.List.of("eth_getCode", "http://127.0.0.1:" + uri.getPort() + "/…", "4096"), e.args());
        assertFalse(e.isTransport());
        assertEquals(1, requests.get(), "the same oversize reply would come again");
    }

    @Test
    void anOversizeReplyWhenAttachingIsNotCalledUnreachable() throws IOException {
        URI uri = serve(n -> new Reply(200, "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"0x" + "0".repeat(20 << 20) + "1\"}"));
        RpcException e = assertThrows(RpcException.class, () -> org.hearth.node.ExternalNode.attach(uri, null));
        assertEquals("rpc.tooLarge", e.key());
        assertFalse(e.getMessage().contains("Cannot reach"), e.getMessage());
    }

    @Test
    void anUnreachableNodeWhenAttachingSaysSo() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        org.hearth.node.NodeException e = assertThrows(org.hearth.node.NodeException.class,
                () -> org.hearth.node.ExternalNode.attach(URI.create("http://127.0.0.1:" + port + "/"), null));
        assertEquals("node.unreachable", e.key());
        assertEquals("http://127.0.0.1:" + port, e.args().getFirst());
        assertTrue(e.getMessage().startsWith("Cannot reach the node at http://127.0.0.1:" + port), e.getMessage());
    }

    @Test
    void errorRepliesCarryCodeAndRevertData() throws IOException {
        URI uri = serve(n -> new Reply(200,
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":3,\"message\":\"execution reverted\",\"data\":\"0x08c379a0\"}}"));
        RpcException e = assertThrows(RpcException.class, () -> client(uri).call("eth_call", "{}", "latest"));
        assertEquals(3, e.code());
        assertEquals("0x08c379a0", e.data());
        assertEquals(1, requests.get(), "a node's error answer is final, not retried");
    }

    @Test
    void garbageAndMalformedQuantitiesGiveClearErrors() throws IOException {
        URI uri = serve(n -> n == 1 ? new Reply(200, "<html>proxy error</html>") : new Reply(200, "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"0xZZ\"}"));
        RpcException notJson = assertThrows(RpcException.class, () -> client(uri).call("eth_sendTransaction"));
        assertTrue(notJson.getMessage().contains("not JSON"), notJson.getMessage());
        RpcException badHex = assertThrows(RpcException.class, () -> client(uri).blockNumber());
        assertTrue(badHex.getMessage().contains("malformed hex quantity"), badHex.getMessage());
    }

    @Test
    void onlyHttpUrlsAreAccepted() {
        assertThrows(IllegalArgumentException.class, () -> new RpcClient(URI.create("file:///etc/passwd")));
    }
}
