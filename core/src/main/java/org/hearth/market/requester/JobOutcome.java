package org.hearth.market.requester;

import java.math.BigInteger;
import org.hearth.compute.blob.Cid;

/**
 * How a posted job ended for the requester. {@code result} is the verified (or, when sampled out,
 * well-formed) result blob when accepted, the rejected one when disputed; {@code evidence} and
 * {@code proposalId} are set for a dispute ({@code proposalId} null when no proposal could be made,
 * with the reason in {@code note}). {@code verifyNanos}: time spent checking the result (0 when none was reviewed).
 */
public record JobOutcome(BigInteger jobId, Status status, String provider, Verdict verdict, byte[] result, Cid evidence,
                         BigInteger proposalId, String note, long verifyNanos) {

    public enum Status {
        /** Verified (or sampled out and well-formed) and accepted: the provider is paid. */
        ACCEPTED,
        /** Found wrong: disputed with evidence, a proposal to resolve it opened. */
        DISPUTED,
        /** No result within the wait. */
        TIMED_OUT,
        /** The job left the market before its review (expired, cancelled, finalized), or was found wrong after the review window closed. */
        ENDED
    }

    static JobOutcome without(BigInteger jobId, Status status, String note) {
        return new JobOutcome(jobId, status, null, null, null, null, null, note, 0);
    }
}
