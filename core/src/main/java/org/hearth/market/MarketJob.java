package org.hearth.market;

import java.math.BigInteger;

/**
 * A job as ComputeMarket holds it now ({@code job(id)}). {@code deadline} is the exec deadline while
 * claimed, the review deadline while submitted, the resolve deadline while disputed (unix seconds).
 * {@code provider} is the claimant's address (null while open).
 */
public record MarketJob(BigInteger id, String requester, int kind, JobState state, long claimDeadline, long termsId,
                        BigInteger price, long deadline, long execWindow, long providerId, String provider) {

    public boolean exists() {
        return state != JobState.NONE;
    }
}
