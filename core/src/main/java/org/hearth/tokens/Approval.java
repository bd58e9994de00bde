package org.hearth.tokens;

import java.math.BigInteger;
import java.util.List;

/**
 * One approval an account has granted and that still stands on chain: an ERC-20 allowance
 * ({@code allowance} is its current value) or an ERC-721/1155 operator approval ({@code allowance}
 * null). {@code symbol} and {@code decimals} are the token's as read on chain ("" and 0 when it does
 * not say); {@code spenderName}: the spender's name in the contract registry, "" when unknown.
 * {@code risks}: {@value #UNLIMITED}, {@value #NO_CODE}, {@value #UNKNOWN_SPENDER}.
 */
public record Approval(String token, Standard standard, String symbol, int decimals, String spender, String spenderName,
                       BigInteger allowance, List<String> risks) {

    public enum Standard {
        ERC20, ERC721, ERC1155;

        /** As the CLI prints it: {@code erc20}, {@code erc721}, {@code erc1155}. */
        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** An allowance so large it is never used up (2^96 - 1 and up: the "infinite" of uint256 and uint96 tokens). */
    public static final String UNLIMITED = "unlimited";
    /** The spender has no code: a person or nothing, where approvals normally go to contracts. */
    public static final String NO_CODE = "no-code";
    /** The spender is in neither the contract registry nor the address book. */
    public static final String UNKNOWN_SPENDER = "unknown-spender";

    public static final BigInteger UNLIMITED_FROM = BigInteger.TWO.pow(96).subtract(BigInteger.ONE);

    public Approval {
        risks = List.copyOf(risks);
    }

    public boolean isOperator() {
        return allowance == null;
    }
}
