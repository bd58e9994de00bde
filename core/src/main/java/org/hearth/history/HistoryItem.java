package org.hearth.history;

import java.math.BigInteger;
import org.hearth.chain.tx.TxKind;
import org.hearth.chain.tx.TxStatus;

/**
 * One line of an account's history: a transaction it sent, or ether it received. {@code block} is
 * null while pending; {@code fee} is what a sent transaction paid (null while pending or received); {@code nonce}
 * is the sender's nonce of a sent transaction (a speed-up or cancel shares it with the one it replaces; null when received).
 */
public record HistoryItem(Direction direction, String hash, String counterparty, BigInteger value, TxStatus status,
                          TxKind kind, Long block, BigInteger fee, Long nonce) {

    public enum Direction { SENT, RECEIVED }
}
