package org.hearth.compute.blob;

/**
 * RFC 4648 base32, lower case, no padding: the multibase {@code b} alphabet that CIDv1 uses. Hand-written
 * (a dozen lines) because the Java CID libraries are published only on JitPack, not on Maven Central.
 */
final class Base32Lower {

    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

    private Base32Lower() {
    }

    static String encode(byte[] data) {
        StringBuilder out = new StringBuilder((data.length * 8 + 4) / 5);
        int buffer = 0, bits = 0;
        for (byte b : data) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(ALPHABET[(buffer >>> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(ALPHABET[(buffer << (5 - bits)) & 31]);
        }
        return out.toString();
    }

    /** Decodes; refuses characters outside the alphabet (upper case included) and non-zero trailing bits. */
    static byte[] decode(CharSequence text) {
        byte[] out = new byte[text.length() * 5 / 8];
        int buffer = 0, bits = 0, n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int v = c >= 'a' && c <= 'z' ? c - 'a' : c >= '2' && c <= '7' ? c - '2' + 26 : -1;
            if (v < 0) {
                throw new IllegalArgumentException("'" + c + "' at position " + i + " is not lower-case base32");
            }
            buffer = (buffer << 5) | v;
            bits += 5;
            if (bits >= 8) {
                out[n++] = (byte) (buffer >>> (bits - 8));
                bits -= 8;
            }
        }
        if ((buffer & ((1 << bits) - 1)) != 0) {
            throw new IllegalArgumentException("base32 text has non-zero trailing bits");
        }
        return out;
    }
}
