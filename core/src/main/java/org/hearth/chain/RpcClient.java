package org.hearth.chain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one JSON-RPC client, over one or more URLs of the same chain. Bounded connect and request
 * timeouts, a cap on response size, and retries only for reads that are safe to repeat.
 * <p>
 * With several URLs it fails over: each call goes to the first healthy URL and moves on to the next
 * at once on a connection failure, timeout or 5xx; the failed URL is skipped for a back-off that
 * doubles with each failure in a row. A signed transaction goes to the first URL that accepts it
 * (the same raw transaction reaching two nodes is harmless). A URL that answers with another chain
 * id is dropped with a warning; one whose head lags the others by more than a few blocks is stale
 * and used last ({@link #probe()} measures heads). Thread-safe; blocking; for virtual threads.
 */
public final class RpcClient implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RpcClient.class);

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

    /**
     * How a client with several URLs treats a failing one: skipped for {@code firstBackoff}, doubling
     * up to {@code maxBackoff}; stale when its head is more than {@code staleBlocks} behind the best.
     */
    public record Failover(Duration firstBackoff, Duration maxBackoff, int staleBlocks) {
        public static Failover defaults() {
            return new Failover(Duration.ofSeconds(5), Duration.ofMinutes(5), 5);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<RpcEndpoint> endpoints;
    private final Options options;
    private final Failover failover;
    private final AtomicLong ids = new AtomicLong();
    /** The chain every URL must serve; learned from the first answer when not given. */
    private volatile Long expectedChainId;

    public RpcClient(URI endpoint) {
        this(endpoint, Options.defaults());
    }

    public RpcClient(URI endpoint, Options options) {
        this(List.of(endpoint), options, Failover.defaults(), null);
    }

    /**
     * A client over {@code urls} in order of preference, all expected to serve {@code chainId}
     * (null: whatever the first answer says).
     */
    public RpcClient(List<URI> urls, Options options, Failover failover, Long chainId) {
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("An RPC client needs at least one URL");
        }
        List<RpcEndpoint> built = new ArrayList<>();
        for (URI url : urls) {
            built.add(new RpcEndpoint(url, options, failover));
        }
        this.endpoints = List.copyOf(built);
        this.options = options;
        this.failover = failover;
        this.expectedChainId = chainId;
    }

    /** The first (preferred) URL. */
    public URI endpoint() {
        return endpoints.getFirst().uri();
    }

    /** Every URL, in order of preference as configured. */
    public List<URI> endpoints() {
        return endpoints.stream().map(RpcEndpoint::uri).toList();
    }

    /** The endpoint as shown to people and logs: scheme, host and port only (the first; "+N" when there are more). */
    public String displayEndpoint() {
        String first = endpoints.getFirst().display();
        return endpoints.size() == 1 ? first : first + " +" + (endpoints.size() - 1);
    }

    /** Each URL's state, latency and head, in configured order. */
    public List<EndpointStatus> endpointStatuses() {
        return endpoints.stream().map(RpcEndpoint::status).toList();
    }

    /** How many requests went to each URL (configured order): where calls were served. */
    public List<Long> attemptsPerEndpoint() {
        return endpoints.stream().map(RpcEndpoint::attempts).toList();
    }

    /** Calls {@code method} and returns its {@code result} (possibly a JSON null). */
    public JsonNode call(String method, Object... params) {
        int passes = IDEMPOTENT.contains(method) ? 1 + options.readRetries() : 1;
        RpcException last = null;
        for (int pass = 1; pass <= passes; pass++) {
            for (RpcEndpoint endpoint : preferred()) {
                try {
                    verifyChainId(endpoint);
                    return endpoint.call(method, request(method, params));
                } catch (RpcException e) {
                    if (!e.isTransport()) {
                        throw e;
                    }
                    last = e;
                } catch (WrongChainException e) {
                    last = e.reason;
                }
            }
            if (pass < passes) {
                sleep(options.retryBackoff().multipliedBy(pass));
            }
        }
        if (last == null) {
            throw new RpcException(displayEndpoint(), method, "no usable endpoint (each answered another chain id)", null, null, null);
        }
        throw last;
    }

    /** Calls a method whose result is a hex quantity. */
    public BigInteger callQuantity(String method, Object... params) {
        JsonNode result = call(method, params);
        if (!result.isTextual()) {
            throw new RpcException(RpcException.Kind.MALFORMED, displayEndpoint(), method, "expected a hex quantity, got " + RpcEndpoint.abbreviate(result.toString()), null, null, null);
        }
        return Hex.quantity(result.asText(), () -> new RpcException(RpcException.Kind.MALFORMED, displayEndpoint(), method,
                "malformed hex quantity " + RpcEndpoint.abbreviate(result.asText()), null, null, null));
    }

    public long chainId() {
        Long known = expectedChainId;
        if (known != null && endpoints.size() > 1) {
            call("eth_chainId"); // still proves that some endpoint answers, and checks the one that did
            return known;
        }
        return callQuantity("eth_chainId").longValueExact();
    }

    public long blockNumber() {
        return callQuantity("eth_blockNumber").longValueExact();
    }

    /**
     * Asks every URL that is not dropped for its chain id and head, and marks those more than
     * {@link Failover#staleBlocks()} behind the best as stale. Blocking: the session calls it in
     * the background, the Node screen when it shows the endpoints.
     */
    public List<EndpointStatus> probe() {
        List<long[]> heads = new ArrayList<>();
        for (RpcEndpoint e : endpoints) {
            if (e.isDropped() || e.rank() == 2) {
                continue; // a failing one is asked again once its back-off has run out
            }
            try {
                checkChainId(e);
                long head = quantity(e, "eth_blockNumber");
                heads.add(new long[] {endpoints.indexOf(e), head});
            } catch (RpcException | WrongChainException ignored) {
                // recorded in the endpoint's status
            }
        }
        long best = heads.stream().mapToLong(h -> h[1]).max().orElse(0);
        for (long[] h : heads) {
            endpoints.get((int) h[0]).head(h[1], best - h[1] > failover.staleBlocks());
        }
        return endpointStatuses();
    }

    /**
     * Refuses new calls (they fail as unreachable) and lets calls in flight finish; the connections
     * close with them. The session that owns this client calls it when its endpoint is replaced.
     */
    @Override
    public void close() {
        endpoints.forEach(RpcEndpoint::close);
    }

    /** Healthy first (in configured order), then stale, then those still backing off; never dropped ones. */
    private List<RpcEndpoint> preferred() {
        if (endpoints.size() == 1) {
            return endpoints;
        }
        return endpoints.stream().filter(e -> !e.isDropped()).sorted(Comparator.comparingInt(RpcEndpoint::rank)).toList();
    }

    /** A URL with several configured, seen for the first time or after a failure, proves its chain id before serving. */
    private void verifyChainId(RpcEndpoint endpoint) {
        if (endpoints.size() > 1 && endpoint.needsChainIdCheck()) {
            checkChainId(endpoint);
        }
    }

    private void checkChainId(RpcEndpoint endpoint) {
        long id = quantity(endpoint, "eth_chainId");
        synchronized (this) {
            if (expectedChainId == null) {
                expectedChainId = id;
            }
        }
        if (id != expectedChainId) {
            String why = "answers chain id " + id + ", not " + expectedChainId;
            LOG.warn("Dropping RPC endpoint {}: it {}", endpoint.display(), why);
            endpoint.drop(why);
            throw new WrongChainException(new RpcException(endpoint.display(), "eth_chainId", why, null, null, null));
        }
        endpoint.chainIdChecked();
    }

    private long quantity(RpcEndpoint endpoint, String method) {
        JsonNode result = endpoint.call(method, request(method, new Object[0]));
        if (!result.isTextual()) {
            throw new RpcException(endpoint.display(), method, "expected a hex quantity", null, null, null);
        }
        return Hex.quantity(result.asText(), () -> new RpcException(endpoint.display(), method, "malformed hex quantity", null, null, null))
                .longValueExact();
    }

    private ObjectNode request(String method, Object[] params) {
        ObjectNode request = JSON.createObjectNode();
        request.put("jsonrpc", "2.0");
        request.put("id", ids.incrementAndGet());
        request.put("method", method);
        ArrayNode array = request.putArray("params");
        for (Object p : params) {
            array.add(JSON.valueToTree(p));
        }
        return request;
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Drops user info, path and query: API keys often live there. */
    public static String redact(URI uri) {
        String host = uri.getHost() == null ? "?" : uri.getHost();
        String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/") ? "" : "/…";
        return uri.getScheme() + "://" + host + port + path;
    }

    /** An endpoint answered another chain id: it is dropped and the call moves on. */
    private static final class WrongChainException extends RuntimeException {
        final RpcException reason;

        WrongChainException(RpcException reason) {
            super(reason.getMessage(), null, false, false);
            this.reason = reason;
        }
    }
}
