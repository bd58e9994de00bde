package org.hearth.tokens;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;

/**
 * An ERC-20 token on one chain: its address (lower-case), name and symbol as read on chain (cleaned
 * untrusted text, see {@link TokenText}), decimals (0 to 255), where Hearth learnt of it, and whether
 * the user hid it; {@code spamReason}: the key of the spam rule that hid it (null: none).
 */
public record Token(long chainId, String address, String name, String symbol, int decimals, Source source, boolean hidden,
                    String spamReason) {

    /** DEMO: the demo world's; USER: added by address; DISCOVERED: found in the account's Transfer logs; LISTED: from an imported token list. */
    public enum Source { DEMO, USER, DISCOVERED, LISTED }

    public Token {
        address = address.toLowerCase(Locale.ROOT);
        if (decimals < 0 || decimals > TokenMetadata.MAX_DECIMALS) {
            throw new IllegalArgumentException("decimals out of range: " + decimals);
        }
    }

    /** A token no spam rule hid. */
    public Token(long chainId, String address, String name, String symbol, int decimals, Source source, boolean hidden) {
        this(chainId, address, name, symbol, decimals, source, hidden, null);
    }

    /** Hidden by the spam rule {@code reason} (a problems.properties key). */
    public Token asSpam(String reason) {
        return new Token(chainId, address, name, symbol, decimals, source, true, reason);
    }

    /** {@code units} in whole tokens, exact: {@code 1234500} with 6 decimals is {@code "1.2345"}. */
    public static String format(BigInteger units, int decimals) {
        BigDecimal v = new BigDecimal(units, decimals).stripTrailingZeros();
        return v.signum() == 0 ? "0" : v.toPlainString();
    }
}
