package org.hearth.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A JSON-RPC node on loopback that passes calls through to a real node, except those for which
 * {@code override} returns a reply: a node that, say, does not offer traces. Counts calls per method.
 * Shared by core's and app's tests (published in core's test-jar).
 */
public final class RpcProxy implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

    /** {@code override(method, id)}: the whole reply body, or null to pass the call through. */
    public RpcProxy(URI upstream, BiFunction<String, JsonNode, String> override) throws IOException {
        this(upstream, request -> override.apply(request.path("method").asText(), request.path("id")), (request, reply) -> null);
    }

    /**
     * {@code before(request)}: the whole reply body, or null to pass the call through;
     * {@code after(request, upstreamReply)}: a reply to send instead of the upstream one, or null to pass it on.
     */
    public RpcProxy(URI upstream, Function<JsonNode, String> before, BiFunction<JsonNode, String, String> after) throws IOException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] request = exchange.getRequestBody().readAllBytes();
            JsonNode parsed = JSON.readTree(request);
            String method = parsed.path("method").asText();
            count(method);
            String reply = before.apply(parsed);
            if (reply == null) {
                try {
                    reply = http.send(HttpRequest.newBuilder(upstream).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(request)).build(), HttpResponse.BodyHandlers.ofString()).body();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                }
                String changed = after.apply(parsed, reply);
                if (changed != null) {
                    reply = changed;
                }
            }
            byte[] body = reply.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    /** A node that offers no traces: trace calls get "method not found" (-32601), the rest reach {@code upstream}. */
    public static RpcProxy refusingTraces(URI upstream) throws IOException {
        return new RpcProxy(upstream, (method, id) -> isTrace(method)
                ? error(id, -32601, "the method " + method + " does not exist/is not available") : null);
    }

    /**
     * A node that limits {@code eth_getLogs} as public providers do: a range of more than
     * {@code maxBlocks} blocks, or one whose reply has more than {@code maxLogs} logs, gets geth's
     * "query returned more than 10000 results" error (counted under {@code eth_getLogs:refused}).
     */
    public static RpcProxy limitingLogs(URI upstream, long maxBlocks, int maxLogs) throws IOException {
        RpcProxy[] self = new RpcProxy[1];
        String tooMany = "query returned more than 10000 results";
        self[0] = new RpcProxy(upstream, request -> {
            if (!"eth_getLogs".equals(request.path("method").asText())) {
                return null;
            }
            JsonNode filter = request.path("params").path(0);
            long from = Long.decode(filter.path("fromBlock").asText());
            long to = Long.decode(filter.path("toBlock").asText());
            if (to - from + 1 > maxBlocks) {
                self[0].count("eth_getLogs:refused");
                return error(request.path("id"), -32005, tooMany);
            }
            return null;
        }, (request, reply) -> {
            if (!"eth_getLogs".equals(request.path("method").asText())) {
                return null;
            }
            try {
                if (JSON.readTree(reply).path("result").size() > maxLogs) {
                    self[0].count("eth_getLogs:refused");
                    return error(request.path("id"), -32005, tooMany);
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return null;
        });
        return self[0];
    }

    private void count(String what) {
        calls.computeIfAbsent(what, m -> new AtomicInteger()).incrementAndGet();
    }

    /** Whether a method belongs to the trace namespaces ({@code debug_*}, {@code trace_*}) that many nodes leave out. */
    public static boolean isTrace(String method) {
        return method.startsWith("debug_") || method.startsWith("trace_");
    }

    /** A JSON-RPC error reply. */
    public static String error(JsonNode id, int code, String message) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"error\":{\"code\":" + code + ",\"message\":\"" + message + "\"}}";
    }

    /** A JSON-RPC result reply. */
    public static String result(JsonNode id, String resultJson) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"result\":" + resultJson + "}";
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    public int calls(String method) {
        AtomicInteger n = calls.get(method);
        return n == null ? 0 : n.get();
    }

    /** Calls so far, per method (a copy). */
    public Map<String, Integer> counts() {
        Map<String, Integer> copy = new java.util.TreeMap<>();
        calls.forEach((method, n) -> copy.put(method, n.get()));
        return copy;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
