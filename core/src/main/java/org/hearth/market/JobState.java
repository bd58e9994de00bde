package org.hearth.market;

/** A market job's state; the numbers are ComputeMarket's (DESIGN.md "Compute market": part of the external interface). */
public enum JobState {
    NONE, OPEN, CLAIMED, SUBMITTED, SETTLED, DISPUTED, RESOLVED, EXPIRED, CANCELLED;

    /** The on-chain number of this state. */
    public int code() {
        return ordinal();
    }

    public static JobState of(int code) {
        JobState[] all = values();
        if (code < 0 || code >= all.length) {
            throw new IllegalArgumentException("Not a market job state: " + code);
        }
        return all[code];
    }

    /** True once nothing more can happen to the job (settled, resolved, expired for good, cancelled). */
    public boolean isFinal() {
        return this == SETTLED || this == RESOLVED || this == EXPIRED || this == CANCELLED;
    }
}
