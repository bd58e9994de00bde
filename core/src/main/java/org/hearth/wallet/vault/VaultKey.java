package org.hearth.wallet.vault;

import java.security.MessageDigest;
import java.util.Arrays;

/**
 * The 64 bytes Argon2id derives from the password: the first 32 are the AES-256-GCM key, the last
 * 32 only feed the password check stored in the header. The check lets the vault tell a wrong
 * password from a damaged file; it is no shortcut for guessing, since each guess still costs a
 * full Argon2id run.
 */
final class VaultKey implements AutoCloseable {

    private static final byte[] CHECK_DOMAIN = "hearth-vault-password-check-v1".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final byte[] material;

    VaultKey(byte[] material) {
        if (material.length != 64) {
            throw new IllegalArgumentException("key material must be 64 bytes");
        }
        this.material = material;
    }

    byte[] encryptionKey() {
        return Arrays.copyOfRange(material, 0, 32);
    }

    /** SHA-256(domain || second half): what the header stores. */
    byte[] passwordCheck() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(CHECK_DOMAIN);
            sha.update(material, 32, 32);
            return sha.digest();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    boolean matches(byte[] storedCheck) {
        return MessageDigest.isEqual(passwordCheck(), storedCheck);
    }

    @Override
    public void close() {
        Arrays.fill(material, (byte) 0);
    }
}
