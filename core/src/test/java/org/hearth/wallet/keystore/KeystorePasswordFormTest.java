package org.hearth.wallet.keystore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import org.hearth.wallet.PrivateKeys;
import org.hearth.wallet.keystore.KeystoreException.Reason;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

/**
 * Non-ASCII keystore passwords: Hearth writes with the NFKC form (as ethers.js does) and reads files
 * keyed either way, so geth's raw-bytes files and ethers' NFKC files both import.
 */
class KeystorePasswordFormTest {

    private static final String SECRET = "0x7a28b5ba57c53603b0b07b56bba752f7784bf506fa95edc395f5cf6c7514fe9d";
    /** Decomposed accent, a ligature and full-width letters: NFKC changes all three. */
    private static final String TYPED = "cafe\u0301 \ufb01 \uff30\uff37";
    private static final String NFKC = "caf\u00e9 fi PW";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String secret(ECKeyPair key) {
        return Numeric.toHexStringWithPrefixZeroPadded(key.getPrivateKey(), 64);
    }

    @Test
    void anExportedKeystoreIsKeyedByTheNfkcFormAndOpensWhicheverFormIsTyped() throws Exception {
        String json = KeystoreWriter.encrypt(PrivateKeys.parse(SECRET), TYPED, ScryptParams.LIGHT, new SecureRandom());
        assertTrue(macMatches(json, NFKC.getBytes(StandardCharsets.UTF_8)), "written under the NFKC bytes, as ethers.js would");
        assertFalse(macMatches(json, TYPED.getBytes(StandardCharsets.UTF_8)));
        assertEquals(SECRET, secret(KeystoreV3.decrypt(json, TYPED)));
        assertEquals(SECRET, secret(KeystoreV3.decrypt(json, NFKC)));
        KeystoreException wrong = assertThrows(KeystoreException.class, () -> KeystoreV3.decrypt(json, "cafe fi PW"));
        assertEquals(Reason.WRONG_PASSWORD, wrong.reason());
        assertFalse(wrong.getMessage().contains("cafe"), wrong.getMessage());
    }

    @Test
    void aKeystoreKeyedByTheRawBytesAsGethWritesItOpensWithThePasswordAsTyped() {
        byte[] raw = TYPED.getBytes(StandardCharsets.UTF_8);
        String json = KeystoreWriter.encrypt(PrivateKeys.parse(SECRET), raw, ScryptParams.LIGHT, new SecureRandom());
        assertEquals(SECRET, secret(KeystoreV3.decrypt(json, TYPED)));
        // The NFKC form is a different byte string; such a file needs the exact form it was made with.
        assertEquals(Reason.WRONG_PASSWORD, assertThrows(KeystoreException.class, () -> KeystoreV3.decrypt(json, NFKC)).reason());
    }

    /** keccak256(dk[16..32] || ciphertext) == mac for these password bytes: which bytes the file was keyed by. */
    private static boolean macMatches(String json, byte[] password) throws Exception {
        JsonNode crypto = JSON.readTree(json).get("crypto");
        byte[] derived = KdfSpec.parse(crypto).derive(password);
        byte[] ciphertext = Numeric.hexStringToByteArray(crypto.get("ciphertext").asText());
        byte[] expected = Hash.sha3(KeystoreV3.concat(Arrays.copyOfRange(derived, 16, 32), ciphertext));
        return MessageDigest.isEqual(expected, Numeric.hexStringToByteArray(crypto.get("mac").asText()));
    }
}
