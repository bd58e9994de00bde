package org.hearth.wallet.keystore;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.hearth.wallet.hd.HdKeyring;
import org.hearth.wallet.keystore.KeystoreException.Reason;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Hash;
import org.web3j.crypto.Sign;

/**
 * Reads Web3 Secret Storage (Keystore V3) files: AES-128-CTR with a scrypt or PBKDF2-HMAC-SHA256 key,
 * MAC = keccak256(dk[16..32] || ciphertext). The file is untrusted input: size, JSON shape and KDF
 * cost are checked before any work, and every failure is a {@link KeystoreException} with a reason.
 * (web3j 5 moved its Wallet class into web3j-core, with the HTTP stack; this is the same format on
 * Bouncy Castle and the JDK, with the limits web3j lacks.)
 * <p>Passwords: the standard does not say how text becomes bytes. geth and ethereumjs (MetaMask) hash
 * the UTF-8 of the password as given; ethers.js (v5 and v6) hashes its NFKC form. So import tries the
 * password as typed and, if that fails and NFKC changes it, the NFKC form; {@link KeystoreWriter}
 * writes with NFKC, which opens in ethers whatever form is typed, and in geth or MetaMask when the
 * typed text is already NFKC (as composed text from ordinary keyboards is).
 */
public final class KeystoreV3 {

    public static final long MAX_FILE_BYTES = 1 << 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The public part of a keystore file: readable without the password. */
    public record Summary(String address, String kdf, String id) {
    }

    private KeystoreV3() {
    }

