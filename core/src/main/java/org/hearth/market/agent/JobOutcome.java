package org.hearth.market.agent;

/**
 * How a job this provider looked at ended, or where it stands. Stored by name in {@code provider_jobs};
 * {@code hearth provider status --json} prints the names in lower case.
 */
public enum JobOutcome {
    /** Claimed, running or submitted: no verdict yet. */
    PENDING,
    /** Paid: accepted by the requester, finalized after the review window, or a dispute resolved for the provider. */
    PAID,
    /** The requester disputed the result; the DAO has not resolved it yet. */
    DISPUTED,
    /** The DAO resolved a dispute against the provider and slashed its bond. */
    SLASHED,
    /** The exec window passed without a result: part of the bond went to the requester. */
    EXPIRED,
    /** Claimed but could not be run or submitted (the reason says why). */
    FAILED,
    /** Not claimed: its manifest or inputs were refused (malformed, oversize, bytes not matching their id...). */
    REFUSED;

    public boolean isFinal() {
        return this != PENDING && this != DISPUTED;
    }
}
