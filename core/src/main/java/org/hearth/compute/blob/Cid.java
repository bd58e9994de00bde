package org.hearth.compute.blob;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A blob id: CIDv1, raw codec (0x55), sha2-256 multihash, multibase base32 lower case ({@code b}), so
 * always {@code bafkrei} + 52 characters. The 32-byte sha-256 {@link #digest()} is what goes on chain.
 * Parsing is strict: any other version, codec, hash or base is refused with a message naming it,
 * because a blob id we cannot re-hash ourselves is one we cannot trust.
 */
public final class Cid {

    /** version 1, codec raw (0x55), multihash sha2-256 (0x12), digest length 32. */
    private static final byte[] PREFIX = {0x01, 0x55, 0x12, 0x20};
    public static final int TEXT_LENGTH = 59;

    private final byte[] digest;
    private final String text;

    private Cid(byte[] digest) {
        this.digest = digest;
        byte[] bytes = Arrays.copyOf(PREFIX, PREFIX.length + 32);
        System.arraycopy(digest, 0, bytes, PREFIX.length, 32);
        this.text = "b" + Base32Lower.encode(bytes);
    }

    /** The id of these bytes. */
    public static Cid of(byte[] content) {
        return new Cid(sha256().digest(content));
    }

    /** The id whose sha-256 is this 32-byte digest (as read from chain). */
    public static Cid fromDigest(byte[] sha256) {
        if (sha256 == null || sha256.length != 32) {
            throw new BlobException("a blob digest is 32 bytes, got " + (sha256 == null ? "none" : sha256.length));
        }
        return new Cid(sha256.clone());
    }

    /** Parses a {@code bafkrei...} id; refuses anything else with a message that says what it is. */
    public static Cid parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new BlobException("empty blob id");
        }
        String shown = text.length() > 80 ? text.substring(0, 80) + "..." : text;
        if (text.startsWith("Qm") && text.length() == 46) {
            throw new BlobException("blob id " + shown + " is a CIDv0 (dag-pb); Hearth uses CIDv1 raw sha2-256 ids (bafkrei...)");
        }
        char base = text.charAt(0);
        if (base != 'b') {
            throw new BlobException("blob id " + shown + " is not in base32 lower case (multibase prefix '" + base
                    + "', expected 'b')");
        }
        byte[] bytes;
        try {
            bytes = Base32Lower.decode(text.subSequence(1, text.length()));
        } catch (IllegalArgumentException e) {
            throw new BlobException("blob id " + shown + " is malformed: " + e.getMessage());
        }
        if (bytes.length < 4) {
            throw new BlobException("blob id " + shown + " is too short");
        }
        if (bytes[0] != 0x01) {
            throw new BlobException("blob id " + shown + " is not a CIDv1 (version byte " + (bytes[0] & 0xff) + ")");
        }
        if (bytes[1] != 0x55) {
            throw new BlobException("blob id " + shown + " has codec 0x" + Integer.toHexString(bytes[1] & 0xff)
                    + "; only raw (0x55) blobs are accepted");
        }
        if (bytes[2] != 0x12 || bytes[3] != 0x20) {
            throw new BlobException("blob id " + shown + " does not use a sha2-256 multihash (0x12, 32 bytes)");
        }
        if (bytes.length != 36 || text.length() != TEXT_LENGTH) {
            throw new BlobException("blob id " + shown + " has the wrong length for a sha2-256 CID");
        }
        return new Cid(Arrays.copyOfRange(bytes, 4, 36));
    }

    /** True when these bytes hash to this id. */
    public boolean matches(byte[] content) {
        return MessageDigest.isEqual(digest, sha256().digest(content));
    }

    public byte[] digest() {
        return digest.clone();
    }

    /** The digest as 0x-prefixed hex (a bytes32 for the chain). */
    public String digestHex() {
        return "0x" + HexFormat.of().formatHex(digest);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }

    /** Wraps a digest computed elsewhere (streaming writes). */
    static Cid ofDigest(MessageDigest done) {
        return new Cid(done.digest());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cid other && Arrays.equals(digest, other.digest);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(digest);
    }

    @Override
    public String toString() {
        return text;
    }
}
