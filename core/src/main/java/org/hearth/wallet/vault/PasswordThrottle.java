package org.hearth.wallet.vault;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.ConcurrentHashMap;
import org.hearth.wallet.vault.AttemptsFile.Attempts;

/**
 * Makes each attempt after a wrong password wait longer: 0 s, then 1, 2, 4, 8, 16 s, capped at 30 s.
 * A right password resets it. The count lives in {@link AttemptsFile} beside the vault, read at every
 * attempt, so new {@link Vault} objects, other processes and restarts all see it; time passes while the
 * app is closed, so only the rest of the delay is owed after a restart.
 */
final class PasswordThrottle {

    static final Duration MAX_DELAY = Attempts.MAX_DELAY;

    /** Records this process could not write (full disk): kept here so the delay still grows until exit. */
    private static final ConcurrentHashMap<Path, Attempts> UNSAVED = new ConcurrentHashMap<>();

    private final Path vaultFile;
    private final Path attemptsFile;
    private final Path key;
    private final InstantSource clock;

    PasswordThrottle(Path vaultFile, InstantSource clock) {
        this.vaultFile = vaultFile;
        this.attemptsFile = AttemptsFile.beside(vaultFile);
        this.key = attemptsFile.toAbsolutePath().normalize();
        this.clock = clock;
    }

    /** What is left of the delay now; zero when the last attempt was right or long enough ago. */
    Duration delayBeforeNextAttempt() {
        return current().owedAt(clock.instant());
    }

    /** Counts a wrong password; returns the delay the next attempt will wait. */
    Duration failed() {
        Attempts[] next = {null};
        try {
            AtomicVaultWriter.locked(vaultFile, () -> {
                next[0] = current().failedAgainAt(clock.instant());
                AtomicVaultWriter.writeSideFile(attemptsFile, AttemptsFile.encode(next[0]));
            });
            UNSAVED.remove(key);
        } catch (IOException | RuntimeException e) {
            // The delay must not depend on the disk: keep counting in memory (the error says nothing secret).
            if (next[0] == null) {
                next[0] = current().failedAgainAt(clock.instant());
            }
            UNSAVED.put(key, next[0]);
        }
        return next[0].delay();
    }

    /** A right password: no delay from now on. */
    void succeeded() {
        UNSAVED.remove(key);
        if (!Files.exists(attemptsFile)) {
            return;
        }
        try {
            AtomicVaultWriter.locked(vaultFile, () -> Files.deleteIfExists(attemptsFile));
        } catch (IOException | RuntimeException e) {
            // Left behind, it only costs one bounded wait at the next attempt; the next outcome replaces it.
        }
    }

    /** Waits as long as the failures so far require. */
    void await(Sleeper sleeper) {
        try {
            sleeper.sleep(delayBeforeNextAttempt());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VaultException("vault.interrupted", new Object[0], null);
        }
    }

    private Attempts current() {
        Attempts onDisk = AttemptsFile.read(attemptsFile, clock.instant());
        Attempts unsaved = UNSAVED.get(key);
        return unsaved == null ? onDisk : onDisk.laterOf(unsaved);
    }
}
