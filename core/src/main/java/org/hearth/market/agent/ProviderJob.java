package org.hearth.market.agent;

import java.math.BigInteger;

/**
 * One market job as this provider holds it ({@code provider_jobs}): what it is, where it stands
 * ({@link Stage}), and its outcome with the reason in plain words. {@code paid}: what the provider was
 * credited (price - fee), null unless paid; {@code resultCid}: the result blob once published.
 */
public record ProviderJob(String market, long id, String provider, int kind, String spec, String specUrl, BigInteger price,
                          long execDeadline, Stage stage, String resultCid, JobOutcome outcome, String reason, BigInteger paid,
                          long claimedAtMillis, long updatedAtMillis) {

    /** Where the provider's own work on the job stands. */
    public enum Stage {
        /** Not claimed (refused before claiming). */
        SEEN,
        /** Claimed on chain, inputs in the local blob store: to run (again, after a restart). */
        CLAIMED,
        /** The result is on chain; waiting for the requester, the review window, or the DAO. */
        SUBMITTED,
        /** Nothing more for the provider to do. */
        DONE
    }
}
