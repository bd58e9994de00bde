package org.hearth.wallet.keystore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.hearth.wallet.PrivateKeys;
import org.hearth.wallet.Vectors;
import org.hearth.wallet.hd.HdKeyring;
import org.hearth.wallet.keystore.KeystoreException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.ECKeyPair;
import org.web3j.utils.Numeric;

/** The Web3 Secret Storage examples, and every way a keystore file can be wrong. */
class KeystoreV3Test {

    private static final String PASSWORD = "testpassword";
    private static final String SECRET = "0x7a28b5ba57c53603b0b07b56bba752f7784bf506fa95edc395f5cf6c7514fe9d";
    private static final String ADDRESS = "0x008AeEda4D805471dF9b2A5B0f38A0C3bCBA786b";
    private static final String PBKDF2 = Vectors.text("keystore-v3-pbkdf2.json");
    private static final String SCRYPT = Vectors.text("keystore-v3-scrypt.json");

    private static String secret(ECKeyPair key) {
        return Numeric.toHexStringWithPrefixZeroPadded(key.getPrivateKey(), 64);
    }

    private static Reason failure(String json, String password) {
        return assertThrows(KeystoreException.class, () -> KeystoreV3.decrypt(json, password)).reason();
    }

    @Test
    void decryptsThePbkdf2Example() {
        ECKeyPair key = KeystoreV3.decrypt(PBKDF2, PASSWORD);
        assertEquals(SECRET, secret(key));
        assertEquals(ADDRESS, HdKeyring.address(key));
    }

    @Test
    void decryptsTheScryptExample() {
        assertEquals(SECRET, secret(KeystoreV3.decrypt(SCRYPT, PASSWORD)));
        assertEquals("scrypt", KeystoreV3.summary(SCRYPT).kdf());
    }

    @Test
    void readsTheCapitalisedCryptoKeyAndAnAddressField() {
        String old = PBKDF2.replace("\"crypto\"", "\"Crypto\"").replace("\"version\"", "\"address\" : \"008aeeda4d805471df9b2a5b0f38a0c3bcba786b\",\n  \"version\"");
        assertEquals(SECRET, secret(KeystoreV3.decrypt(old, PASSWORD)));
        assertEquals(ADDRESS.toLowerCase(), KeystoreV3.summary(old).address());
    }

    @Test
    void wrongPasswordIsAMacError() {
        KeystoreException e = assertThrows(KeystoreException.class, () -> KeystoreV3.decrypt(PBKDF2, "testpassword2"));
        assertEquals(Reason.WRONG_PASSWORD, e.reason());
        assertEquals("Wrong password, or the keystore file was altered (MAC mismatch).", e.getMessage());
        assertFalse(e.getMessage().contains("testpassword2"));
    }

    @Test
    void flippedCiphertextByteIsAMacError() {
        String tampered = PBKDF2.replace("5318b4d5bcd2", "5318b4d5bcd3");
        assertEquals(Reason.WRONG_PASSWORD, failure(tampered, PASSWORD));
    }

    @Test
    void alteredAddressIsCaught() {
        String wrongAddress = PBKDF2.replace("\"version\"", "\"address\" : \"f39fd6e51aad88f6f4ce6ab8827279cfffb92266\",\n  \"version\"");
        KeystoreException e = assertThrows(KeystoreException.class, () -> KeystoreV3.decrypt(wrongAddress, PASSWORD));
        assertEquals(Reason.ADDRESS_MISMATCH, e.reason());
        assertTrue(e.getMessage().contains("the file was altered"), e.getMessage());
    }