    /** Reads a keystore file, refusing files over 1 MiB before reading them whole. */
    public static String readFile(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes((int) MAX_FILE_BYTES + 1);
            if (bytes.length > MAX_FILE_BYTES) {
                throw new KeystoreException(Reason.TOO_LARGE, "The keystore file " + file.getFileName()
                        + " is larger than 1 MiB; a keystore is about 500 bytes, so this is not one.");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new KeystoreException(Reason.IO, "Cannot read the keystore file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Decrypts the key, with the password as given or else its NFKC form (see above). Wrong password and
     * altered ciphertext both show as a MAC mismatch.
     */
    public static ECKeyPair decrypt(String json, String password) {
        JsonNode root = parse(json);
        JsonNode crypto = cryptoSection(root);
        String cipher = text(crypto, "cipher");
        if (!cipher.equals("aes-128-ctr")) {
            throw new KeystoreException(Reason.UNSUPPORTED, "The keystore uses cipher \"" + cipher + "\"; Hearth reads aes-128-ctr.");
        }
        byte[] iv = hex(crypto.path("cipherparams"), "iv", 16, 16);
        byte[] ciphertext = hex(crypto, "ciphertext", 32, 32);
        byte[] mac = hex(crypto, "mac", 32, 32);
        KdfSpec kdf = KdfSpec.parse(crypto);
        byte[] derived = deriveMatching(kdf, password, ciphertext, mac);
        try {
            byte[] key = aesCtr(Arrays.copyOfRange(derived, 0, 16), iv, ciphertext);
            BigInteger secret = new BigInteger(1, key);
            Arrays.fill(key, (byte) 0);
            if (secret.signum() == 0 || secret.compareTo(Sign.CURVE_PARAMS.getN()) >= 0) {
                throw new KeystoreException(Reason.MALFORMED, "The keystore decrypts to a value that is not a secp256k1 private key.");
            }
            ECKeyPair keyPair = ECKeyPair.create(secret);
            checkAddress(root, keyPair);
            return keyPair;
        } finally {
            Arrays.fill(derived, (byte) 0);
        }
    }

    /** The derived key whose MAC matches, trying the password as given, then its NFKC form if that differs. */
    private static byte[] deriveMatching(KdfSpec kdf, String password, byte[] ciphertext, byte[] mac) {
        String nfkc = nfkc(password);
        for (String candidate : nfkc.equals(password) ? new String[] {password} : new String[] {password, nfkc}) {
            byte[] bytes = candidate.getBytes(StandardCharsets.UTF_8);
            byte[] derived = kdf.derive(bytes);
            Arrays.fill(bytes, (byte) 0);
            byte[] expectedMac = Hash.sha3(concat(Arrays.copyOfRange(derived, 16, 32), ciphertext));
            if (MessageDigest.isEqual(expectedMac, mac)) {
                return derived;
            }
            Arrays.fill(derived, (byte) 0);
        }
        throw new KeystoreException(Reason.WRONG_PASSWORD, "Wrong password, or the keystore file was altered (MAC mismatch).");
    }

    /** The NFKC form ethers.js hashes; {@link KeystoreWriter} writes with it. */
    static String nfkc(String password) {
        return Normalizer.normalize(password, Normalizer.Form.NFKC);
    }

    /** The address, KDF and id, without decrypting. The address may be absent (null): it is optional in V3. */
    public static Summary summary(String json) {
        JsonNode root = parse(json);
        JsonNode crypto = cryptoSection(root);
        String address = root.hasNonNull("address") ? normalizedAddress(root.get("address").asText()) : null;
        return new Summary(address, text(crypto, "kdf"), root.path("id").asText(null));
    }

    private static void checkAddress(JsonNode root, ECKeyPair keyPair) {
        if (!root.hasNonNull("address")) {
            return;
        }
        String stated = normalizedAddress(root.get("address").asText());
        String actual = HdKeyring.address(keyPair);
        if (!stated.equalsIgnoreCase(actual)) {
            throw new KeystoreException(Reason.ADDRESS_MISMATCH, "The keystore's address " + stated
                    + " does not belong to its key (" + actual + "): the file was altered.");
        }
    }

    private static String normalizedAddress(String address) {
        String body = address.startsWith("0x") || address.startsWith("0X") ? address.substring(2) : address;
        if (!body.matches("[0-9a-fA-F]{40}")) {
            throw new KeystoreException(Reason.MALFORMED, "The keystore's address field is not a 20-byte hex address.");
        }
        return "0x" + body.toLowerCase(Locale.ROOT);
    }

    static JsonNode parse(String json) {
        if (json.length() > MAX_FILE_BYTES) {
            throw new KeystoreException(Reason.TOO_LARGE, "The keystore is larger than 1 MiB; a keystore is about 500 bytes.");
        }
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new KeystoreException(Reason.MALFORMED, "The keystore is not valid JSON" + (e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")") + ".");
        }
        if (root == null || !root.isObject()) {
            throw new KeystoreException(Reason.MALFORMED, "The keystore is not a JSON object.");
        }
        JsonNode version = root.get("version");
        if (version == null || !version.canConvertToInt() || version.asInt() != 3) {
            throw new KeystoreException(Reason.UNSUPPORTED, "The keystore's version is "
                    + (version == null ? "missing" : version.toString()) + "; Hearth reads version 3 (Web3 Secret Storage).");
        }
        return root;
    }

    /** V3 says "crypto"; files written by old geth versions say "Crypto". */
    private static JsonNode cryptoSection(JsonNode root) {
        JsonNode crypto = root.has("crypto") ? root.get("crypto") : root.get("Crypto");
        if (crypto == null || !crypto.isObject()) {
            throw new KeystoreException(Reason.MALFORMED, "The keystore has no \"crypto\" section.");
        }
        return crypto;
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new KeystoreException(Reason.MALFORMED, "The keystore's \"" + field + "\" field is missing or not text.");
        }
        return value.asText();
    }

    static byte[] hex(JsonNode node, String field, int minBytes, int maxBytes) {
        String text = text(node, field);
        String body = text.startsWith("0x") ? text.substring(2) : text;
        byte[] bytes;
        try {
            bytes = HexFormat.of().parseHex(body);
        } catch (IllegalArgumentException e) {
            throw new KeystoreException(Reason.MALFORMED, "The keystore's \"" + field + "\" field is not hex.");
        }
        if (bytes.length < minBytes || bytes.length > maxBytes) {
            throw new KeystoreException(Reason.MALFORMED, "The keystore's \"" + field + "\" field has " + bytes.length
                    + " bytes; expected " + (minBytes == maxBytes ? String.valueOf(minBytes) : minBytes + " to " + maxBytes) + ".");
        }
        return bytes;
    }

    static byte[] aesCtr(byte[] key, byte[] iv, byte[] data) {
        try {
            Cipher cipher = Cipher.getInstance("AES/CTR/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
            return cipher.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-128-CTR is unavailable", e);
        }
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
