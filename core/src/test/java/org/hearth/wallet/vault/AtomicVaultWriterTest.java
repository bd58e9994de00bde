package org.hearth.wallet.vault;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The previous vault stays in place (or in the backup) until the new one has been read back and verified. */
class AtomicVaultWriterTest {

    @TempDir
    Path dir;

    private final byte[] oldBytes = "old vault".getBytes(StandardCharsets.US_ASCII);
    private final byte[] newBytes = "new vault".getBytes(StandardCharsets.US_ASCII);

    private Path existing() throws Exception {
        Path file = dir.resolve(Vault.FILE_NAME);
        Files.write(file, oldBytes);
        return file;
    }

    @Test
    void aNewFileThatDoesNotVerifyNeverReplacesTheOldOne() throws Exception {
        Path file = existing();
        VaultException e = assertThrows(VaultException.class, () -> AtomicVaultWriter.replace(file, VaultFile.sha(oldBytes, 0, 9),
                newBytes, written -> {
                    throw new VaultDamagedException(VaultDamagedException.Part.FILE, "simulated bad read-back");
                }));
        assertTrue(e.getMessage().contains("previous one is untouched"), e.getMessage());
        assertArrayEquals(oldBytes, Files.readAllBytes(file));
        assertFalse(Files.exists(AtomicVaultWriter.backup(file)));
    }

    @Test
    void whenTheRenamedFileFailsToVerifyTheBackupIsKept() throws Exception {
        Path file = existing();
        AtomicInteger reads = new AtomicInteger();
        assertThrows(VaultException.class, () -> AtomicVaultWriter.replace(file, VaultFile.sha(oldBytes, 0, 9), newBytes, written -> {
            assertArrayEquals(newBytes, written);
            if (reads.incrementAndGet() == 2) {
                throw new VaultDamagedException(VaultDamagedException.Part.FILE, "simulated bad read-back after rename");
            }
        }));
        assertArrayEquals(oldBytes, Files.readAllBytes(AtomicVaultWriter.backup(file)), "previous version kept");
    }

    @Test
    void aVerifiedReplacementDropsTheBackupAndLeavesNoTemporaryFiles() throws Exception {
        Path file = existing();
        AtomicVaultWriter.replace(file, VaultFile.sha(oldBytes, 0, 9), newBytes, written -> assertArrayEquals(newBytes, written));
        assertArrayEquals(newBytes, Files.readAllBytes(file));
        try (var files = Files.list(dir)) {
            assertTrue(files.map(p -> p.getFileName().toString()).allMatch(n -> n.equals("vault.hearth") || n.equals("vault.hearth.lock")));
        }
    }
}
