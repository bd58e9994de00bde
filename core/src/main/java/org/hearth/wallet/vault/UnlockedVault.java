package org.hearth.wallet.vault;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/**
 * An open vault: the secrets and the derived key in memory until {@link #lock()}. Every change is
 * written to disk at once through {@link AtomicVaultWriter}, re-encrypted with a fresh nonce.
 * Locking wipes the key and the secret arrays (as far as Java allows: the garbage collector may
 * have copied them before). After locking every method but {@link #isLocked()} throws
 * {@link VaultLockedException}. Thread-safe.
 */
public final class UnlockedVault implements AutoCloseable {

    private final Vault vault;
    private final List<Runnable> lockListeners = new CopyOnWriteArrayList<>();
    private VaultKey key;
    private VaultParams params;
    /** How the password that made {@link #key} was turned into bytes; RAW only for vaults from before NFKC. */
    private PasswordForm passwordForm;
    private byte[] salt;
    private final List<VaultSecret> secrets = new ArrayList<>();
    private PublicData publicData;
    /** SHA-256 of the file as last read or written, to notice a save by another process. */
    private byte[] fileSha;

    UnlockedVault(Vault vault, VaultKey key, VaultParams params, PasswordForm passwordForm, byte[] salt, List<VaultSecret> secrets,
                  PublicData publicData, byte[] fileSha) {
        this.vault = vault;
        this.fileSha = fileSha;
        this.key = key;
        this.params = params;
        this.passwordForm = passwordForm;
        this.salt = salt.clone();
        secrets.forEach(s -> this.secrets.add(s.copy()));
        this.publicData = publicData;
        requireUniqueIds(this.secrets);
    }

    public synchronized PublicData publicData() {
        requireOpen();
        return publicData;
    }

    /** Copies of every secret; wipe them when done. */
    public synchronized List<VaultSecret> secrets() {
        requireOpen();
        return secrets.stream().map(VaultSecret::copy).toList();
    }

    /** A copy of one secret; wipe it when done. */
    public synchronized Optional<VaultSecret> secret(String id) {
        requireOpen();
        return secrets.stream().filter(s -> s.id().equals(id)).findFirst().map(VaultSecret::copy);
    }

    /** Adds a secret (and optionally the accounts that come from it) in one write. */
    public synchronized void addSecret(VaultSecret secret, List<VaultAccount> accounts) {
        requireOpen();
        if (secrets.stream().anyMatch(s -> s.id().equals(secret.id()))) {
            throw new IllegalArgumentException("The vault already holds a secret with id " + secret.id());
        }
        PublicData newPublic = publicData;
        for (VaultAccount account : accounts) {
            newPublic = newPublic.withAccount(account);
        }
        VaultSecret copy = secret.copy();
        secrets.add(copy);
        PublicData oldPublic = publicData;
        publicData = newPublic;
        try {
            save();
        } catch (RuntimeException e) {
            secrets.remove(copy);
            copy.wipe();
            publicData = oldPublic;
            throw e;
        }
    }

    /** Removes a secret and every account that comes from it. */
    public synchronized void removeSecret(String id) {
        requireOpen();
        VaultSecret removed = secrets.stream().filter(s -> s.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("The vault holds no secret with id " + id));
        int at = secrets.indexOf(removed);
        PublicData oldPublic = publicData;
        secrets.remove(at);
        publicData = publicData.withoutSource(id);
        try {
            save();
            removed.wipe();
        } catch (RuntimeException e) {
            secrets.add(at, removed);
            publicData = oldPublic;
            throw e;
        }
    }

    /** Changes the public section (add, rename, hide accounts; watch-only addresses) and saves it. */
    public synchronized PublicData updatePublic(UnaryOperator<PublicData> change) {
        requireOpen();
        PublicData old = publicData;
        publicData = change.apply(old);
        try {
            save();
        } catch (RuntimeException e) {
            publicData = old;
            throw e;
        }
        return publicData;
    }

