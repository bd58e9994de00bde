package org.hearth.wallet.vault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Wrong passwords entered in one process still cost their delay in the next one: a real restart, not a new object. */
class VaultThrottleRestartTest {

    @TempDir
    Path dir;

    @Test
    void theDelayOwedSurvivesTheProcessThatEarnedItAndShrinksWithTheTimeInBetween() throws Exception {
        Path file = dir.resolve(Vault.FILE_NAME);
        VaultFixtures.ManualClock clock = new VaultFixtures.ManualClock();
        List<Duration> waits = new ArrayList<>();
        Vault vault = Vault.at(file, VaultFixtures.SMALL, clock.sleeper(waits), clock);
        vault.create("right".toCharArray(), VaultFixtures.secrets(), PublicData.EMPTY).close();

        Process child = new ProcessBuilder(javaBinary(), "-cp", System.getProperty("java.class.path"), VaultWrongPasswords.class.getName(),
                file.toString(), String.valueOf(VaultFixtures.SMALL.memoryKiB()), String.valueOf(VaultFixtures.SMALL.iterations()),
                String.valueOf(VaultFixtures.SMALL.parallelism()), String.valueOf(clock.instant().toEpochMilli()), "5")
                .redirectErrorStream(true).start();
        assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child finished");
        String output = new String(child.getInputStream().readAllBytes());
        assertEquals(0, child.exitValue(), output);
        assertTrue(output.strip().endsWith("next attempt waits 16 s"), output);
        assertTrue(Files.exists(AttemptsFile.beside(file)), "the child left its record beside the vault");

        // This process never saw those failures: only the file can tell it. Three seconds have passed since.
        clock.advance(Duration.ofSeconds(3));
        assertEquals(Duration.ofSeconds(13), vault.delayBeforeNextAttempt());
        vault.unlock("right".toCharArray()).close();
        assertEquals(List.of(Duration.ofSeconds(13)), waits);
        assertFalse(Files.exists(AttemptsFile.beside(file)), "a right password removes the record");
        assertEquals(Duration.ZERO, vault.delayBeforeNextAttempt());
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
