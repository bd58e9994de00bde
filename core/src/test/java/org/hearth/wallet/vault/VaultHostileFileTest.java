package org.hearth.wallet.vault;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.hearth.wallet.vault.VaultDamagedException.Part;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files written by someone else (or by a broken disk) get a clear error and never hang or exhaust the machine. */
class VaultHostileFileTest {

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve(Vault.FILE_NAME);
    }

    /** A well-formed file with correct checksums but chosen parameters and contents. */
    private byte[] crafted(long memoryKiB, long iterations, int parallelism, byte[] publicJson, byte[] plain) {
        byte[] salt = new byte[16];
        byte[] nonce = new byte[12];
        VaultKey key = VaultCrypto.derive("pw".toCharArray(), PasswordForm.NFKC, VaultFixtures.SMALL, salt);
        return VaultFile.encode(memoryKiB, iterations, parallelism, PasswordForm.NFKC, salt, nonce, key.passwordCheck(), publicJson,
                aad -> VaultCrypto.encrypt(key, nonce, aad, plain));
    }

    private byte[] emptyPlain() {
        return SecretsCodec.encode(List.of());
    }

    private VaultDamagedException damaged(byte[] bytes) throws Exception {
        Files.write(file(), bytes);
        Vault vault = VaultFixtures.vault(file());
        assertThrows(VaultDamagedException.class, vault::readPublic);
        return assertThrows(VaultDamagedException.class, () -> vault.unlock("pw".toCharArray()));
    }

    @Test
    void hugeKdfParametersAreRefusedBeforeAnyWork() throws Exception {
        byte[] json = PublicDataCodec.encode(PublicData.EMPTY);
        VaultDamagedException memory = damaged(crafted(0xFFFF_FFFFL, 1, 1, json, emptyPlain()));
        assertEquals(Part.HEADER, memory.part());
        assertTrue(memory.getMessage().contains("memory"), memory.getMessage());
        assertTrue(damaged(crafted(64, 1_000_000, 1, json, emptyPlain())).getMessage().contains("iterations"));
        assertTrue(damaged(crafted(64, 1, 255, json, emptyPlain())).getMessage().contains("parallelism"));
    }

    @Test
    void memoryWithinTheBoundButBeyondThisJvmIsAClearErrorNotAnOutOfMemoryError() throws Exception {
        long threeGiB = 3L * 1024 * 1024;
        Files.write(file(), crafted(threeGiB, 1, 1, PublicDataCodec.encode(PublicData.EMPTY), emptyPlain()));
        Vault vault = VaultFixtures.vault(file());
        assertEquals(PublicData.EMPTY, vault.readPublic(), "listing needs no key derivation");
        VaultException e = assertThrows(VaultException.class, () -> vault.unlock("pw".toCharArray()));
        assertTrue(e.getMessage().contains("-Xmx"), e.getMessage());
    }

    @Test
    void emptyTruncatedOversizedAndForeignFilesAreDamaged() throws Exception {
        assertEquals(Part.FILE, damaged(new byte[0]).part());
        assertTrue(damaged("hello, I am a text file\n".getBytes(StandardCharsets.UTF_8)).getMessage().contains("not a Hearth vault"));
        assertTrue(damaged(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13}).getMessage().contains("not a Hearth vault"));

        Files.delete(file());
        VaultFixtures.vault(file()).create("pw".toCharArray(), VaultFixtures.secrets(), VaultFixtures.publicData()).close();
        byte[] good = Files.readAllBytes(file());
        for (int length = 0; length < good.length; length++) {
            damaged(Arrays.copyOf(good, length));
        }
        assertEquals(Part.FILE, damaged(Arrays.copyOf(good, good.length + 1)).part(), "trailing bytes");

        Files.delete(file());
        try (RandomAccessFile huge = new RandomAccessFile(file().toFile(), "rw")) {
            huge.write(VaultFile.MAGIC);
            huge.setLength(VaultFile.MAX_FILE_BYTES + 1024L);
        }
        VaultDamagedException tooBig = assertThrows(VaultDamagedException.class, VaultFixtures.vault(file())::readPublic);
        assertTrue(tooBig.getMessage().contains("larger than 16 MiB"), tooBig.getMessage());
    }

    @Test
    void garbageOrWrongShapedJsonInTheAccountsListIsDamage() throws Exception {
        for (String json : List.of("{\"accounts\": [garbage", "null", "[]", "{\"accounts\":[{\"address\":\"not an address\","
                + "\"label\":\"x\",\"path\":null,\"index\":0,\"sourceId\":\"s\",\"hidden\":false}],\"watchOnly\":[]}",
                "{\"accounts\":[],\"watchOnly\":[],\"extra\":1}", "{\"accounts\":[],\"watchOnly\":[]} trailing")) {
            VaultDamagedException e = damaged(crafted(64, 1, 1, json.getBytes(StandardCharsets.UTF_8), emptyPlain()));
            assertEquals(Part.ACCOUNTS, e.part(), json);
        }
    }

    @Test
    void authenticSecretsThatDoNotParseAreDamageNotACrash() throws Exception {
        byte[] garbage = "definitely not the secrets list".getBytes(StandardCharsets.UTF_8);
        Files.write(file(), crafted(64, 1, 1, PublicDataCodec.encode(PublicData.EMPTY), garbage));
        Vault vault = VaultFixtures.vault(file());
        assertEquals(PublicData.EMPTY, vault.readPublic());
        VaultDamagedException e = assertThrows(VaultDamagedException.class, () -> vault.unlock("pw".toCharArray()));
        assertEquals(Part.SECRETS, e.part());
    }

    @Test
    void anAccountsListRewrittenWithAFreshChecksumFailsAuthenticationOnUnlock() throws Exception {
        VaultFixtures.vault(file()).create("pw".toCharArray(), VaultFixtures.secrets(), VaultFixtures.publicData()).close();
        VaultFile.Parsed parsed = VaultFile.parse(Files.readAllBytes(file()));
        PublicData forged = VaultFixtures.publicData().withLabel(VaultFixtures.ANVIL[0], "Send here");
        byte[] forgedFile = VaultFile.encode(parsed.params().memoryKiB(), parsed.params().iterations(), parsed.params().parallelism(),
                parsed.passwordForm(), parsed.salt(), parsed.nonce(), parsed.passwordCheck(), PublicDataCodec.encode(forged), aad -> parsed.ciphertext());
        Files.write(file(), forgedFile);
        Vault vault = VaultFixtures.vault(file());
        assertEquals(forged, vault.readPublic(), "before unlocking only the checksum protects the list");
        VaultDamagedException e = assertThrows(VaultDamagedException.class, () -> vault.unlock("pw".toCharArray()));
        assertEquals(Part.SECRETS, e.part());
        assertTrue(e.getMessage().contains("authentication"), e.getMessage());
    }

    @Test
    void aVaultFromANewerFormatSaysSo() throws Exception {
        byte[] bytes = crafted(64, 1, 1, PublicDataCodec.encode(PublicData.EMPTY), emptyPlain());
        int bodyLength = ((bytes[10] & 0xFF) << 8) | (bytes[11] & 0xFF);
        bytes[9] = 3;
        System.arraycopy(VaultFile.sha(bytes, 0, 12 + bodyLength), 0, bytes, 12 + bodyLength, 32);
        Files.write(file(), bytes);
        VaultVersionException e = assertThrows(VaultVersionException.class, VaultFixtures.vault(file())::readPublic);
        assertTrue(e.getMessage().contains("version 3"));
    }

    @Test
    void aDamagedVaultIsRestoredFromAGoodBackupAndKeptAside() throws Exception {
        Vault vault = VaultFixtures.vault(file());
        vault.create("pw".toCharArray(), VaultFixtures.secrets(), VaultFixtures.publicData()).close();
        byte[] good = Files.readAllBytes(file());
        Files.write(AtomicVaultWriter.backup(file()), good);
        byte[] broken = good.clone();
        broken[good.length / 2] ^= 1;
        Files.write(file(), broken);

        Vault reopened = VaultFixtures.vault(file());
        assertEquals(VaultFixtures.publicData(), reopened.readPublic());
        assertTrue(reopened.recoveryNote().orElseThrow().contains("restored the previous version"));
        assertArrayEquals(good, Files.readAllBytes(file()));
        try (var aside = Files.list(dir)) {
            assertTrue(aside.anyMatch(p -> p.getFileName().toString().startsWith("vault.hearth.damaged-")), "damaged file kept");
        }
        try (UnlockedVault unlocked = reopened.unlock("pw".toCharArray())) {
            assertTrue(VaultFixtures.sameSecrets(VaultFixtures.secrets(), unlocked.secrets()));
        }
    }

    @Test
    void aMissingVaultIsRestoredFromItsBackupAndWithoutEitherItIsAClearError() throws Exception {
        Vault vault = VaultFixtures.vault(file());
        VaultException none = assertThrows(VaultException.class, vault::readPublic);
        assertTrue(none.getMessage().contains("no vault"), none.getMessage());
        vault.create("pw".toCharArray(), VaultFixtures.secrets(), VaultFixtures.publicData()).close();
        Files.move(file(), AtomicVaultWriter.backup(file()));
        assertTrue(vault.exists());
        try (UnlockedVault unlocked = vault.unlock("pw".toCharArray())) {
            assertEquals(VaultFixtures.publicData(), unlocked.publicData());
        }
        assertTrue(vault.recoveryNote().orElseThrow().contains("missing"));
        assertTrue(Files.exists(file()));
        assertFalse(Files.exists(dir.resolve("vault.hearth.tmp")));
    }
}
