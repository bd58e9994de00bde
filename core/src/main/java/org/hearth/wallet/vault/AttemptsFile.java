package org.hearth.wallet.vault;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * The wrong-password record beside the vault ({@code vault.hearth.attempts}): how many wrong passwords
 * in a row and when the last one came, so the growing delay survives a restart. It holds no secret:
 * {@code {"failures":3,"lastFailureEpochMilli":1767225600000}}. Written only through
 * {@link AtomicVaultWriter#writeSideFile}, so a crash never leaves half a record.
 */
final class AttemptsFile {

    static final int MAX_BYTES = 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Failures in a row and the time of the last. The delay grows 1, 2, 4, 8, 16 s, then stays at the
     * cap; time keeps counting while the app is closed, so only what is left of it is owed.
     */
    record Attempts(int failures, Instant lastFailure) {

        static final Attempts NONE = new Attempts(0, Instant.EPOCH);
        /** Failures after which the delay stops growing; the count stops at 64 (it only matters up to here). */
        static final int FAILURES_AT_CAP = 6;
        static final int MAX_COUNTED = 64;
        static final Duration MAX_DELAY = Duration.ofSeconds(30);

        /** The full delay after this many failures in a row. */
        Duration delay() {
            if (failures <= 0) {
                return Duration.ZERO;
            }
            long seconds = 1L << Math.min(failures - 1, FAILURES_AT_CAP - 1);
            return Duration.ofSeconds(Math.min(seconds, MAX_DELAY.toSeconds()));
        }

        /**
         * What is left of the delay at {@code now}. A last failure in the future (the clock was set back, or
         * the file was edited) counts as just now: the whole delay, never more than the cap.
         */
        Duration owedAt(Instant now) {
            Duration elapsed = Duration.between(lastFailure, now);
            Duration owed = elapsed.isNegative() ? delay() : delay().minus(elapsed);
            return owed.isNegative() ? Duration.ZERO : owed;
        }

        Attempts failedAgainAt(Instant now) {
            return new Attempts(Math.min(failures + 1, MAX_COUNTED), now);
        }

        /** Of two records, the one with the later failure (more failures on a tie). */
        Attempts laterOf(Attempts other) {
            int byTime = lastFailure.compareTo(other.lastFailure);
            return byTime > 0 || (byTime == 0 && failures >= other.failures) ? this : other;
        }
    }

    private AttemptsFile() {
    }

    static Path beside(Path vaultFile) {
        return vaultFile.resolveSibling(vaultFile.getFileName() + ".attempts");
    }

    /**
     * The record in {@code file}; never throws. Missing: no failures (a right password deletes it).
     * Unreadable, damaged, oversized or nonsensical: treated as the capped delay counted from the file's
     * last change. Why not zero: nothing in Hearth writes a bad record (writes are atomic), so a bad one
     * was damaged or edited, and an edit must not win more guesses than the record allowed; why not
     * worse: the vault must still open, so the wait stays bounded at the cap and runs out on its own.
     * (Deleting the file does reset the count: whoever can write the data dir can also copy the vault
     * and guess offline, so this delay only guards the password prompt, not the disk.)
     */
    static Attempts read(Path file, Instant now) {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (NoSuchFileException e) {
            return Attempts.NONE;
        } catch (IOException e) {
            return damaged(file, now);
        }
        Attempts parsed = bytes.length > MAX_BYTES ? null : parse(bytes);
        return parsed == null ? damaged(file, now) : parsed;
    }

    static byte[] encode(Attempts attempts) {
        return JSON.createObjectNode()
                .put("failures", attempts.failures())
                .put("lastFailureEpochMilli", attempts.lastFailure().toEpochMilli())
                .toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The record, or null when it is not exactly the two whole numbers this class writes. */
    private static Attempts parse(byte[] bytes) {
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (IOException e) {
            return null;
        }
        if (root == null || !root.isObject() || root.size() != 2) {
            return null;
        }
        JsonNode failures = root.get("failures");
        JsonNode last = root.get("lastFailureEpochMilli");
        if (!wholeLong(failures) || !wholeLong(last) || failures.asLong() < 1) {
            return null;
        }
        int counted = (int) Math.min(failures.asLong(), Attempts.MAX_COUNTED);
        return new Attempts(counted, Instant.ofEpochMilli(last.asLong()));
    }

    private static boolean wholeLong(JsonNode node) {
        return node != null && node.isIntegralNumber() && node.canConvertToLong();
    }

    private static Attempts damaged(Path file, Instant now) {
        Instant changed;
        try {
            changed = Files.getLastModifiedTime(file).toInstant();
        } catch (IOException | RuntimeException e) {
            changed = now;
        }
        return new Attempts(Attempts.FAILURES_AT_CAP, changed.isAfter(now) ? now : changed);
    }
}
