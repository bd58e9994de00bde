package org.hearth.nft;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.hearth.fetch.FetchLimits;
import org.hearth.fetch.FetchResult;
import org.hearth.fetch.MediaSniffer;
import org.hearth.fetch.SafeFetcher;
import org.hearth.problem.HearthException;

/**
 * Gets the bytes behind a token's URI in any of its forms: {@code data:}, {@code ipfs://CID/path} and
 * {@code ipfs://ipfs/CID/path}, {@code ar://TX/path} (through the gateways, in order), {@code http(s)://}
 * (through the safe fetcher, whose gateway list is these same gateways).
 */
public final class NftContent {

    /** The bytes, their sniffed type, and each URL tried with what went wrong there (empty reason: it answered). */
    public record Fetched(String uri, List<String> tried, byte[] bytes, String mediaType) {
    }

    private final SafeFetcher fetcher;
    private final NftGateways gateways;
    private final NftCache cache;

    public NftContent(NftGateways gateways) {
        this(new SafeFetcher(gateways.all()), gateways, null);
    }

    /** {@code cache} may be null (no caching). */
    public NftContent(NftGateways gateways, NftCache cache) {
        this(new SafeFetcher(gateways.all()), gateways, cache);
    }

    public NftContent(SafeFetcher fetcher, NftGateways gateways, NftCache cache) {
        this.fetcher = fetcher;
        this.gateways = gateways;
        this.cache = cache;
    }

    /** The bytes behind {@code uri}: from the cache when it holds them (the type was sniffed when stored), else fetched and cached. */
    public Fetched get(String uri, FetchLimits limits) {
        String u = uri == null ? "" : uri.strip();
        if (cache == null || u.isEmpty() || DataUri.is(u)) {
            return fetch(u, limits);
        }
        Optional<Fetched> cached = cache.get(u);
        if (cached.isPresent() && cached.get().bytes().length <= limits.maxBytes()) {
            return cached.get();
        }
        Fetched f = fetch(u, limits);
        cache.put(f);
        return f;
    }

    /** The refresh action: forget what is cached for {@code uri}. */
    public void refresh(String uri) {
        if (cache != null && uri != null) {
            cache.forget(uri.strip());
        }
    }

    private Fetched fetch(String uri, FetchLimits limits) {
        String u = uri == null ? "" : uri.strip();
        if (u.isEmpty()) {
            throw new HearthException("nft.noUri", null);
        }
        if (DataUri.is(u)) {
            DataUri data = DataUri.parse(u, limits.maxBytes());
            return new Fetched(u, List.of("data: (" + data.declaredType() + ")"), data.bytes(), MediaSniffer.sniff(data.bytes()));
        }
        String lower = u.toLowerCase(Locale.ROOT);
        if (lower.startsWith("ipfs://")) {
            String rest = u.substring(7);
            if (rest.regionMatches(true, 0, "ipfs/", 0, 5)) {
                rest = rest.substring(5);
            }
            return viaGateways(u, gateways.ipfs(), "/ipfs/" + checkedPath(u, rest), limits);
        }
        if (lower.startsWith("ar://")) {
            return viaGateways(u, gateways.arweave(), "/" + checkedPath(u, u.substring(5)), limits);
        }
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            FetchResult r = fetcher.fetch(parse(u), limits);
            return new Fetched(u, List.of(r.answered().toString()), r.bytes(), r.mediaType());
        }
        throw new HearthException("nft.uriScheme", null, shorten(u));
    }

    private Fetched viaGateways(String uri, List<URI> bases, String path, FetchLimits limits) {
        List<String> tried = new ArrayList<>();
        for (URI base : bases) {
            String b = base.toString().replaceAll("/+$", "");
            URI target = parse(b + path);
            try {
                FetchResult r = fetcher.fetch(target, limits);
                tried.add(target.toString());
                return new Fetched(uri, List.copyOf(tried), r.bytes(), r.mediaType());
            } catch (HearthException e) {
                tried.add(target + ": " + e.getMessage());
            }
        }
        throw new HearthException("nft.unreachable", null, uri, tried.isEmpty() ? "no gateway configured" : String.join("; ", tried));
    }

    /** A CID or transaction id and path: no dot segments, no query tricks, no authority change. */
    private static String checkedPath(String uri, String rest) {
        String[] parts = rest.split("[?#]", 2)[0].split("/");
        if (parts.length == 0 || !parts[0].matches("[A-Za-z0-9_-]{1,128}")) {
            throw new HearthException("nft.badContentId", null, shorten(uri));
        }
        for (String p : parts) {
            if (p.equals("..") || p.equals(".") || p.contains("\\") || p.contains("@")) {
                throw new HearthException("nft.badContentId", null, shorten(uri));
            }
        }
        return String.join("/", parts);
    }

    private static URI parse(String u) {
        try {
            return new URI(u);
        } catch (java.net.URISyntaxException e) {
            throw new HearthException("fetch.badUrl", e, shorten(u));
        }
    }

    static String shorten(String s) {
        return s.length() <= 120 ? s : s.substring(0, 117) + "...";
    }
}
