package org.hearth.compute.blob;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hearth.fetch.FetchLimits;
import org.hearth.fetch.SafeFetcher;
import org.hearth.problem.HearthException;

/**
 * Fetches a blob by id from gateway bases in order (the job's own URL first, then the configured IPFS
 * gateways), over HTTP/1.1 with a connect timeout, a deadline for the whole body, a size cap and at
 * most {@value #MAX_REDIRECTS} redirects (http and https only). Bytes are used only after they hash to
 * the id; a source that lies, stalls or sends too much is skipped with its reason, and when no source
 * gives good bytes the error lists every reason.
 *
 * <p>The transport is the one safe fetcher ({@link SafeFetcher}); this class keeps the id check and the gateway order.
 */
public final class BlobFetcher {

    public static final int MAX_REDIRECTS = SafeFetcher.MAX_REDIRECTS;

    private final Duration timeout;
    private final long maxBytes;

    public BlobFetcher(Duration timeout, long maxBytes) {
        this.timeout = timeout;
        this.maxBytes = maxBytes;
    }

    /** The verified bytes of {@code cid} from the first base that has them. */
    public byte[] fetch(Cid cid, List<URI> bases) {
        List<String> reasons = new ArrayList<>();
        for (URI base : bases) {
            try {
                byte[] bytes = download(blobUri(base, cid), bases);
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

    /**
     * The transport: the one safe fetcher, with the configured sources as its gateways (they may be
     * local), this fetcher's cap, and its timeout for the connection, any silence and the whole body.
     */
    byte[] download(URI uri, List<URI> bases) {
        try (SafeFetcher fetcher = new SafeFetcher(bases)) {
            return fetcher.fetch(uri, new FetchLimits(maxBytes, timeout, timeout, timeout)).bytes();
        } catch (HearthException e) {
            throw new BlobException(e.getMessage(), e);
        }
    }

}
