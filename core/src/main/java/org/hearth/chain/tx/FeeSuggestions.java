package org.hearth.chain.tx;

import java.math.BigInteger;
import java.util.Map;

/** The next block's base fee and one {@link Fees} per preset. */
public record FeeSuggestions(BigInteger nextBaseFee, Map<FeeLevel, Fees> levels) {

    public Fees get(FeeLevel level) {
        return levels.get(level);
    }
}
