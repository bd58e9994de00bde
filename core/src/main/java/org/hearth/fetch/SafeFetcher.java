package org.hearth.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.time.Duration;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.hearth.problem.HearthException;

/**
 * The one fetcher for everything from outside (DESIGN.md rule 5): http and https only, a byte cap
 * checked against the declared length and again while reading (chunked bodies too), connect, read and
 * total timeouts, at most {@value #MAX_REDIRECTS} redirects, and the type sniffed from the bytes.
 *
 * <p>Before each request (the first and every redirect) the host is resolved and every address is
 * checked ({@link HostAddresses}); the connection then goes to exactly those addresses, because the HTTP
 * client's DNS resolver only answers with what was checked. A second DNS answer (rebinding) is never
 * asked for. A URL under a configured gateway base (same scheme, host, port and path prefix) skips the
 * address check: a local IPFS node or the local blob server is private by nature.
 *
 * <p>One fetcher is kept for a session: its HTTP clients and their connection pools are made once and
 * reused by every fetch (a connection made for one checked URL only ever went to checked addresses),
 * until {@link #close()}.
 */
public final class SafeFetcher implements AutoCloseable {

    public static final int MAX_REDIRECTS = 3;

    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "fetch-deadline");
        t.setDaemon(true);
        return t;
    });

    /** Connections kept per host: the NFT list fetches 16 documents at once from one gateway. */
    static final int POOL_PER_HOST = 32;
    static final int POOL_TOTAL = 64;

    private final List<URI> gateways;
    private final HostAddresses.Resolver resolver;
    private final Map<ClientKey, Client> clients = new ConcurrentHashMap<>();
    private volatile boolean closed;

    public SafeFetcher(List<URI> gateways) {
        this(gateways, HostAddresses.SYSTEM);
    }

    SafeFetcher(List<URI> gateways, HostAddresses.Resolver resolver) {
        this.gateways = List.copyOf(gateways);
        this.resolver = resolver;
    }

    public List<URI> gateways() {
        return gateways;
    }

    /** Fetches JSON or text under {@link FetchLimits#JSON}. */
    public FetchResult fetchJson(URI uri) {
        return fetch(uri, FetchLimits.JSON);
    }

    /** Fetches an image or other media under {@link FetchLimits#MEDIA}. */
    public FetchResult fetchMedia(URI uri) {
        return fetch(uri, FetchLimits.MEDIA);
    }

    public FetchResult fetch(URI uri, FetchLimits limits) {
        try {
            long deadline = System.nanoTime() + limits.total().toNanos();
            URI current = uri;
            for (int hop = 0; ; hop++) {
                Target target = Target.of(current);
                List<InetAddress> addresses = isGateway(current)
                        ? HostAddresses.resolve(target.host(), resolver)
                        : HostAddresses.checked(target.host(), resolver);
                Client client = client(isGateway(current), limits);
                client.pinned().put(PinnedDns.key(target.host()), addresses);
                HttpGet get = new HttpGet(target.pathAndQuery());
                get.setHeader("Accept", "application/json, image/*, text/plain;q=0.5, */*;q=0.1");
                Response r = send(client.http(), target, get, deadline, limits);
                if (r.redirect() != null) {
                    if (hop >= MAX_REDIRECTS) {
                        throw new HearthException("fetch.tooManyRedirects", null, uri, MAX_REDIRECTS);
                    }
                    try {
                        current = current.resolve(r.redirect().trim());
                    } catch (IllegalArgumentException e) {
                        throw new HearthException("fetch.badUrl", e, r.redirect());
                    }
                    continue;
                }
                return new FetchResult(uri, current, r.body(), MediaSniffer.sniff(r.body()));
            }
        } catch (IllegalStateException e) {
            throw new HearthException("fetch.failed", e, uri, describe(e)); // the fetcher was closed
        }
    }

    /** Closes the pooled connections; a fetch after this fails. */
    @Override
    public void close() {
        closed = true;
        clients.values().forEach(c -> c.http().close(CloseMode.IMMEDIATE));
        clients.clear();
    }

    /** What a pooled client is kept for: gateway URLs or checked ones, and the limits' connect and read timeouts. */
    private record ClientKey(boolean gateway, Duration connect, Duration read) {
    }

    /** A pooled client and the addresses its DNS may answer with (only checked ones, or only gateways' for the gateway client). */
    private record Client(CloseableHttpClient http, Map<String, List<InetAddress>> pinned) {
    }

    /**
     * The client for this kind of URL and these timeouts, made once and kept open: its connections are
     * reused across fetches. Gateway URLs (address check skipped) and checked URLs never share a pool or
     * a pinned DNS table, so a connection made to an unchecked gateway address never serves a checked URL.
     */
    private Client client(boolean gateway, FetchLimits limits) {
        if (closed) {
            throw new IllegalStateException("fetcher closed");
        }
        return clients.computeIfAbsent(new ClientKey(gateway, limits.connect(), limits.read()), k -> {
            Map<String, List<InetAddress>> pinned = new ConcurrentHashMap<>();
            CloseableHttpClient http = HttpClients.custom()
                    .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                            .setDnsResolver(new PinnedDns(pinned))
                            .setMaxConnPerRoute(POOL_PER_HOST)
                            .setMaxConnTotal(POOL_TOTAL)
                            .setDefaultConnectionConfig(ConnectionConfig.custom()
                                    .setConnectTimeout(Timeout.of(k.connect()))
                                    .setSocketTimeout(Timeout.of(k.read()))
                                    .setValidateAfterInactivity(TimeValue.ofSeconds(1)) // a server may have closed an idle connection
                                    .build())
                            .build())
                    .evictIdleConnections(TimeValue.ofSeconds(30))
                    .disableRedirectHandling()
                    .disableAutomaticRetries()
                    .disableCookieManagement()
                    .disableAuthCaching()
                    .disableContentCompression() // a gzip bomb would pass a byte cap counted before inflation; no proxy either: it would bypass the pin
                    .build();
            return new Client(http, pinned);
        });
    }

    private record Response(String redirect, byte[] body) {
    }

    private Response send(CloseableHttpClient client, Target target, HttpGet get, long deadline, FetchLimits limits) {
        AtomicBoolean expired = new AtomicBoolean();
        ScheduledFuture<?> watchdog = WATCHDOG.schedule(() -> {
            expired.set(true);
            get.cancel();
        }, Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        try (ClassicHttpResponse response = client.executeOpen(target.httpHost(), get, null)) {
            try {
                return read(response, target, limits);
            } catch (RuntimeException | IOException e) {
                get.cancel(); // drop the connection now: closing the response would otherwise drain the rest of a hostile body
                throw e;
            }
        } catch (IOException e) {
            if (expired.get()) {
                throw new HearthException("fetch.timeout", e, target.uri(), limits.total().toMillis());
            }
            if (e instanceof InterruptedIOException) {
                throw new HearthException("fetch.timeout", e, target.uri(), limits.read().toMillis());
            }
            throw new HearthException("fetch.failed", e, target.uri(), describe(e));
        } finally {
            watchdog.cancel(false);
        }
    }

    private static Response read(ClassicHttpResponse response, Target target, FetchLimits limits) throws IOException {
        int status = response.getCode();
        Header location = response.getFirstHeader("Location");
        if (status >= 300 && status < 400 && location != null) {
            return new Response(location.getValue(), null);
        }
        if (status != 200) {
            throw new HearthException("fetch.status", null, target.uri(), status);
        }
        HttpEntity entity = response.getEntity();
        if (entity == null) {
            return new Response(null, new byte[0]);
        }
        if (entity.getContentLength() > limits.maxBytes()) {
            throw new HearthException("fetch.tooLarge", null, target.uri(), limits.maxBytes());
        }
        InputStream in = entity.getContent();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        byte[] buf = new byte[1 << 16];
        for (int n; (n = in.read(buf)) >= 0; ) {
            if (out.size() + (long) n > limits.maxBytes()) {
                throw new HearthException("fetch.tooLarge", null, target.uri(), limits.maxBytes());
            }
            out.write(buf, 0, n);
        }
        return new Response(null, out.toByteArray());
    }

    /** Whether {@code uri} lies under a configured gateway base: same scheme, host, port and path prefix. */
    boolean isGateway(URI uri) {
        Target t;
        try {
            t = Target.of(uri);
        } catch (HearthException e) {
            return false;
        }
        for (URI g : gateways) {
            Target base = Target.of(g);
            String basePath = base.path().endsWith("/") ? base.path() : base.path() + "/";
            String path = t.path().endsWith("/") ? t.path() : t.path() + "/";
            if (base.scheme().equals(t.scheme()) && base.host().equals(t.host()) && base.port() == t.port()
                    && path.startsWith(basePath)) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** The client's DNS: answers only with addresses this fetch already checked, so a rebinding name cannot change them. */
    private record PinnedDns(Map<String, List<InetAddress>> pinned) implements DnsResolver {

        static String key(String host) {
            String h = host.toLowerCase(Locale.ROOT);
            return h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
        }

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            List<InetAddress> a = pinned.get(key(host));
            if (a == null) {
                throw new UnknownHostException(host + " was not checked");
            }
            return a.toArray(new InetAddress[0]);
        }

        @Override
        public String resolveCanonicalHostname(String host) {
            return host;
        }
    }

    /** Scheme, host, port and path of an http(s) URL, read from the raw authority when java.net.URI sees no host (e.g. {@code http://2130706433/}). */
    record Target(URI uri, String scheme, String host, int port, String path, String query) {

        static Target of(URI uri) {
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw new HearthException("fetch.scheme", null, uri);
            }
            String authority = uri.getRawAuthority();
            if (authority == null || authority.isEmpty()) {
                throw new HearthException("fetch.badUrl", null, uri);
            }
            if (authority.contains("@")) {
                throw new HearthException("fetch.badUrl", null, uri); // credentials in a URL, or a user@host disguise
            }
            String host = authority;
            int port = scheme.equals("https") ? 443 : 80;
            int colon = authority.lastIndexOf(':');
            if (colon >= 0 && colon > authority.lastIndexOf(']')) {
                host = authority.substring(0, colon);
                try {
                    port = Integer.parseInt(authority.substring(colon + 1));
                } catch (NumberFormatException e) {
                    throw new HearthException("fetch.badUrl", e, uri);
                }
                if (port < 1 || port > 65535) {
                    throw new HearthException("fetch.badUrl", null, uri);
                }
            }
            host = host.toLowerCase(Locale.ROOT);
            if (host.isEmpty() || host.contains("%")) {
                throw new HearthException("fetch.badUrl", null, uri);
            }
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            return new Target(uri, scheme, host, port, path, uri.getRawQuery());
        }

        String pathAndQuery() {
            return query == null ? path : path + "?" + query;
        }

        HttpHost httpHost() {
            String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
            return new HttpHost(scheme, bare, port);
        }
    }

    /** Several reasons joined for an error line (e.g. one per gateway tried). */
    public static String joinReasons(List<String> reasons) {
        return String.join("; ", new ArrayList<>(reasons));
    }
}
