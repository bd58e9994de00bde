package org.hearth.wallet.vault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same password typed as composed or decomposed text opens the vault; vaults from before keep their raw password. */
class VaultPasswordNormalisationTest {

    private static final String COMPOSED = "caf\u00e9 na\u00efve";
    private static final String DECOMPOSED = "cafe\u0301 nai\u0308ve";
    /** The vault in the fixture was made by Hearth before NFKC, with this (decomposed) password. */
    private static final String LEGACY = "cafe\u0301 legacy";

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve(Vault.FILE_NAME);
    }

    @Test
    void composedAndDecomposedPasswordsOpenTheSameNewVault() throws Exception {
        assertFalse(Arrays.equals(COMPOSED.toCharArray(), DECOMPOSED.toCharArray()), "the two really differ as typed");
        VaultFixtures.vault(file()).create(DECOMPOSED.toCharArray(), VaultFixtures.secrets(), VaultFixtures.publicData()).close();
        byte[] bytes = Files.readAllBytes(file());
        assertEquals(VaultFile.VERSION_NFKC_PASSWORD, bytes[9], "the file records that the password is NFKC-normalised");
        assertEquals(PasswordForm.NFKC, VaultFile.parse(bytes).passwordForm());
        for (String typed : new String[] {COMPOSED, DECOMPOSED}) {
            try (UnlockedVault unlocked = VaultFixtures.vault(file()).unlock(typed.toCharArray())) {
                assertTrue(VaultFixtures.sameSecrets(VaultFixtures.secrets(), unlocked.secrets()), typed);
            }
        }
        assertThrows(WrongPasswordException.class, () -> VaultFixtures.vault(file()).unlock("cafe naive".toCharArray()),
                "normalising keeps accents: it is not case or accent folding");
    }

    @Test
    void compatibilityCharactersAreFoldedAsNfkcSays() {
        // U+FB01 is the "fi" ligature; full-width letters come from East Asian input methods.
        VaultFixtures.vault(file()).create("\ufb01le \uff50\uff57".toCharArray(), VaultFixtures.secrets(), PublicData.EMPTY).close();
        VaultFixtures.vault(file()).unlock("file pw".toCharArray()).close();
    }

    @Test
    void aVaultFromBeforeNormalisationOpensWithItsRawPasswordAndMovesToNfkcOnPasswordChange() throws Exception {
        Files.write(file(), legacyFixture());
        assertEquals(PasswordForm.RAW, VaultFile.parse(Files.readAllBytes(file())).passwordForm());
        Vault vault = VaultFixtures.vault(file());
        String composedLegacy = "caf\u00e9 legacy";
        assertThrows(WrongPasswordException.class, () -> vault.unlock(composedLegacy.toCharArray()),
                "the old file was keyed by the bytes as typed; normalising them would lock its owner out");
        try (UnlockedVault unlocked = vault.unlock(LEGACY.toCharArray())) {
            assertTrue(VaultFixtures.sameSecrets(VaultFixtures.secrets(), unlocked.secrets()));
            unlocked.updatePublic(p -> p.withLabel(VaultFixtures.ANVIL[0], "Renamed"));
            byte[] saved = Files.readAllBytes(file());
            assertEquals(VaultFile.VERSION_RAW_PASSWORD, saved[9], "ordinary saves keep the old format, so an older Hearth still opens it");
            assertEquals(PasswordForm.RAW, VaultFile.parse(saved).passwordForm());

            assertThrows(WrongPasswordException.class, () -> unlocked.changePassword(composedLegacy.toCharArray(), "x".toCharArray()),
                    "the current password is checked in the file's form");
            unlocked.changePassword(LEGACY.toCharArray(), DECOMPOSED.toCharArray());
        }
        assertEquals(PasswordForm.NFKC, VaultFile.parse(Files.readAllBytes(file())).passwordForm());
        try (UnlockedVault unlocked = vault.unlock(COMPOSED.toCharArray())) {
            assertEquals("Renamed", unlocked.publicData().accounts().getFirst().label());
            assertTrue(VaultFixtures.sameSecrets(VaultFixtures.secrets(), unlocked.secrets()));
        }
        assertThrows(WrongPasswordException.class, () -> vault.unlock(LEGACY.toCharArray()));
    }

    @Test
    void aVersionTwoHeaderWithAnUnknownPasswordFormIsDamage() throws Exception {
        VaultFixtures.vault(file()).create("pw".toCharArray(), VaultFixtures.secrets(), PublicData.EMPTY).close();
        byte[] bytes = Files.readAllBytes(file());
        int bodyLength = ((bytes[10] & 0xFF) << 8) | (bytes[11] & 0xFF);
        bytes[12 + bodyLength - 1] = 7;
        System.arraycopy(VaultFile.sha(bytes, 0, 12 + bodyLength), 0, bytes, 12 + bodyLength, 32);
        Files.write(file(), bytes);
        VaultDamagedException e = assertThrows(VaultDamagedException.class, VaultFixtures.vault(file())::readPublic);
        assertEquals(VaultDamagedException.Part.HEADER, e.part());
        assertTrue(e.getMessage().contains("password form 7"), e.getMessage());
    }

    @Test
    void aLoneSurrogateIsAClearErrorWithoutThePassword() {
        VaultFixtures.vault(file()).create("pw".toCharArray(), VaultFixtures.secrets(), PublicData.EMPTY).close();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> VaultFixtures.vault(file()).unlock("secret\ud800".toCharArray()));
        assertFalse(e.getMessage().contains("secret"), e.getMessage());
    }

    private static byte[] legacyFixture() throws IOException {
        try (InputStream in = VaultPasswordNormalisationTest.class.getResourceAsStream("/fixtures/vault-v1-raw-password.hearth")) {
            assertTrue(in != null, "fixture missing");
            return in.readAllBytes();
        }
    }
}