    @Test
    void malformedFilesAreNamed() {
        assertEquals(Reason.MALFORMED, failure(PBKDF2.substring(0, 200), PASSWORD));
        assertEquals(Reason.MALFORMED, failure("[]", PASSWORD));
        assertEquals(Reason.MALFORMED, failure(PBKDF2.replace("\"mac\"", "\"nac\""), PASSWORD));
        assertEquals(Reason.MALFORMED, failure(PBKDF2.replace("6087dab2f9fdbbfaddc31a909735c1e6", "6087dab2f9fdbbfaddc31a909735c1"), PASSWORD));
        assertEquals(Reason.MALFORMED, failure(PBKDF2.replace("\"c\" : 262144", "\"c\" : \"lots\""), PASSWORD));
        assertEquals(Reason.UNSUPPORTED, failure(PBKDF2.replace("\"version\" : 3", "\"version\" : 1"), PASSWORD));
        assertEquals(Reason.UNSUPPORTED, failure(PBKDF2.replace("aes-128-ctr", "aes-128-cbc"), PASSWORD));
        assertEquals(Reason.UNSUPPORTED, failure(PBKDF2.replace("hmac-sha256", "hmac-sha1"), PASSWORD));
        assertEquals(Reason.UNSUPPORTED, failure(SCRYPT.replace("\"scrypt\"", "\"argon2\""), PASSWORD));
        assertEquals(Reason.MALFORMED, failure(SCRYPT.replace("\"n\" : 262144", "\"n\" : 1000"), PASSWORD), "n must be a power of two");
    }

    @Test
    void absurdKdfCostIsRefusedBeforeAnyWork() {
        KeystoreException e = assertThrows(KeystoreException.class,
                () -> KeystoreV3.decrypt(SCRYPT.replace("\"n\" : 262144", "\"n\" : 1073741824"), PASSWORD));
        assertEquals(Reason.KDF_LIMITS, e.reason());
        assertTrue(e.getMessage().contains("n=1073741824"), e.getMessage());
        assertEquals(Reason.KDF_LIMITS, failure(SCRYPT.replace("\"p\" : 8", "\"p\" : 100000"), PASSWORD));
        assertEquals(Reason.KDF_LIMITS, failure(SCRYPT.replace("\"r\" : 1", "\"r\" : 4096"), PASSWORD));
        assertEquals(Reason.KDF_LIMITS, failure(SCRYPT.replace("\"p\" : 8", "\"p\" : 123456789012345678901234567890"), PASSWORD));
        assertEquals(Reason.KDF_LIMITS, failure(PBKDF2.replace("\"c\" : 262144", "\"c\" : 4000000000"), PASSWORD));
    }

    @Test
    void oversizeFileIsRefused(@TempDir Path dir) throws Exception {
        Path big = dir.resolve("big.json");
        Files.writeString(big, PBKDF2 + " ".repeat(1 << 20));
        KeystoreException e = assertThrows(KeystoreException.class, () -> KeystoreV3.readFile(big));
        assertEquals(Reason.TOO_LARGE, e.reason());
        Path fine = dir.resolve("fine.json");
        Files.writeString(fine, PBKDF2);
        assertEquals(PBKDF2, KeystoreV3.readFile(fine));
        assertEquals(Reason.IO, assertThrows(KeystoreException.class, () -> KeystoreV3.readFile(dir.resolve("absent.json"))).reason());
    }

    @Test
    void exportedKeystoresOpenAgain() {
        ECKeyPair key = PrivateKeys.parse(SECRET);
        SecureRandom random = new SecureRandom();
        String light = KeystoreWriter.encrypt(key, "pässwörd", ScryptParams.LIGHT, random);
        assertEquals(SECRET, secret(KeystoreV3.decrypt(light, "pässwörd")));
        assertEquals(Reason.WRONG_PASSWORD, failure(light, "passwörd"));
        assertEquals(ADDRESS.toLowerCase(), KeystoreV3.summary(light).address());

        String standard = KeystoreWriter.encrypt(key, PASSWORD, ScryptParams.STANDARD, random);
        assertTrue(standard.contains("\"n\" : 262144") && standard.contains("\"r\" : 8") && standard.contains("\"p\" : 1"), standard);
        assertEquals(SECRET, secret(KeystoreV3.decrypt(standard, PASSWORD)));
        assertFalse(standard.contains(SECRET.substring(2)), "the key never appears in the clear");
    }
}
