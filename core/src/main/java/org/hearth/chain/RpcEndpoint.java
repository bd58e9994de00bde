package org.hearth.chain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * One JSON-RPC URL of an {@link RpcClient}: its HTTP client (HTTP/1.1 only: local nodes such as
 * anvil mishandle h2c upgrades; no redirects), one call at a time over it, and the health the
 * client keeps for it (latency, head, back-off after a failure, dropped on a wrong chain id).
 * Thread-safe.
 */
final class RpcEndpoint {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI uri;
    private final String display;
    private final RpcClient.Options options;
    private final RpcClient.Failover failover;
    private final HttpClient http;

    // health, guarded by this
    private EndpointStatus.State state = EndpointStatus.State.UNKNOWN;
    private Long latencyMillis;
    private Long head;
    private String problem;
    private int failures;
    private long retryAtNanos;
    /** After a failure the endpoint may come back as another node: its chain id is asked again first. */
    private boolean verifyChainId = true;
    private long attempts;

    RpcEndpoint(URI uri, RpcClient.Options options, RpcClient.Failover failover) {
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equals("http") || scheme.equals("https"))) {
            throw new IllegalArgumentException("RPC URL must start with http:// or https://, got: " + RpcClient.redact(uri));
        }
        this.uri = uri;
        this.display = RpcClient.redact(uri);
        this.options = options;
        this.failover = failover;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(options.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    URI uri() {
        return uri;
    }

    String display() {
        return display;
    }

    /** Sends one request and returns its {@code result}; records latency and failures. */
    JsonNode call(String method, ObjectNode request) {
        synchronized (this) {
            attempts++;
        }
        long started = System.nanoTime();
        try {
            JsonNode result = send(method, request);
            succeeded((System.nanoTime() - started) / 1_000_000);
            return result;
        } catch (RpcException e) {
            if (e.isTransport()) {
                failed(e.getMessage().replaceFirst("^RPC \\S+ at \\S+ failed: ", "")); // the reason alone: the table names the URL
            } else {
                succeeded((System.nanoTime() - started) / 1_000_000); // an error reply is still an answer
            }
            throw e;
        }
    }

    private JsonNode send(String method, ObjectNode request) {
        HttpRequest httpRequest = HttpRequest.newBuilder(uri)
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
            throw new RpcException(RpcException.Kind.MALFORMED, display, method, "HTTP " + status + " with a body that is not JSON", null, null, e);
        }
        if (reply == null || !reply.isObject()) {
            throw new RpcException(RpcException.Kind.MALFORMED, display, method, "HTTP " + status + " with an unexpected body", null, null, null);
        }
        JsonNode error = reply.get("error");
        if (error != null && !error.isNull()) {
            int code = error.path("code").asInt(-32603);
            String message = abbreviate(error.path("message").asText("unknown error"));
            JsonNode data = error.get("data");
            String dataText = data == null || data.isNull() ? null : (data.isTextual() ? data.asText() : data.toString());
            throw new RpcException(RpcException.Kind.ERROR_REPLY, display, method, message + " (code " + code + ")", code, dataText, null);
        }
        if (!reply.has("result")) {
            throw new RpcException(RpcException.Kind.MALFORMED, display, method, "HTTP " + status + " reply without a result", null, null, null);
        }
        return reply.get("result");
    }

    private byte[] readCapped(String method, InputStream in) {
        try (in) {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, options.maxResponseBytes() + 1));
            if (body.length > options.maxResponseBytes()) {
                // the node answered: too large is not "unreachable", and asking again would only get the same reply
                throw new RpcException(RpcException.Kind.TOO_LARGE, display, method,
                        Long.toString(options.maxResponseBytes()), null, null, null);
            }
            return body;
        } catch (IOException e) {
            throw transport(RpcException.Kind.UNREACHABLE, method, "connection dropped while reading: " + describe(e), e);
        }
    }

    // ---- health ----

    private synchronized void succeeded(long millis) {
        latencyMillis = millis;
        if (state != EndpointStatus.State.DROPPED && state != EndpointStatus.State.STALE) {
            state = EndpointStatus.State.HEALTHY;
        }
        if (state != EndpointStatus.State.DROPPED) {
            problem = null;
        }
        failures = 0;
    }

    /** Back-off doubles with each failure in a row, from the client's first back-off up to its longest. */
    private synchronized void failed(String why) {
        if (state == EndpointStatus.State.DROPPED) {
            return;
        }
        failures++;
        state = EndpointStatus.State.FAILING;
        problem = why;
        verifyChainId = true;
        long first = failover.firstBackoff().toNanos();
        long wait = Math.min(failover.maxBackoff().toNanos(), first << Math.min(20, failures - 1));
        retryAtNanos = System.nanoTime() + wait;
    }

    synchronized void drop(String why) {
        state = EndpointStatus.State.DROPPED;
        problem = why;
    }

    synchronized void head(long block, boolean stale) {
        head = block;
        if (state == EndpointStatus.State.HEALTHY || state == EndpointStatus.State.STALE || state == EndpointStatus.State.UNKNOWN) {
            state = stale ? EndpointStatus.State.STALE : EndpointStatus.State.HEALTHY;
        }
    }

    synchronized Long lastHead() {
        return head;
    }

    synchronized boolean isDropped() {
        return state == EndpointStatus.State.DROPPED;
    }

    /** 0 healthy or unknown, 1 stale, 2 failing and still backing off; dropped ones are not ranked. */
    synchronized int rank() {
        return switch (state) {
            case HEALTHY, UNKNOWN -> 0;
            case STALE -> 1;
            case FAILING -> System.nanoTime() - retryAtNanos >= 0 ? 0 : 2;
            case DROPPED -> 3;
        };
    }

    synchronized boolean needsChainIdCheck() {
        return verifyChainId;
    }

    synchronized void chainIdChecked() {
        verifyChainId = false;
    }

    /** How many requests were sent here (each call once; tests count where reads went). */
    synchronized long attempts() {
        return attempts;
    }

    synchronized EndpointStatus status() {
        return new EndpointStatus(display, state, latencyMillis, head, problem);
    }

    void close() {
        http.shutdown();
    }

    private RpcException transport(RpcException.Kind kind, String method, String detail, Throwable cause) {
        return new RpcException(kind, display, method, detail, null, null, cause);
    }

    private static String describe(IOException e) {
        String name = e.getClass().getSimpleName();
        return e.getMessage() == null ? name : name + ": " + abbreviate(e.getMessage());
    }

    static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "…";
    }
}
