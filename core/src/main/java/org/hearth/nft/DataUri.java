package org.hearth.nft;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import org.hearth.problem.HearthException;

/** A {@code data:} URI (RFC 2397): base64 or percent-encoded, with its declared media type (the bytes are still sniffed). */
public record DataUri(String declaredType, byte[] bytes) {

    public static boolean is(String uri) {
        return uri.regionMatches(true, 0, "data:", 0, 5);
    }

    /** Decodes {@code uri}, refusing anything whose decoded size would pass {@code maxBytes}. */
    public static DataUri parse(String uri, long maxBytes) {
        int comma = uri.indexOf(',');
        if (!is(uri) || comma < 0) {
            throw new HearthException("nft.dataUri", null, "no comma after the media type");
        }
        String meta = uri.substring(5, comma);
        String payload = uri.substring(comma + 1);
        boolean base64 = meta.toLowerCase(Locale.ROOT).endsWith(";base64");
        String type = (base64 ? meta.substring(0, meta.length() - 7) : meta).split(";", 2)[0].trim();
        if ((long) payload.length() * (base64 ? 3 : 1) / (base64 ? 4 : 1) > maxBytes) {
            throw new HearthException("nft.dataUri", null, "larger than the cap of " + maxBytes + " bytes");
        }
        try {
            byte[] bytes = base64
                    ? Base64.getMimeDecoder().decode(URLDecoder.decode(payload.replace("+", "%2B"), StandardCharsets.UTF_8).strip())
                    : URLDecoder.decode(payload.replace("+", "%2B"), StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8);
            return new DataUri(type.isEmpty() ? "text/plain" : type.toLowerCase(Locale.ROOT), bytes);
        } catch (IllegalArgumentException e) {
            throw new HearthException("nft.dataUri", e, base64 ? "broken base64" : "broken percent-encoding");
        }
    }
}
