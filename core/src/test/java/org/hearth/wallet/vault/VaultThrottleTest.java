package org.hearth.wallet.vault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The wrong-password record beside the vault: what it keeps, how time shrinks it, and bad records. */
class VaultThrottleTest {

    @TempDir
    Path dir;

    private final VaultFixtures.ManualClock clock = new VaultFixtures.ManualClock();
    private final List<Duration> waits = new ArrayList<>();
    private Path file;
    private Path attempts;

    @BeforeEach
    void createVault() {
        file = dir.resolve(Vault.FILE_NAME);
        attempts = AttemptsFile.beside(file);
        vault().create("right".toCharArray(), VaultFixtures.secrets(), PublicData.EMPTY).close();
    }

    /** A fresh Vault object each time, as after a restart: it holds nothing but what it reads. */
    private Vault vault() {
        return Vault.at(file, VaultFixtures.SMALL, clock.sleeper(waits), clock);
    }

    private void wrong(int times) {
        for (int i = 0; i < times; i++) {
            assertThrows(WrongPasswordException.class, () -> vault().unlock("wrong".toCharArray()));
        }
    }

    @Test
    void theCountAndTheTimeOfTheLastFailureAreKeptBesideTheVault() throws Exception {
        wrong(3);
        assertEquals("{\"failures\":3,\"lastFailureEpochMilli\":" + clock.instant().toEpochMilli() + "}", Files.readString(attempts));
        assertEquals(Duration.ofSeconds(4), vault().delayBeforeNextAttempt());

        clock.advance(Duration.ofMillis(1500));
        assertEquals(Duration.ofMillis(2500), vault().delayBeforeNextAttempt(), "time passes while the app is closed");
        clock.advance(Duration.ofSeconds(10));
        assertEquals(Duration.ZERO, vault().delayBeforeNextAttempt());
        WrongPasswordException fourth = assertThrows(WrongPasswordException.class, () -> vault().unlock("wrong".toCharArray()));
        assertEquals(Duration.ofSeconds(8), fourth.nextDelay(), "waiting it out does not forget the count");

        // The record is the only memory: written by hand, it is obeyed; removed, nothing is owed.
        Files.writeString(attempts, "{\"failures\":5,\"lastFailureEpochMilli\":" + clock.instant().toEpochMilli() + "}");
        assertEquals(Duration.ofSeconds(16), vault().delayBeforeNextAttempt());
        Files.delete(attempts);
        assertEquals(Duration.ZERO, vault().delayBeforeNextAttempt());
    }

    @Test
    void aRightPasswordRemovesTheRecord() {
        wrong(4);
        clock.advance(Duration.ofSeconds(2));
        vault().unlock("right".toCharArray()).close();
        assertEquals(List.of(Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(6)),
                waits, "each attempt waited what was left of its delay");
        assertFalse(Files.exists(attempts));
        assertEquals(Duration.ZERO, vault().delayBeforeNextAttempt());
        WrongPasswordException again = assertThrows(WrongPasswordException.class, () -> vault().unlock("wrong".toCharArray()));
        assertEquals(Duration.ofSeconds(1), again.nextDelay(), "counting starts again from one");
    }

