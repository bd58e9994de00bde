package org.hearth.wallet.hd;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/** Base58Check, the text form of BIP-32 extended keys. */
final class Base58 {

    private static final char[] ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz".toCharArray();
    private static final BigInteger BASE = BigInteger.valueOf(58);

    private Base58() {
    }

    /** Base58 of the payload followed by the first 4 bytes of its double SHA-256. */
    static String encodeChecked(byte[] payload) {
        byte[] hash = sha256(sha256(payload));
        byte[] data = Arrays.copyOf(payload, payload.length + 4);
        System.arraycopy(hash, 0, data, payload.length, 4);
        return encode(data);
    }

    static String encode(byte[] data) {
        StringBuilder sb = new StringBuilder();
        BigInteger value = new BigInteger(1, data);
        while (value.signum() > 0) {
            BigInteger[] qr = value.divideAndRemainder(BASE);
            sb.append(ALPHABET[qr[1].intValue()]);
            value = qr[0];
        }
        for (int i = 0; i < data.length && data[i] == 0; i++) {
            sb.append(ALPHABET[0]); // each leading zero byte is a leading '1'
        }
        return sb.reverse().toString();
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
