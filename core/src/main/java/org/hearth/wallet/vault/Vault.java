package org.hearth.wallet.vault;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The encrypted vault file ({@code vault.hearth} in the data dir; format in {@link VaultFile}).
 * Without the password it lists the public section (accounts, labels, watch-only addresses);
 * with it, {@link #unlock} returns an {@link UnlockedVault} holding the secrets in memory.
 * If the file is missing or damaged while a good {@code vault.hearth.bak} (left by an interrupted
 * save) exists, the backup is restored, the damaged file kept aside, and {@link #recoveryNote()} says so.
 * New vaults and password changes hash the NFKC form of the password (see {@link PasswordForm}); vaults
 * written before that keep opening with the password exactly as typed.
 */
public final class Vault {

    public static final String FILE_NAME = "vault.hearth";

    private final Path file;
    private final VaultParams params;
    private final Sleeper sleeper;
    private final PasswordThrottle throttle;
    private volatile String recoveryNote;

    private Vault(Path file, VaultParams params, Sleeper sleeper, InstantSource clock) {
        this.file = Objects.requireNonNull(file, "file");
        this.params = Objects.requireNonNull(params, "params");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.throttle = new PasswordThrottle(file, Objects.requireNonNull(clock, "clock"));
    }

    /** The vault in a data dir, with default Argon2id parameters and real waiting after wrong passwords. */
    public static Vault inDataDir(Path dataDir) {
        return at(dataDir.resolve(FILE_NAME), VaultParams.DEFAULT, Sleeper.real());
    }

    /**
     * A vault at {@code file}. {@code params} are used when writing with a new password (create,
     * change password); reading always uses the parameters stored in the file.
     */
    public static Vault at(Path file, VaultParams params, Sleeper sleeper) {
        return at(file, params, sleeper, InstantSource.system());
    }

    /** As {@link #at(Path, VaultParams, Sleeper)}, with the clock that times the wrong-password delay. */
    public static Vault at(Path file, VaultParams params, Sleeper sleeper, InstantSource clock) {
        return new Vault(file, params, sleeper, clock);
    }

    public Path file() {
        return file;
    }

    /** True when a vault file (or a backup of one) exists. */
    public boolean exists() {
        return Files.exists(file) || Files.exists(AtomicVaultWriter.backup(file));
    }

    /** Creates a new vault; refuses to overwrite an existing one. The password array is not kept. */
    public UnlockedVault create(char[] password, List<VaultSecret> secrets, PublicData publicData) {
        requirePassword(password);
        if (exists()) {
            throw new VaultException("vault.exists", new Object[] {file}, null);
        }
        byte[] salt = VaultCrypto.random(VaultCrypto.SALT_BYTES);
        VaultKey key = VaultCrypto.derive(password, PasswordForm.NFKC, params, salt);
        UnlockedVault unlocked = new UnlockedVault(this, key, params, PasswordForm.NFKC, salt, secrets, publicData, null);
        unlocked.save();
        return unlocked;
    }

    /** The public section without the password (checked against its checksum only; unlocking authenticates it). */
    public PublicData readPublic() {
        return PublicDataCodec.decode(load().publicJson());
    }

    /**
     * Opens the vault. Waits first if earlier attempts failed (see {@link PasswordThrottle}).
     *
     * @throws WrongPasswordException the password is wrong
     * @throws VaultDamagedException  the file is damaged (the exception names the part)
     */
    public UnlockedVault unlock(char[] password) {
        requirePassword(password);
        throttle.await(sleeper);
        VaultFile.Parsed parsed = load();
        VaultKey key = checkedKey(password, parsed);
        byte[] plain = null;
        try {
            PublicData publicData = PublicDataCodec.decode(parsed.publicJson());
            plain = VaultCrypto.decrypt(key, parsed.nonce(), parsed.aad(), parsed.ciphertext());
            List<VaultSecret> secrets = decodeSecrets(plain);
            UnlockedVault unlocked = new UnlockedVault(this, key, parsed.params(), parsed.passwordForm(), parsed.salt(), secrets,
                    publicData, parsed.fileSha());
            secrets.forEach(VaultSecret::wipe);
            if (recoveryNote == null) {
                deleteStaleBackup();
            }
            return unlocked;
        } catch (RuntimeException e) {
            key.close();
            throw e;
        } finally {
            SecretBytes.wipe(plain);
        }
    }

    /**
     * How long the next {@link #unlock} will wait because of wrong passwords before it (also those
     * entered before a restart); zero when none is owed. For telling the user.
     */
    public Duration delayBeforeNextAttempt() {
        return throttle.delayBeforeNextAttempt();
    }

    /** What was recovered on the last read, if the backup had to replace a missing or damaged file. */
    public Optional<String> recoveryNote() {
        return Optional.ofNullable(recoveryNote);
    }

    VaultParams params() {
        return params;
    }

    /** Derives the key for {@code password} and checks it against the file; counts failures. */
    VaultKey checkedKey(char[] password, VaultFile.Parsed parsed) {
        VaultKey key = VaultCrypto.derive(password, parsed.passwordForm(), parsed.params(), parsed.salt());
        if (!key.matches(parsed.passwordCheck())) {
            key.close();
            throw wrongPassword();
        }
        throttle.succeeded();
        return key;
    }

    WrongPasswordException wrongPassword() {
        return new WrongPasswordException(throttle.failed());
    }

    void awaitThrottle() {
        throttle.await(sleeper);
    }

    static List<VaultSecret> decodeSecrets(byte[] plain) {
        try {
            return SecretsCodec.decode(plain);
        } catch (IllegalArgumentException e) {
            throw new VaultDamagedException(VaultDamagedException.Part.SECRETS, e.getMessage());
        }
    }

    /** Reads and parses the vault file, falling back to a good backup when it is missing or damaged. */
    VaultFile.Parsed load() {
        try {
            VaultFile.Parsed parsed = VaultFile.parse(AtomicVaultWriter.readBounded(file));
            recoveryNote = null;
            return parsed;
        } catch (NoSuchFileException e) {
            return fromBackup(null).orElseThrow(() -> new VaultException("vault.missing", new Object[] {file}, null));
        } catch (VaultDamagedException e) {
            return fromBackup(e).orElseThrow(() -> e);
        } catch (IOException e) {
            throw new VaultException("vault.cannotRead", new Object[] {file, e.getMessage()}, e);
        }
    }

    private Optional<VaultFile.Parsed> fromBackup(VaultDamagedException damage) {
        Path backup = AtomicVaultWriter.backup(file);
        byte[] bytes;
        VaultFile.Parsed parsed;
        try {
            bytes = AtomicVaultWriter.readBounded(backup);
            parsed = VaultFile.parse(bytes);
        } catch (IOException | VaultException e) {
            return Optional.empty();
        }
        try {
            Path aside = AtomicVaultWriter.restore(file, bytes);
            recoveryNote = (damage == null ? "The vault file was missing" : damage.getMessage())
                    + ". Hearth restored the previous version from " + backup.getFileName()
                    + (aside == null ? "" : "; the damaged file was kept as " + aside.getFileName())
                    + ". If a password change was interrupted, the previous password opens it.";
        } catch (IOException e) {
            recoveryNote = "The vault file is missing or damaged; Hearth is using the backup " + backup
                    + " but could not restore it in place: " + e.getMessage();
        }
        return Optional.of(parsed);
    }

    /** A backup left by an interrupted save still opens with an old password; drop it once the vault opens. */
    private void deleteStaleBackup() {
        try {
            Files.deleteIfExists(AtomicVaultWriter.backup(file));
        } catch (IOException e) {
            // Harmless: the next save deletes it again.
        }
    }

    static void requirePassword(char[] password) {
        if (password == null || password.length == 0) {
            throw new IllegalArgumentException("A password is required");
        }
    }
}