    @Test
    void damagedOrHostileRecordsCostAtMostTheCappedDelayFromTheirLastChangeAndNeverStopTheVault() throws Exception {
        long now = clock.instant().toEpochMilli();
        Map<String, byte[]> bad = new LinkedHashMap<>();
        bad.put("empty", new byte[0]);
        bad.put("garbage", "{garbage".getBytes(StandardCharsets.UTF_8));
        bad.put("truncated", ("{\"failures\":3,\"lastFailureEpo").getBytes(StandardCharsets.UTF_8));
        bad.put("not an object", "[3, 4]".getBytes(StandardCharsets.UTF_8));
        bad.put("negative count", ("{\"failures\":-3,\"lastFailureEpochMilli\":" + now + "}").getBytes(StandardCharsets.UTF_8));
        bad.put("count as text", ("{\"failures\":\"many\",\"lastFailureEpochMilli\":" + now + "}").getBytes(StandardCharsets.UTF_8));
        bad.put("count too big for a long", ("{\"failures\":1" + "0".repeat(40) + ",\"lastFailureEpochMilli\":" + now + "}")
                .getBytes(StandardCharsets.UTF_8));
        bad.put("fractional time", "{\"failures\":2,\"lastFailureEpochMilli\":1.5}".getBytes(StandardCharsets.UTF_8));
        bad.put("extra field", ("{\"failures\":1,\"lastFailureEpochMilli\":" + now + ",\"x\":1}").getBytes(StandardCharsets.UTF_8));
        bad.put("over 1 KiB", ("{\"failures\":1,\"lastFailureEpochMilli\":" + now + "}" + " ".repeat(AttemptsFile.MAX_BYTES))
                .getBytes(StandardCharsets.UTF_8));
        for (Map.Entry<String, byte[]> entry : bad.entrySet()) {
            Files.write(attempts, entry.getValue());
            assertOwesTheCapFromItsLastChange(entry.getKey());
        }

        try (RandomAccessFile huge = new RandomAccessFile(attempts.toFile(), "rw")) {
            huge.setLength(64L * 1024 * 1024);
        }
        assertOwesTheCapFromItsLastChange("a 64 MiB file (read no further than 1 KiB)");

        Files.createDirectory(attempts);
        assertOwesTheCapFromItsLastChange("a folder in its place");
    }

    /** A bad record changed 10 s ago owes 20 s; the right password still opens the vault and the record goes. */
    private void assertOwesTheCapFromItsLastChange(String what) throws Exception {
        Files.setLastModifiedTime(attempts, FileTime.from(clock.instant().minusSeconds(10)));
        assertEquals(Duration.ofSeconds(20), vault().delayBeforeNextAttempt(), what);
        waits.clear();
        vault().unlock("right".toCharArray()).close();
        assertEquals(List.of(Duration.ofSeconds(20)), waits, what);
        assertFalse(Files.exists(attempts), what + ": replaced by no record");
    }

    @Test
    void wellFormedButExtremeValuesAreBounded() throws Exception {
        Files.writeString(attempts, "{\"failures\":9000000000000000000,\"lastFailureEpochMilli\":" + clock.instant().toEpochMilli() + "}");
        assertEquals(PasswordThrottle.MAX_DELAY, vault().delayBeforeNextAttempt());
        WrongPasswordException next = assertThrows(WrongPasswordException.class, () -> vault().unlock("wrong".toCharArray()));
        assertEquals(PasswordThrottle.MAX_DELAY, next.nextDelay());
        assertTrue(Files.readString(attempts).startsWith("{\"failures\":64,"), "the count stops at 64: " + Files.readString(attempts));

        // A last failure far in the future (clock set back, or an edit) owes the delay of its count, not the time until then.
        Files.writeString(attempts, "{\"failures\":2,\"lastFailureEpochMilli\":" + Long.MAX_VALUE + "}");
        assertEquals(Duration.ofSeconds(2), vault().delayBeforeNextAttempt());
        Files.writeString(attempts, "{\"failures\":2,\"lastFailureEpochMilli\":" + Long.MIN_VALUE + "}");
        assertEquals(Duration.ZERO, vault().delayBeforeNextAttempt());
    }

    @Test
    void whenTheRecordCannotBeWrittenTheDelayStillGrowsInThisProcess() throws Exception {
        Path blocker = attempts.resolveSibling(attempts.getFileName() + ".tmp");
        Files.createDirectory(blocker);
        Files.writeString(blocker.resolve("keep"), "a folder where the temp file goes makes every write fail");
        wrong(3);
        assertFalse(Files.exists(attempts));
        assertEquals(Duration.ofSeconds(4), vault().delayBeforeNextAttempt());
        vault().unlock("right".toCharArray()).close();
        assertEquals(Duration.ZERO, vault().delayBeforeNextAttempt());
    }
}
