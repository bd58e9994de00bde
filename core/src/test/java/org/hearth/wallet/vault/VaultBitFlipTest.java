package org.hearth.wallet.vault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import org.hearth.wallet.vault.VaultDamagedException.Part;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every byte of a vault file matters: flipping any of them is detected and named, never a crash or other secrets. */
class VaultBitFlipTest {

    @TempDir
    Path dir;

    @Test
    void flippingAnyByteGivesADamagedFileErrorWithAndWithoutThePassword() throws Exception {
        Path file = dir.resolve(Vault.FILE_NAME);
        VaultFixtures.vault(file).create("pw".toCharArray(), VaultFixtures.secrets(), VaultFixtures.publicData()).close();
        byte[] original = Files.readAllBytes(file);
        Set<Part> partsSeen = EnumSet.noneOf(Part.class);
        int checked = 0;
        for (int mask : new int[] {0x01, 0x80, 0xFF}) {
            for (int i = 0; i < original.length; i++) {
                byte[] flipped = original.clone();
                flipped[i] ^= (byte) mask;
                Files.write(file, flipped);
                Vault vault = VaultFixtures.vault(file);
                String where = "byte " + i + " xor 0x" + Integer.toHexString(mask);
                VaultDamagedException listing = assertThrows(VaultDamagedException.class, vault::readPublic, where);
                VaultDamagedException unlocking = assertThrows(VaultDamagedException.class,
                        () -> vault.unlock("pw".toCharArray()), where);
                assertEquals(listing.part(), unlocking.part(), where);
                partsSeen.add(unlocking.part());
                checked++;
            }
        }
        assertEquals(3 * original.length, checked);
        assertEquals(EnumSet.of(Part.HEADER, Part.ACCOUNTS, Part.SECRETS), partsSeen,
                "flips in each part are reported as damage to that part");
        Files.write(file, original);
        try (UnlockedVault unlocked = VaultFixtures.vault(file).unlock("pw".toCharArray())) {
            assertEquals(true, VaultFixtures.sameSecrets(VaultFixtures.secrets(), unlocked.secrets()));
        }
    }
}
