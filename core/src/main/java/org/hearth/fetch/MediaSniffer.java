package org.hearth.fetch;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** The type of some bytes from their first bytes, never from what the sender declared. */
public final class MediaSniffer {

    public static final String PNG = "image/png";
    public static final String JPEG = "image/jpeg";
    public static final String GIF = "image/gif";
    public static final String WEBP = "image/webp";
    public static final String SVG = "image/svg+xml";
    public static final String JSON = "application/json";
    public static final String TEXT = "text/plain";
    public static final String BINARY = "application/octet-stream";

    private MediaSniffer() {
    }

    public static String sniff(byte[] b) {
        if (starts(b, 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a)) {
            return PNG;
        }
        if (starts(b, 0xff, 0xd8, 0xff)) {
            return JPEG;
        }
        if (starts(b, 'G', 'I', 'F', '8')) {
            return GIF;
        }
        if (b.length >= 12 && starts(b, 'R', 'I', 'F', 'F') && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P') {
            return WEBP;
        }
        String head = new String(b, 0, Math.min(b.length, 1024), StandardCharsets.UTF_8).replace("\uFEFF", "").stripLeading();
        if (head.startsWith("{") || head.startsWith("[")) {
            return JSON;
        }
        String lower = head.toLowerCase(Locale.ROOT);
        if (lower.startsWith("<svg") || (lower.startsWith("<?xml") || lower.startsWith("<!doctype svg") || lower.startsWith("<!--"))
                && lower.contains("<svg")) {
            return SVG;
        }
        for (byte x : b.length > 1024 ? java.util.Arrays.copyOf(b, 1024) : b) {
            if (x == 0) {
                return BINARY;
            }
        }
        return TEXT;
    }

    public static boolean isImage(String type) {
        return type.startsWith("image/");
    }

    private static boolean starts(byte[] b, int... magic) {
        if (b.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((b[i] & 0xff) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
