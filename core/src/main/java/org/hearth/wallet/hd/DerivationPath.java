package org.hearth.wallet.hd;

import java.util.Arrays;
import org.web3j.crypto.Bip32ECKeyPair;

/**
 * A BIP-32 path such as {@code m/44'/60'/0'/0/5}. Hardened segments may be written with ', h or H.
 * Indexes are 0..2^31-1 before hardening; at most {@value #MAX_DEPTH} levels.
 */
public final class DerivationPath {

    public static final int MAX_DEPTH = 10;
    public static final int HARDENED = Bip32ECKeyPair.HARDENED_BIT;
    public static final DerivationPath MASTER = new DerivationPath(new int[0]);
    private static final long HARDENED_LIMIT = 1L << 31;

    private final int[] segments;

    private DerivationPath(int[] segments) {
        this.segments = segments;
    }

    public static DerivationPath parse(String text) {
        if (text == null || text.isBlank()) {
            throw new DerivationPathException("The derivation path is empty; it looks like m/44'/60'/0'/0/0.");
        }
        String path = text.strip();
        if (!path.equals("m") && !path.startsWith("m/")) {
            throw new DerivationPathException("Derivation path \"" + path + "\" must start with \"m/\" (like m/44'/60'/0'/0/0).");
        }
        if (path.equals("m")) {
            return MASTER;
        }
        String[] parts = path.substring(2).split("/", -1);
        if (parts.length > MAX_DEPTH) {
            throw new DerivationPathException("Derivation path \"" + path + "\" has " + parts.length
                    + " levels; at most " + MAX_DEPTH + " are allowed.");
        }
        int[] segments = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            segments[i] = segment(path, i + 1, parts[i]);
        }
        return new DerivationPath(segments);
    }

    private static int segment(String path, int level, String part) {
        boolean hardened = part.endsWith("'") || part.endsWith("h") || part.endsWith("H");
        String digits = hardened ? part.substring(0, part.length() - 1) : part;
        if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new DerivationPathException("Level " + level + " of derivation path \"" + path + "\" is \"" + part
                    + "\": each level is a number, with ' for hardened (like 44').");
        }
        if (digits.length() > 10 || Long.parseLong(digits) >= HARDENED_LIMIT) {
            throw new DerivationPathException("Level " + level + " of derivation path \"" + path + "\" is " + digits
                    + ", which is too large: indexes go up to 2147483647 (2^31 - 1); write ' for a hardened index.");
        }
        int index = Integer.parseInt(digits);
        return hardened ? index | HARDENED : index;
    }

    /** The path one level deeper. */
    public DerivationPath child(int index, boolean hardened) {
        checkIndex(index);
        if (segments.length >= MAX_DEPTH) {
            throw new DerivationPathException("Derivation path \"" + this + "\" is already " + MAX_DEPTH + " levels deep.");
        }
        int[] next = Arrays.copyOf(segments, segments.length + 1);
        next[segments.length] = hardened ? index | HARDENED : index;
        return new DerivationPath(next);
    }

    static void checkIndex(long index) {
        if (index < 0 || index >= HARDENED_LIMIT) {
            throw new DerivationPathException("Index " + index + " is out of range: indexes go from 0 to 2147483647.");
        }
    }

    /** The path one level up; the master has none. */
    public DerivationPath parent() {
        if (segments.length == 0) {
            throw new IllegalStateException("The master key has no parent");
        }
        return new DerivationPath(Arrays.copyOf(segments, segments.length - 1));
    }

    /** The last segment, with {@link #HARDENED} set when hardened. */
    public int last() {
        return segments[segments.length - 1];
    }

    public int depth() {
        return segments.length;
    }

    /** The raw segments with {@link #HARDENED} set on hardened ones, as web3j's Bip32ECKeyPair wants them. */
    public int[] segments() {
        return segments.clone();
    }

    /** True when {@code prefix} is this path or one of its ancestors. */
    public boolean startsWith(DerivationPath prefix) {
        return prefix.segments.length <= segments.length
                && Arrays.equals(segments, 0, prefix.segments.length, prefix.segments, 0, prefix.segments.length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DerivationPath p && Arrays.equals(p.segments, segments);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(segments);
    }

    /** The canonical form: m, then each index with ' when hardened. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("m");
        for (int s : segments) {
            sb.append('/').append(s & ~HARDENED);
            if ((s & HARDENED) != 0) {
                sb.append('\'');
            }
        }
        return sb.toString();
    }
}
