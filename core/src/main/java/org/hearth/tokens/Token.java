package org.hearth.tokens;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;

/**
 * An ERC-20 token on one chain: its address (lower-case), name and symbol as read on chain (cleaned
 * untrusted text, see {@link TokenText}), decimals (0 to 255), where Hearth learnt of it, and whether
 * the user hid it.
 */
public record Token(long chainId, String address, String name, String symbol, int decimals, Source source, boolean hidden) {

    /** DEMO: the demo world's; USER: added by address; DISCOVERED: found in the account's Transfer logs; LISTED: from an imported token list. */
    public enum Source { DEMO, USER, DISCOVERED, LISTED }

    public Token {
        address = address.toLowerCase(Locale.ROOT);
        if (decimals < 0 || decimals > TokenMetadata.MAX_DECIMALS) {
            throw new IllegalArgumentException("decimals out of range: " + decimals);
        }
    }

    public Token withHidden(boolean hide) {
        return new Token(chainId, address, name, symbol, decimals, source, hide);
    }

    /** {@code units} in whole tokens, exact: {@code 1234500} with 6 decimals is {@code "1.2345"}. */
    public static String format(BigInteger units, int decimals) {
        BigDecimal v = new BigDecimal(units, decimals).stripTrailingZeros();
        return v.signum() == 0 ? "0" : v.toPlainString();
    }
}
