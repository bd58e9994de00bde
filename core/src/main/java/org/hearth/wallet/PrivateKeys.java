package org.hearth.wallet;

import java.math.BigInteger;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Sign;

/** Raw private keys as people paste them: 64 hex digits, with or without 0x. Errors never echo the key. */
public final class PrivateKeys {

    private PrivateKeys() {
    }

    public static ECKeyPair parse(String text) {
        String body = text == null ? "" : text.strip();
        if (body.startsWith("0x") || body.startsWith("0X")) {
            body = body.substring(2);
        }
        if (body.length() != 64) {
            throw new WalletException("wallet.key.length", new Object[] {body.length()}, null);
        }
        if (!body.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new WalletException("wallet.key.notHex", new Object[0], null);
        }
        BigInteger key = new BigInteger(body, 16);
        if (key.signum() == 0 || key.compareTo(Sign.CURVE_PARAMS.getN()) >= 0) {
            throw new WalletException("wallet.key.range", new Object[0], null);
        }
        return ECKeyPair.create(key);
    }
}