    /**
     * Re-encrypts the vault under a new password (with a new salt and the vault's configured
     * parameters). The current password is asked again, as wallets do before sensitive actions.
     * The current one is checked in the form the file records; the new one is always NFKC-normalised,
     * so this is also how a vault from before normalisation moves to it.
     */
    public synchronized void changePassword(char[] current, char[] next) {
        requireOpen();
        Vault.requirePassword(current);
        Vault.requirePassword(next);
        vault.awaitThrottle();
        try (VaultKey check = VaultCrypto.derive(current, passwordForm, params, salt)) {
            // constant-time, so the time taken says nothing about how much of the check matched
            if (!MessageDigest.isEqual(check.passwordCheck(), key.passwordCheck())) {
                throw vault.wrongPassword();
            }
        }
        VaultKey oldKey = key;
        VaultParams oldParams = params;
        PasswordForm oldForm = passwordForm;
        byte[] oldSalt = salt;
        salt = VaultCrypto.random(VaultCrypto.SALT_BYTES);
        params = vault.params();
        passwordForm = PasswordForm.NFKC;
        key = VaultCrypto.derive(next, passwordForm, params, salt);
        try {
            save();
            oldKey.close();
        } catch (RuntimeException e) {
            key.close();
            key = oldKey;
            params = oldParams;
            passwordForm = oldForm;
            salt = oldSalt;
            throw e;
        }
    }

    /** Called on the locking thread after the vault locks (user action or auto-lock). */
    public void addLockListener(Runnable listener) {
        lockListeners.add(listener);
    }

    /** Wipes the key and secrets from memory; idempotent. */
    public void lock() {
        synchronized (this) {
            if (key == null) {
                return;
            }
            key.close();
            key = null;
            secrets.forEach(VaultSecret::wipe);
            secrets.clear();
            SecretBytes.wipe(salt);
        }
        lockListeners.forEach(Runnable::run);
    }

    public synchronized boolean isLocked() {
        return key == null;
    }

    @Override
    public void close() {
        lock();
    }

    /** Encrypts the current state and replaces the file atomically, verifying what reached the disk. */
    synchronized void save() {
        byte[] plain = SecretsCodec.encode(secrets);
        byte[] publicJson = PublicDataCodec.encode(publicData);
        byte[] nonce = VaultCrypto.random(VaultCrypto.NONCE_BYTES);
        byte[] check = key.passwordCheck();
        try {
            byte[] bytes = VaultFile.encode(params.memoryKiB(), params.iterations(), params.parallelism(), passwordForm, salt, nonce,
                    check, publicJson, aad -> VaultCrypto.encrypt(key, nonce, aad, plain));
            AtomicVaultWriter.replace(vault.file(), fileSha, bytes, written -> verify(written, plain, publicJson));
            fileSha = VaultFile.sha(bytes, 0, bytes.length);
        } finally {
            SecretBytes.wipe(plain);
        }
    }

    /** What reached the disk must open with this key and hold exactly what was meant to be saved. */
    private void verify(byte[] written, byte[] plain, byte[] publicJson) {
        VaultFile.Parsed parsed = VaultFile.parse(written);
        if (!key.matches(parsed.passwordCheck()) || parsed.passwordForm() != passwordForm
                || !Arrays.equals(parsed.publicJson(), publicJson)) {
            throw new VaultDamagedException(VaultDamagedException.Part.FILE, "what was read back differs from what was written");
        }
        byte[] decrypted = VaultCrypto.decrypt(key, parsed.nonce(), parsed.aad(), parsed.ciphertext());
        try {
            if (!Arrays.equals(decrypted, plain)) {
                throw new VaultDamagedException(VaultDamagedException.Part.SECRETS, "what was read back differs from what was written");
            }
        } finally {
            SecretBytes.wipe(decrypted);
        }
    }

    private void requireOpen() {
        if (key == null) {
            throw new VaultLockedException();
        }
    }

    private static void requireUniqueIds(List<VaultSecret> secrets) {
        if (secrets.stream().map(VaultSecret::id).distinct().count() != secrets.size()) {
            throw new IllegalArgumentException("Two secrets share an id");
        }
    }
}
