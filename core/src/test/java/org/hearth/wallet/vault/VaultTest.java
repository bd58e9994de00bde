package org.hearth.wallet.vault;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VaultTest {

    @TempDir
    Path dir;

    @Test
    void roundTripKeepsSecretsAndListsAccountsWithoutThePassword() throws Exception {
        Path file = dir.resolve(Vault.FILE_NAME);
        try (UnlockedVault created = VaultFixtures.vault(file).create("correct horse".toCharArray(),
                VaultFixtures.secrets(), VaultFixtures.publicData())) {
            assertEquals(VaultFixtures.publicData(), created.publicData());
        }
        Vault vault = VaultFixtures.vault(file);
        assertEquals(VaultFixtures.publicData(), vault.readPublic());
        try (UnlockedVault unlocked = vault.unlock("correct horse".toCharArray())) {
            assertTrue(VaultFixtures.sameSecrets(VaultFixtures.secrets(), unlocked.secrets()));
            assertArrayEquals(VaultFixtures.WORDS.toCharArray(), unlocked.secret("seed-1").orElseThrow().mnemonic());
            assertArrayEquals("pässphrase ✓".toCharArray(), unlocked.secret("seed-1").orElseThrow().passphrase());
            assertArrayEquals(HexFormat.of().parseHex(VaultFixtures.KEY_HEX), unlocked.secret("key-1").orElseThrow().privateKey());
        }
        String raw = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        assertFalse(raw.contains("junk"), "the mnemonic must not be stored in the clear");
        assertFalse(raw.contains("ac0974bec39a17e3"), "the private key must not be stored in the clear");
        assertTrue(raw.contains(VaultFixtures.ANVIL[0]), "addresses are public so the wallet lists them without the password");
        assertFalse(Files.exists(AtomicVaultWriter.temp(file)) || Files.exists(AtomicVaultWriter.backup(file)));
    }

    @Test
    void defaultParametersAreStrongAndWork() {
        assertTrue(VaultParams.DEFAULT.memoryKiB() >= 64 * 1024);
        Path file = dir.resolve(Vault.FILE_NAME);
        Vault vault = Vault.at(file, VaultParams.DEFAULT, VaultFixtures.noWait());
        vault.create("pw".toCharArray(), VaultFixtures.secrets(), PublicData.EMPTY).close();
        try (UnlockedVault unlocked = vault.unlock("pw".toCharArray())) {
            assertEquals(2, unlocked.secrets().size());
        }
        assertEquals(VaultParams.DEFAULT, VaultFile.parse(readAll(file)).params());
    }

    @Test
    void wrongPasswordIsAClearErrorAndEachAttemptWaitsLonger() {
        Path file = dir.resolve(Vault.FILE_NAME);
        List<Duration> waits = new ArrayList<>();
        VaultFixtures.ManualClock clock = new VaultFixtures.ManualClock();
        Vault vault = Vault.at(file, VaultFixtures.SMALL, clock.sleeper(waits), clock);
        vault.create("right".toCharArray(), VaultFixtures.secrets(), PublicData.EMPTY).close();
        List<Long> announced = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            WrongPasswordException e = assertThrows(WrongPasswordException.class, () -> vault.unlock("wrong-guess".toCharArray()));
            assertEquals("Wrong password", e.getMessage());
            announced.add(e.nextDelay().toSeconds());
        }
        assertEquals(List.of(1L, 2L, 4L, 8L, 16L, 30L, 30L, 30L), announced, "each failure says how long the next attempt waits");
        // A new Vault object for the same file does not reset the count.
        Vault again = Vault.at(file, VaultFixtures.SMALL, clock.sleeper(waits), clock);
        again.unlock("right".toCharArray()).close();
        again.unlock("right".toCharArray()).close();
        assertEquals(List.of(0L, 1L, 2L, 4L, 8L, 16L, 30L, 30L, 30L, 0L),
                waits.stream().map(Duration::toSeconds).toList());
    }

    @Test
    void changePasswordKeepsSecretsAndOnlyTheNewPasswordOpens() {
        Path file = dir.resolve(Vault.FILE_NAME);
        Vault vault = VaultFixtures.vault(file);
        try (UnlockedVault unlocked = vault.create("old".toCharArray(), VaultFixtures.secrets(), VaultFixtures.publicData())) {
            assertThrows(WrongPasswordException.class, () -> unlocked.changePassword("not-old".toCharArray(), "new".toCharArray()));
            unlocked.changePassword("old".toCharArray(), "new".toCharArray());
            assertTrue(VaultFixtures.sameSecrets(VaultFixtures.secrets(), unlocked.secrets()));
        }
        assertThrows(WrongPasswordException.class, () -> vault.unlock("old".toCharArray()));
        try (UnlockedVault unlocked = vault.unlock("new".toCharArray())) {
            assertTrue(VaultFixtures.sameSecrets(VaultFixtures.secrets(), unlocked.secrets()));
            assertEquals(VaultFixtures.publicData(), unlocked.publicData());
        }
        assertFalse(Files.exists(AtomicVaultWriter.backup(file)), "no backup that the old password still opens");
    }

    @Test
    void changingThePasswordUpgradesTheFileToTheConfiguredParameters() {
        Path file = dir.resolve(Vault.FILE_NAME);
        VaultFixtures.vault(file).create("old".toCharArray(), VaultFixtures.secrets(), PublicData.EMPTY).close();
        VaultParams stronger = new VaultParams(256, 2, 2);
        Vault configured = Vault.at(file, stronger, VaultFixtures.noWait());
        try (UnlockedVault unlocked = configured.unlock("old".toCharArray())) {
            unlocked.updatePublic(p -> p.withWatchOnly(new WatchOnlyAddress(VaultFixtures.ANVIL[0], "watched", false)));
            assertEquals(VaultFixtures.SMALL, VaultFile.parse(readAll(file)).params(), "ordinary saves keep the key");
            unlocked.changePassword("old".toCharArray(), "new".toCharArray());
        }
        assertEquals(stronger, VaultFile.parse(readAll(file)).params());
        try (UnlockedVault unlocked = configured.unlock("new".toCharArray())) {
            assertEquals(1, unlocked.publicData().watchOnly().size());
        }
    }

    @Test
    void addRemoveSecretsAndRenameOrHideAccountsAreSaved() {
        Path file = dir.resolve(Vault.FILE_NAME);
        Vault vault = VaultFixtures.vault(file);
        try (UnlockedVault unlocked = vault.create("pw".toCharArray(), VaultFixtures.secrets(), VaultFixtures.publicData())) {
            byte[] key = new byte[32];
            key[31] = 7;
            unlocked.addSecret(VaultSecret.privateKey("key-2", key), List.of(
                    new VaultAccount("0x1111111111111111111111111111111111111111", "Cold", null, 0, "key-2", false)));
            unlocked.removeSecret("seed-1");
            unlocked.updatePublic(p -> p.withLabel(VaultFixtures.ANVIL[2], "Renamed").withHidden(VaultFixtures.ANVIL[2], false));
            assertThrows(IllegalArgumentException.class, () -> unlocked.addSecret(VaultSecret.privateKey("key-2", key), List.of()));
        }
        PublicData listed = vault.readPublic();
        assertEquals(List.of("Renamed", "Cold"), listed.accounts().stream().map(VaultAccount::label).toList());
        assertFalse(listed.accounts().getFirst().hidden());
        try (UnlockedVault unlocked = vault.unlock("pw".toCharArray())) {
            assertEquals(List.of("key-1", "key-2"), unlocked.secrets().stream().map(VaultSecret::id).toList());
            assertEquals(7, unlocked.secret("key-2").orElseThrow().privateKey()[31]);
        }
    }

    @Test
    void lockWipesSecretsAndRefusesFurtherUse() {
        Path file = dir.resolve(Vault.FILE_NAME);
        UnlockedVault unlocked = VaultFixtures.vault(file).create("pw".toCharArray(), VaultFixtures.secrets(), PublicData.EMPTY);
        VaultSecret copy = unlocked.secret("seed-1").orElseThrow();
        List<String> events = new ArrayList<>();
        unlocked.addLockListener(() -> events.add("locked"));
        unlocked.lock();
        unlocked.lock();
        assertTrue(unlocked.isLocked());
        assertEquals(List.of("locked"), events);
        assertThrows(VaultLockedException.class, unlocked::secrets);
        assertThrows(VaultLockedException.class, () -> unlocked.updatePublic(p -> p));
        assertArrayEquals(VaultFixtures.WORDS.toCharArray(), copy.mnemonic(), "copies handed out are the caller's to wipe");
        copy.wipe();
        assertTrue(new String(copy.wordsRef()).chars().allMatch(c -> c == 0));
        assertFalse(copy.toString().contains("test"));
    }

    @Test
    void createRefusesToOverwriteAnExistingVault() {
        Path file = dir.resolve(Vault.FILE_NAME);
        Vault vault = VaultFixtures.vault(file);
        vault.create("pw".toCharArray(), VaultFixtures.secrets(), PublicData.EMPTY).close();
        VaultException e = assertThrows(VaultException.class, () -> vault.create("pw2".toCharArray(), List.of(), PublicData.EMPTY));
        assertTrue(e.getMessage().contains("already exists"));
    }

    @Test
    void aSaveByAnotherOpenVaultIsNeverOverwrittenSilently() {
        Path file = dir.resolve(Vault.FILE_NAME);
        VaultFixtures.vault(file).create("pw".toCharArray(), VaultFixtures.secrets(), VaultFixtures.publicData()).close();
        try (UnlockedVault first = VaultFixtures.vault(file).unlock("pw".toCharArray());
             UnlockedVault second = VaultFixtures.vault(file).unlock("pw".toCharArray())) {
            first.updatePublic(p -> p.withLabel(VaultFixtures.ANVIL[0], "From the first window"));
            VaultException e = assertThrows(VaultException.class,
                    () -> second.updatePublic(p -> p.withLabel(VaultFixtures.ANVIL[0], "From the second window")));
            assertTrue(e.getMessage().contains("changed on disk"), e.getMessage());
            assertEquals("Account 1", second.publicData().accounts().getFirst().label(), "the refused change is rolled back");
        }
        assertEquals("From the first window", VaultFixtures.vault(file).readPublic().accounts().getFirst().label());
    }

    static byte[] readAll(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
