package org.hearth.compute.blob;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Serves a {@link BlobStore} as the subset of the IPFS trustless gateway Hearth needs:
 * {@code GET|HEAD /ipfs/{cid}} returns the raw bytes as {@code application/vnd.ipld.raw}; 400 for a
 * malformed or unsupported id, 404 for an unknown one, 405 for other methods, nothing else (no listing).
 * A few worker threads bound the load a peer can put on us.
 */
public final class BlobServer implements AutoCloseable {

    public static final String RAW = "application/vnd.ipld.raw";
    private static final String PREFIX = "/ipfs/";
    private static final int THREADS = 4;

    private final HttpServer server;
    private final ExecutorService pool;
    private final BlobStore store;

    private BlobServer(HttpServer server, ExecutorService pool, BlobStore store) {
        this.server = server;
        this.pool = pool;
        this.store = store;
    }

    /** On 127.0.0.1, on a free port. */
    public static BlobServer startLoopback(BlobStore store) {
        return start(store, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    /** On a configured bind address (port 0: a free one). */
    public static BlobServer start(BlobStore store, InetSocketAddress bind) {
        try {
            HttpServer http = HttpServer.create(bind, 16);
            ExecutorService pool = Executors.newFixedThreadPool(THREADS, Thread.ofPlatform().daemon().name("blob-server-", 0).factory());
            BlobServer blobs = new BlobServer(http, pool, store);
            http.createContext("/", blobs::handle);
            http.setExecutor(pool);
            http.start();
            return blobs;
        } catch (IOException e) {
            throw new BlobException("cannot start the blob server on " + bind + ": " + e.getMessage(), e);
        }
    }

    /** The gateway base, e.g. {@code http://127.0.0.1:41234}: blobs are at {@code {base}/ipfs/{cid}}. */
    public URI base() {
        InetSocketAddress a = server.getAddress();
        String host = a.getAddress().getHostAddress();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort());
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String method = ex.getRequestMethod();
            boolean head = method.equals("HEAD");
            if (!head && !method.equals("GET")) {
                ex.getResponseHeaders().set("Allow", "GET, HEAD");
                text(ex, 405, "only GET and HEAD");
                return;
            }
            String path = ex.getRequestURI().getRawPath();
            if (!path.startsWith(PREFIX) || path.length() == PREFIX.length()) {
                text(ex, 404, "not found");
                return;
            }
            Cid cid;
            try {
                cid = Cid.parse(path.substring(PREFIX.length()));
            } catch (BlobException e) {
                text(ex, 400, e.getMessage());
                return;
            }
            Optional<byte[]> bytes;
            try {
                bytes = store.get(cid);
            } catch (BlobException e) {
                text(ex, 404, "not found");
                return;
            }
            if (bytes.isEmpty()) {
                text(ex, 404, "not found");
                return;
            }
            ex.getResponseHeaders().set("Content-Type", RAW);
            ex.getResponseHeaders().set("Cache-Control", "public, max-age=29030400, immutable");
            ex.getResponseHeaders().set("Etag", "\"" + cid + ".raw\"");
            ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
            if (head) {
                ex.getResponseHeaders().set("Content-Length", Long.toString(bytes.get().length));
                ex.sendResponseHeaders(200, -1);
                return;
            }
            ex.sendResponseHeaders(200, bytes.get().length == 0 ? -1 : bytes.get().length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes.get());
            }
        }
    }

    private static void text(HttpExchange ex, int status, String message) throws IOException {
        byte[] body = (message + "\n").getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        if (ex.getRequestMethod().equals("HEAD")) {
            ex.sendResponseHeaders(status, -1);
            return;
        }
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
