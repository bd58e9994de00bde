package org.hearth.chain;

import java.util.regex.Pattern;
import org.web3j.crypto.Keys;

/** Ethereum address checks: 20 bytes of hex; a mixed-case address must carry a valid EIP-55 checksum. */
public final class Addresses {

    private static final Pattern HEX_ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");

    private Addresses() {
    }

    public static boolean isValid(String address) {
        if (address == null || !HEX_ADDRESS.matcher(address).matches()) {
            return false;
        }
        String body = address.substring(2);
        boolean mixedCase = !body.equals(body.toLowerCase()) && !body.equals(body.toUpperCase());
        return !mixedCase || Keys.toChecksumAddress(address).equals(address);
    }

    public static String checksummed(String address) {
        return Keys.toChecksumAddress(address);
    }
}
