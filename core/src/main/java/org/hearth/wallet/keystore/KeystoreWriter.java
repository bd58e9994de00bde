package org.hearth.wallet.keystore;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.UUID;
import org.hearth.wallet.hd.HdKeyring;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

/**
 * Writes Keystore V3 JSON with scrypt, as geth and MetaMask do, so any wallet can import it. The
 * password is hashed in its NFKC form, as ethers.js does (see {@link KeystoreV3} for why).
 */
public final class KeystoreWriter {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int DKLEN = 32;

    private KeystoreWriter() {
    }

    /** The keystore JSON for the key, encrypted under the NFKC form of the password with the given scrypt cost. */
    public static String encrypt(ECKeyPair keyPair, String password, ScryptParams params, SecureRandom random) {
        byte[] passwordBytes = KeystoreV3.nfkc(password).getBytes(StandardCharsets.UTF_8);
        try {
            return encrypt(keyPair, passwordBytes, params, random);
        } finally {
            Arrays.fill(passwordBytes, (byte) 0);
        }
    }

    /** The same with the password's bytes as given (tests use it to write files the way geth does). */
    static String encrypt(ECKeyPair keyPair, byte[] passwordBytes, ScryptParams params, SecureRandom random) {
        byte[] salt = new byte[32];
        byte[] iv = new byte[16];
        random.nextBytes(salt);
        random.nextBytes(iv);
        byte[] derived = new KdfSpec.Scrypt(salt, params.n(), params.r(), params.p(), DKLEN).derive(passwordBytes);
        byte[] key = Numeric.toBytesPadded(keyPair.getPrivateKey(), 32);
        try {
            byte[] ciphertext = KeystoreV3.aesCtr(Arrays.copyOfRange(derived, 0, 16), iv, key);
            byte[] mac = Hash.sha3(KeystoreV3.concat(Arrays.copyOfRange(derived, 16, 32), ciphertext));
            HexFormat hex = HexFormat.of();

            ObjectNode root = JSON.createObjectNode();
            root.put("address", HdKeyring.address(keyPair).substring(2).toLowerCase(java.util.Locale.ROOT));
            ObjectNode crypto = root.putObject("crypto");
            crypto.put("cipher", "aes-128-ctr");
            crypto.put("ciphertext", hex.formatHex(ciphertext));
            crypto.putObject("cipherparams").put("iv", hex.formatHex(iv));
            crypto.put("kdf", "scrypt");
            ObjectNode kdf = crypto.putObject("kdfparams");
            kdf.put("dklen", DKLEN);
            kdf.put("n", params.n());
            kdf.put("p", params.p());
            kdf.put("r", params.r());
            kdf.put("salt", hex.formatHex(salt));
            crypto.put("mac", hex.formatHex(mac));
            root.put("id", randomUuid(random).toString());
            root.put("version", 3);
            return root.toPrettyString();
        } finally {
            Arrays.fill(key, (byte) 0);
            Arrays.fill(derived, (byte) 0);
        }
    }

    private static UUID randomUuid(SecureRandom random) {
        byte[] b = new byte[16];
        random.nextBytes(b);
        b[6] = (byte) ((b[6] & 0x0f) | 0x40); // version 4
        b[8] = (byte) ((b[8] & 0x3f) | 0x80); // IETF variant
        long hi = 0;
        long lo = 0;
        for (int i = 0; i < 8; i++) {
            hi = (hi << 8) | (b[i] & 0xff);
            lo = (lo << 8) | (b[i + 8] & 0xff);
        }
        return new UUID(hi, lo);
    }
}
