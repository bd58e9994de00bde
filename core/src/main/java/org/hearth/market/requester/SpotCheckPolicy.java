package org.hearth.market.requester;

import java.security.SecureRandom;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Which results a requester verifies, per provider, in the manner of BOINC's adaptive replication: a
 * provider is checked every time until {@code trustAfter} results in a row have passed; after that a
 * share {@code trustAfter / streak} of its results is checked, never less than {@code minRate}. One
 * result that fails sets the streak to zero, so the provider is checked every time again.
 *
 * <p>Why it holds against a cheater: the draw comes from a {@link SecureRandom} after the result is in,
 * so a provider cannot tell which results will be checked. A trusted provider that returns wrong work
 * is caught on each such result with probability at least {@code minRate} × the check's detection
 * rate, loses its bond through the dispute, and starts over untrusted.
 */
public final class SpotCheckPolicy {

    public static final int DEFAULT_TRUST_AFTER = 10;
    public static final double DEFAULT_MIN_RATE = 0.1;

    private final int trustAfter;
    private final double minRate;
    private final RandomGenerator random;

    /** The market default: 10 good results before sampling, then at least one in ten checked. */
    public static SpotCheckPolicy standard() {
        return new SpotCheckPolicy(DEFAULT_TRUST_AFTER, DEFAULT_MIN_RATE, new SecureRandom());
    }

    /** Reproducible draws, for tests only. */
    public static SpotCheckPolicy seeded(int trustAfter, double minRate, long seed) {
        return new SpotCheckPolicy(trustAfter, minRate, new SplittableRandom(seed));
    }

    public SpotCheckPolicy(int trustAfter, double minRate, RandomGenerator random) {
        if (trustAfter < 1 || !(minRate > 0 && minRate <= 1)) {
            throw new IllegalArgumentException("trustAfter must be ≥ 1 and minRate in (0, 1]");
        }
        this.trustAfter = trustAfter;
        this.minRate = minRate;
        this.random = random;
    }

    /** The share of this provider's results that is checked now (1 for new or recently wrong providers). */
    public double checkRate(ProviderTrust trust) {
        if (trust.validStreak() < trustAfter) {
            return 1.0;
        }
        return Math.max(minRate, (double) trustAfter / trust.validStreak());
    }

    /** Draws whether to verify the next result of this provider. */
    public boolean shouldCheck(ProviderTrust trust) {
        double rate = checkRate(trust);
        return rate >= 1.0 || random.nextDouble() < rate;
    }

    public int trustAfter() {
        return trustAfter;
    }

    public double minRate() {
        return minRate;
    }
}
