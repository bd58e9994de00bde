package org.hearth.market.agent;

import java.math.BigInteger;
import java.util.Map;

/**
 * What a provider account earned on one market, from its stored jobs: the sum credited for paid jobs
 * (wei of the market's token, price - fee each) and how many jobs ended each way.
 */
public record ProviderEarnings(BigInteger earned, Map<JobOutcome, Long> outcomes) {

    public ProviderEarnings {
        outcomes = Map.copyOf(outcomes);
    }

    public long count(JobOutcome outcome) {
        return outcomes.getOrDefault(outcome, 0L);
    }
}
