package org.hearth.chain.review;

import java.math.BigInteger;

/** An amount of a token in its base units, with the token's decimals and symbol, as the token reports them. */
public record TokenAmount(BigInteger units, int decimals, String symbol) {

    /** 2^256 - 1: the "infinite" approval that wallets and dapps ask for. */
    public static final BigInteger MAX_UINT256 = BigInteger.TWO.pow(256).subtract(BigInteger.ONE);

    public boolean isUnlimited() {
        return units.equals(MAX_UINT256);
    }
}
