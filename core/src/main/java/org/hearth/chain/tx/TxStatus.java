package org.hearth.chain.tx;

/** Where a sent transaction stands. */
public enum TxStatus {
    PENDING,
    /** Mined with status 1. */
    CONFIRMED,
    /** Mined but reverted. */
    FAILED,
    /** Another transaction with the same nonce was mined instead (speed-up, cancel, or a send from elsewhere). */
    REPLACED;

    public boolean isFinal() {
        return this != PENDING;
    }
}
