package org.hearth.app.review;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/** Gas prices as a number of gwei with up to 3 decimals, rounded down, for fee labels (the unit comes from the bundle). */
final class Gwei {

    private Gwei() {
    }

    static String format(BigInteger wei) {
        return new BigDecimal(wei, 9).setScale(3, RoundingMode.DOWN).stripTrailingZeros().toPlainString();
    }
}
