package org.hearth.chain.tx;

/** Why a transaction was sent. */
public enum TxKind {
    SEND,
    /** Same nonce and payload as an earlier one, with higher fees. */
    SPEED_UP,
    /** Same nonce as an earlier one: a zero-value transfer to oneself with higher fees. */
    CANCEL
}
