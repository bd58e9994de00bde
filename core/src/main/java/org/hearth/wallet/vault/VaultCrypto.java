package org.hearth.wallet.vault;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/** Argon2id key derivation (Bouncy Castle) and AES-256-GCM (JDK) for the vault. */
final class VaultCrypto {

    static final int SALT_BYTES = 16;
    static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private VaultCrypto() {
    }

    static byte[] random(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /** Runs Argon2id; refuses parameters this JVM could not afford instead of dying of OutOfMemoryError. */
    static VaultKey derive(char[] password, PasswordForm form, VaultParams params, byte[] salt) {
        long needed = params.memoryKiB() * 1024L;
        long available = Runtime.getRuntime().maxMemory();
        if (needed > available / 2) {
            throw new VaultException("vault.notEnoughMemory", new Object[] {needed / (1024 * 1024), available / (1024 * 1024)}, null);
        }
        byte[] passwordBytes = form.utf8(password);
        Argon2Parameters argon = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withSalt(salt)
                .withMemoryAsKB(params.memoryKiB())
                .withIterations(params.iterations())
                .withParallelism(params.parallelism())
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(argon);
        byte[] out = new byte[64];
        try {
            generator.generateBytes(passwordBytes, out);
        } finally {
            SecretBytes.wipe(passwordBytes);
            argon.clear();
        }
        return new VaultKey(out);
    }

    static byte[] encrypt(VaultKey key, byte[] nonce, byte[] aad, byte[] plain) {
        try {
            return cipher(Cipher.ENCRYPT_MODE, key, nonce, aad).doFinal(plain);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed to encrypt", e);
        }
    }

    /** Decrypts; a failed tag means the file was altered after it was written. */
    static byte[] decrypt(VaultKey key, byte[] nonce, byte[] aad, byte[] ciphertext) {
        try {
            return cipher(Cipher.DECRYPT_MODE, key, nonce, aad).doFinal(ciphertext);
        } catch (AEADBadTagException e) {
            throw new VaultDamagedException(VaultDamagedException.Part.SECRETS,
                    "they fail authentication although the password is right (the file was altered)");
        } catch (GeneralSecurityException e) {
            throw new VaultDamagedException(VaultDamagedException.Part.SECRETS, "they cannot be decrypted", e);
        }
    }

    private static Cipher cipher(int mode, VaultKey key, byte[] nonce, byte[] aad) throws GeneralSecurityException {
        byte[] raw = key.encryptionKey();
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, new SecretKeySpec(raw, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad);
            return cipher;
        } finally {
            SecretBytes.wipe(raw);
        }
    }
}
