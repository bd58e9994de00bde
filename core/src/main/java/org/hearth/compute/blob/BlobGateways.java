package org.hearth.compute.blob;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;

/**
 * The IPFS gateways a user configured (setting {@value #SETTING}: bases separated by spaces, commas or
 * new lines, e.g. {@code https://ipfs.io http://127.0.0.1:8080}), tried in order after a job's own URL.
 * None by default: Hearth reaches outside only where the user asked it to.
 */
public final class BlobGateways {

    public static final String SETTING = "blobs.gateways";
    private static final int MAX_GATEWAYS = 16;

    private BlobGateways() {
    }

    public static List<URI> parse(String text) {
        List<URI> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        for (String part : text.trim().split("[\\s,]+")) {
            if (part.isEmpty()) {
                continue;
            }
            out.add(base(part));
            if (out.size() > MAX_GATEWAYS) {
                throw new BlobException("more than " + MAX_GATEWAYS + " gateways configured");
            }
        }
        return out;
    }

    /** One http(s) gateway base, without query or fragment. */
    public static URI base(String text) {
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme();
            if (scheme == null || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
                    || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
                throw new BlobException("gateway " + text + " is not an http(s) base URL like https://ipfs.io");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new BlobException("gateway " + text + " is not a URL: " + e.getReason());
        }
    }
}
