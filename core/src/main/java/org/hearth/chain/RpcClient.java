package org.hearth.chain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one JSON-RPC client. HTTP/1.1 only (local nodes such as anvil mishandle h2c upgrades),
 * bounded connect and request timeouts, a cap on response size, and retries only for reads that
 * are safe to repeat. Thread-safe; blocking; meant to be called from virtual threads.
 */
public final class RpcClient implements AutoCloseable {

    /** Methods that never change state, so a retry after a transport error cannot double-spend. */
    private static final Set<String> IDEMPOTENT = Set.of(
            "eth_chainId", "net_version", "web3_clientVersion", "eth_blockNumber", "eth_getBlockByNumber",
            "eth_getBlockByHash", "eth_getBalance", "eth_getCode", "eth_getStorageAt", "eth_call",
            "eth_estimateGas", "eth_getTransactionCount", "eth_getTransactionByHash",
            "eth_getTransactionReceipt", "eth_getLogs", "eth_feeHistory", "eth_gasPrice",
            "eth_maxPriorityFeePerGas", "eth_accounts", "eth_syncing", "debug_traceBlockByHash");

    public record Options(Duration connectTimeout, Duration requestTimeout, long maxResponseBytes, int readRetries,
                          Duration retryBackoff) {
        public static Options defaults() {
            return new Options(Duration.ofSeconds(5), Duration.ofSeconds(30), 16L * 1024 * 1024, 2, Duration.ofMillis(250));
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI endpoint;
    private final String safeEndpoint;
    private final Options options;
    private final HttpClient http;
    private final AtomicLong ids = new AtomicLong();

    public RpcClient(URI endpoint) {
        this(endpoint, Options.defaults());
    }

    public RpcClient(URI endpoint, Options options) {
        String scheme = endpoint.getScheme();
        if (scheme == null || !(scheme.equals("http") || scheme.equals("https"))) {
            throw new IllegalArgumentException("RPC URL must start with http:// or https://, got: " + redact(endpoint));
        }
        this.endpoint = endpoint;
        this.safeEndpoint = redact(endpoint);
        this.options = options;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(options.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public URI endpoint() {
        return endpoint;
    }

    /** The endpoint as shown to people and logs: scheme, host and port only. */
    public String displayEndpoint() {
        return safeEndpoint;
    }

    /** Calls {@code method} and returns its {@code result} (possibly a JSON null). */
    public JsonNode call(String method, Object... params) {
        int attempts = IDEMPOTENT.contains(method) ? 1 + options.readRetries() : 1;
        RpcException last = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                return callOnce(method, params);
            } catch (RpcException e) {
                if (!e.isTransport()) {
                    throw e;
                }
                last = e;
                if (attempt < attempts) {
                    sleep(options.retryBackoff().multipliedBy(attempt));
                }
            }
        }
        throw last;
    }

    /** Calls a method whose result is a hex quantity. */
    public BigInteger callQuantity(String method, Object... params) {
        JsonNode result = call(method, params);
        if (!result.isTextual()) {
            throw new RpcException(RpcException.Kind.MALFORMED, safeEndpoint, method, "expected a hex quantity, got " + abbreviate(result.toString()), null, null, null);
        }
        return Hex.quantity(result.asText(), () -> new RpcException(RpcException.Kind.MALFORMED, safeEndpoint, method,
                "malformed hex quantity " + abbreviate(result.asText()), null, null, null));
    }

    public long chainId() {
        return callQuantity("eth_chainId").longValueExact();
    }

    public long blockNumber() {
        return callQuantity("eth_blockNumber").longValueExact();
    }

    /**
     * Refuses new calls (they fail as unreachable) and lets calls in flight finish; the connections
     * close with them. The session that owns this client calls it when its endpoint is replaced.
     */
    @Override
    public void close() {
        http.shutdown();
    }

    private JsonNode callOnce(String method, Object[] params) {
        ObjectNode request = JSON.createObjectNode();
        request.put("jsonrpc", "2.0");
        request.put("id", ids.incrementAndGet());
        request.put("method", method);
        ArrayNode array = request.putArray("params");
        for (Object p : params) {
            array.add(JSON.valueToTree(p));
        }
        HttpRequest httpRequest = HttpRequest.newBuilder(endpoint)
                .timeout(options.requestTimeout())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(request.toString()))
                .build();
        HttpResponse<InputStream> response;
        try {
            response = http.send(httpRequest, HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            throw transport(RpcException.Kind.TIMEOUT, method, Long.toString(options.requestTimeout().toMillis()), e);
        } catch (IOException e) {
            throw transport(RpcException.Kind.UNREACHABLE, method, describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw transport(RpcException.Kind.INTERRUPTED, method, "", e);
        }
        byte[] body = readCapped(method, response.body());
        int status = response.statusCode();
        if (status == 429 || status >= 500) {
            throw transport(RpcException.Kind.BUSY, method, Integer.toString(status), null);
        }
        JsonNode reply;
        try {
            reply = JSON.readTree(body);
        } catch (IOException e) {
            throw new RpcException(RpcException.Kind.MALFORMED, safeEndpoint, method, "HTTP " + status + " with a body that is not JSON", null, null, e);
        }
        if (reply == null || !reply.isObject()) {
            throw new RpcException(RpcException.Kind.MALFORMED, safeEndpoint, method, "HTTP " + status + " with an unexpected body", null, null, null);
        }
        JsonNode error = reply.get("error");
        if (error != null && !error.isNull()) {
            int code = error.path("code").asInt(-32603);
            String message = abbreviate(error.path("message").asText("unknown error"));
            JsonNode data = error.get("data");
            String dataText = data == null || data.isNull() ? null : (data.isTextual() ? data.asText() : data.toString());
            throw new RpcException(RpcException.Kind.ERROR_REPLY, safeEndpoint, method, message + " (code " + code + ")", code, dataText, null);
        }
        if (!reply.has("result")) {
            throw new RpcException(RpcException.Kind.MALFORMED, safeEndpoint, method, "HTTP " + status + " reply without a result", null, null, null);
        }
        return reply.get("result");
    }

    private byte[] readCapped(String method, InputStream in) {
        try (in) {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, options.maxResponseBytes() + 1));
            if (body.length > options.maxResponseBytes()) {
                // the node answered: too large is not "unreachable", and asking again would only get the same reply
                throw new RpcException(RpcException.Kind.TOO_LARGE, safeEndpoint, method,
                        Long.toString(options.maxResponseBytes()), null, null, null);
            }
            return body;
        } catch (IOException e) {
            throw transport(RpcException.Kind.UNREACHABLE, method, "connection dropped while reading: " + describe(e), e);
        }
    }

    private RpcException transport(RpcException.Kind kind, String method, String detail, Throwable cause) {
        return new RpcException(kind, safeEndpoint, method, detail, null, null, cause);
    }

    private static String describe(IOException e) {
        String name = e.getClass().getSimpleName();
        return e.getMessage() == null ? name : name + ": " + abbreviate(e.getMessage());
    }

    private static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "…";
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Drops user info, path and query: API keys often live there. */
    static String redact(URI uri) {
        String host = uri.getHost() == null ? "?" : uri.getHost();
        String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/") ? "" : "/…";
        return uri.getScheme() + "://" + host + port + path;
    }
}
