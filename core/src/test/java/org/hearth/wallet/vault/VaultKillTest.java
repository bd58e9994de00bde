package org.hearth.wallet.vault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kill -9 in the middle of password changes always leaves a vault that opens with the old or the new password. */
class VaultKillTest {

    private static final String A = "first password";
    private static final String B = "second password";
    private static final int ROUNDS = 30;

    @TempDir
    Path dir;

    @Test
    void killingAPasswordChangeAtRandomMomentsNeverLosesTheVault() throws Exception {
        Path file = dir.resolve(Vault.FILE_NAME);
        VaultFixtures.vault(file).create(A.toCharArray(), VaultFixtures.secrets(), VaultFixtures.publicData()).close();
        Random random = new Random();
        long totalChanges = 0;
        int openedWithA = 0;
        int openedWithB = 0;
        int killedMidWrite = 0;
        for (int round = 0; round < ROUNDS; round++) {
            Path log = dir.resolve("child-" + round + ".err");
            Path out = dir.resolve("child-" + round + ".out");
            Process child = builder(file).redirectOutput(out.toFile()).redirectError(log.toFile()).start();
            awaitReady(child, out, log);
            Thread.sleep(random.nextInt(5, 250));
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            if (Files.exists(AtomicVaultWriter.temp(file)) || Files.exists(AtomicVaultWriter.backup(file))) {
                killedMidWrite++;
            }
            List<String> lines = Files.readAllLines(out);
            totalChanges += lines.stream().filter(l -> l.startsWith("changed ")).count();
            String opened = openWithEither(file);
            if (opened.equals(A)) {
                openedWithA++;
            } else {
                openedWithB++;
            }
        }
        System.out.printf("kill -9 test: %d rounds, %d completed password changes, %d kills left a temp or backup file, "
                + "opened with A %d times, B %d times%n", ROUNDS, totalChanges, killedMidWrite, openedWithA, openedWithB);
        assertTrue(totalChanges > 0, "the children were killed while changing passwords, not only before");
    }

    private static ProcessBuilder builder(Path file) {
        return new ProcessBuilder(javaBinary(), "-Xmx128m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                VaultPasswordChurn.class.getName(), file.toString(),
                String.valueOf(VaultFixtures.SMALL.memoryKiB()), String.valueOf(VaultFixtures.SMALL.iterations()),
                String.valueOf(VaultFixtures.SMALL.parallelism()), A, B);
    }

    private static void awaitReady(Process child, Path out, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.readString(out).startsWith("ready")) {
            if (!child.isAlive() || System.nanoTime() > deadline) {
                child.destroyForcibly();
                throw new AssertionError("child did not start: " + Files.readString(log));
            }
            Thread.sleep(5);
        }
    }

    /** Opens with A or B, checks contents, and returns the password that worked. */
    private static String openWithEither(Path file) {
        Vault vault = VaultFixtures.vault(file);
        for (String password : List.of(A, B)) {
            try (UnlockedVault unlocked = vault.unlock(password.toCharArray())) {
                assertTrue(VaultFixtures.sameSecrets(VaultFixtures.secrets(), unlocked.secrets()));
                assertEquals(VaultFixtures.publicData(), unlocked.publicData());
                return password;
            } catch (WrongPasswordException e) {
                // try the other one
            }
        }
        throw new AssertionError("the vault opened with neither the old nor the new password");
    }

    private static String javaBinary() {
        String fromHome = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String command = ProcessHandle.current().info().command().orElse(fromHome);
        assertNotNull(command);
        return command;
    }
}
