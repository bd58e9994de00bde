package org.hearth.nft;

import java.math.BigInteger;

/** ERC-1155's {@code {id}}: the token id as 64 lowercase hex characters, no 0x. */
public final class TokenIds {

    private TokenIds() {
    }

    public static String hex64(BigInteger id) {
        if (id.signum() < 0 || id.bitLength() > 256) {
            throw new IllegalArgumentException("a token id is a uint256");
        }
        String hex = id.toString(16);
        return "0".repeat(64 - hex.length()) + hex;
    }

    /** {@code text} with every {@code {id}} replaced by {@link #hex64}. */
    public static String substitute(String text, BigInteger id) {
        return text == null ? null : text.replace("{id}", hex64(id));
    }
}
