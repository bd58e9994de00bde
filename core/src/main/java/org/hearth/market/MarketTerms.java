package org.hearth.market;

import java.math.BigInteger;

/** One set of market parameters ({@code terms(id)}); a job keeps the set in force when it was posted. Windows in seconds. */
public record MarketTerms(long feeBps, BigInteger bond, long reviewWindow, long resolveWindow, BigInteger minStake) {
}
