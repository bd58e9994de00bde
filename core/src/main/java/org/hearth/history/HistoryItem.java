package org.hearth.history;

import java.math.BigInteger;
import org.hearth.chain.tx.TxKind;
import org.hearth.chain.tx.TxStatus;

/**
 * One line of an account's history: a transaction it sent, ether it received in a transaction, or
 * ether a contract paid it during a transaction. {@code block} is null while pending; {@code fee} is
 * what a sent transaction paid (null while pending or received). {@code counterparty} is the
 * recipient of a send (null when it created a contract), the sender of a transfer, or the paying contract.
 * {@code nonce} is the sender's nonce of a sent transaction (a speed-up or cancel shares it with the one
 * it replaces; null when received).
 */
public record HistoryItem(Direction direction, String hash, String counterparty, BigInteger value, TxStatus status,
                          TxKind kind, Long block, BigInteger fee, Long nonce) {

    public enum Direction {
        SENT,
        /** The transaction itself carried the ether to the account. */
        RECEIVED,
        /** A contract sent the ether during a transaction (an internal transfer: a refund, a payout). */
        RECEIVED_FROM_CONTRACT
    }

    public boolean isReceived() {
        return direction != Direction.SENT;
    }

    /** Whether {@code value} left or reached the account: only mined, successful transactions move it. */
    public boolean valueMoved() {
        return status == TxStatus.CONFIRMED;
    }

    /**
     * What this line did to the account's balance, in wei: the value received; for a send, minus the
     * fee and (when it succeeded) the value, which comes straight back on a send to oneself.
     * {@code selfAddress} is the account whose history this is.
     */
    public BigInteger balanceChange(String selfAddress) {
        if (isReceived()) {
            return valueMoved() ? value : BigInteger.ZERO;
        }
        BigInteger change = fee == null ? BigInteger.ZERO : fee.negate();
        boolean toSelf = counterparty != null && counterparty.equalsIgnoreCase(selfAddress);
        return valueMoved() && !toSelf ? change.subtract(value) : change;
    }
}
