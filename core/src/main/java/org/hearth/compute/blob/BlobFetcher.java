package org.hearth.compute.blob;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Fetches a blob by id from gateway bases in order (the job's own URL first, then the configured IPFS
 * gateways), over HTTP/1.1 with a connect timeout, a deadline for the whole body, a size cap and at
 * most {@value #MAX_REDIRECTS} redirects (http and https only). Bytes are used only after they hash to
 * the id; a source that lies, stalls or sends too much is skipped with its reason, and when no source
 * gives good bytes the error lists every reason.
 *
 * <p>One class on purpose: the general fetcher for outside data (issue 12) can absorb it by replacing
 * {@link #download} (the transport) while {@link #fetch} keeps the id check.
 */
public final class BlobFetcher {

    public static final int MAX_REDIRECTS = 3;

    private final HttpClient http;
    private final Duration timeout;
    private final long maxBytes;

    public BlobFetcher(Duration timeout, long maxBytes) {
        this.timeout = timeout;
        this.maxBytes = maxBytes;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** The verified bytes of {@code cid} from the first base that has them. */
    public byte[] fetch(Cid cid, List<URI> bases) {
        List<String> reasons = new ArrayList<>();
        for (URI base : bases) {
            try {
                byte[] bytes = download(blobUri(base, cid));
                if (!cid.matches(bytes)) {
                    throw new BlobException("the bytes do not match the blob id (sha-256 " + Cid.of(bytes).digestHex() + ")");
                }
                return bytes;
            } catch (BlobException e) {
                reasons.add(base + ": " + e.getMessage());
            }
        }
        throw new BlobException("blob " + cid + " could not be fetched" + (reasons.isEmpty()
                ? ": no gateway configured" : ": " + String.join("; ", reasons)));
    }

    /** Fetches into the store unless it already holds the blob; returns the verified bytes. */
    public byte[] fetchInto(BlobStore store, Cid cid, List<URI> bases) {
        Optional<byte[]> local = Optional.empty();
        try {
            local = store.get(cid);
        } catch (BlobException e) {
            // A damaged local copy was removed; fetch a good one.
        }
        if (local.isPresent()) {
            return local.get();
        }
        byte[] bytes = fetch(cid, bases);
        store.put(bytes);
        return bytes;
    }

    static URI blobUri(URI base, Cid cid) {
        String s = base.toString();
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return URI.create(s + "/ipfs/" + cid);
    }

    /** The transport: GET with redirects, status check, size cap and a deadline over headers and body. */
    byte[] download(URI uri) {
        long deadline = System.nanoTime() + timeout.toNanos();
        URI current = uri;
        for (int hop = 0; ; hop++) {
            checkScheme(current);
            HttpRequest request = HttpRequest.newBuilder(current).timeout(timeout)
                    .header("Accept", BlobServer.RAW).GET().build();
            HttpResponse<InputStream> response;
            try {
                response = http.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream())
                        .get(remaining(deadline), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                throw new BlobException("no answer within " + timeout.toMillis() + " ms");
            } catch (ExecutionException e) {
                throw new BlobException("request failed: " + describe(e.getCause()), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BlobException("interrupted");
            }
            int status = response.statusCode();
            if (status >= 300 && status < 400 && response.headers().firstValue("Location").isPresent()) {
                close(response.body());
                if (hop >= MAX_REDIRECTS) {
                    throw new BlobException("more than " + MAX_REDIRECTS + " redirects");
                }
                current = current.resolve(response.headers().firstValue("Location").get());
                continue;
            }
            if (status != 200) {
                close(response.body());
                throw new BlobException("HTTP " + status);
            }
            long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            if (declared > maxBytes) {
                close(response.body());
                throw new BlobException("declares " + declared + " bytes, over the cap of " + maxBytes);
            }
            return readCapped(response.body(), deadline);
        }
    }

    /** Reads at most the cap, giving up at the deadline (a server that trickles bytes cannot hold us). */
    private byte[] readCapped(InputStream body, long deadline) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BlobException[] failure = new BlobException[1];
        Thread reader = Thread.ofVirtual().start(() -> {
            byte[] buf = new byte[1 << 16];
            try (body) {
                for (int r; (r = body.read(buf)) > 0; ) {
                    if (out.size() + (long) r > maxBytes) {
                        failure[0] = new BlobException("sent more than the cap of " + maxBytes + " bytes");
                        return;
                    }
                    out.write(buf, 0, r);
                }
            } catch (IOException e) {
                failure[0] = new BlobException("body failed: " + describe(e), e);
            }
        });
        try {
            if (!reader.join(Duration.ofNanos(remaining(deadline)))) {
                close(body);
                reader.interrupt();
                throw new BlobException("body not complete within " + timeout.toMillis() + " ms");
            }
        } catch (InterruptedException e) {
            close(body);
            Thread.currentThread().interrupt();
            throw new BlobException("interrupted");
        }
        if (failure[0] != null) {
            throw failure[0];
        }
        return out.toByteArray();
    }

    private static void checkScheme(URI uri) {
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https")) || uri.getHost() == null) {
            throw new BlobException("not an http(s) address: " + uri);
        }
    }

    private static long remaining(long deadline) {
        return Math.max(1, deadline - System.nanoTime());
    }

    private static void close(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // Nothing more to read from it either way.
        }
    }

    private static String describe(Throwable t) {
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
