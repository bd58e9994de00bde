package org.hearth.wallet.vault;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts wrong passwords per vault file, in memory, and makes each next attempt wait longer:
 * 0 s, then 1, 2, 4, 8, 16 s, capped at 30 s. A right password resets it. Shared by every
 * {@link Vault} object for the same file in this process, so opening a new one does not reset it.
 */
final class PasswordThrottle {

    static final Duration MAX_DELAY = Duration.ofSeconds(30);
    private static final ConcurrentHashMap<Path, PasswordThrottle> BY_FILE = new ConcurrentHashMap<>();

    private int failures;

    static PasswordThrottle forFile(Path file) {
        return BY_FILE.computeIfAbsent(file.toAbsolutePath().normalize(), f -> new PasswordThrottle());
    }

    synchronized Duration delayBeforeNextAttempt() {
        if (failures == 0) {
            return Duration.ZERO;
        }
        long seconds = 1L << Math.min(failures - 1, 5);
        return Duration.ofSeconds(Math.min(seconds, MAX_DELAY.toSeconds()));
    }

    synchronized void failed() {
        failures = Math.min(failures + 1, 64);
    }

    synchronized void succeeded() {
        failures = 0;
    }

    /** Waits as long as the failures so far require. */
    void await(Sleeper sleeper) {
        try {
            sleeper.sleep(delayBeforeNextAttempt());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VaultException("Unlocking was interrupted");
        }
    }
}
