package org.hearth.market.requester;

import java.math.BigInteger;
import org.hearth.compute.blob.Cid;

/**
 * How a posted job ended for the requester. {@code result} is the verified (or, when sampled out,
 * well-formed) result blob when accepted, the rejected one when disputed; {@code evidence} and
 * {@code proposalId} are set for a dispute ({@code proposalId} null when no proposal could be made,
 * with the reason in {@code note}). {@code timing}: what the review cost (zeros when none was reviewed).
 */
public record JobOutcome(BigInteger jobId, Status status, String provider, Verdict verdict, byte[] result, Cid evidence,
                         BigInteger proposalId, String note, Timing timing) {

    /**
     * @param fetchNanos      fetching the result blob (HTTP and its hash check), wall time
     * @param verifyNanos     checking it (reading the inputs, the verifier), wall time
     * @param verifyCpuNanos  the same, as CPU time of the reviewing thread
     */
    public record Timing(long fetchNanos, long verifyNanos, long verifyCpuNanos) {
        public static final Timing NONE = new Timing(0, 0, 0);
    }

    /** Wall time spent checking the result (0 when none was reviewed). */
    public long verifyNanos() {
        return timing.verifyNanos();
    }

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
        return new JobOutcome(jobId, status, null, null, null, null, null, note, Timing.NONE);
    }
}
