package org.hearth.index;

import java.math.BigInteger;

/**
 * Ether a contract sent during a transaction (a CALL with value or a SELFDESTRUCT payout below the
 * top-level call), as recorded for a watched recipient. {@code tracePosition} is the frame's place in
 * the transaction's call tree (depth-first, the top call is 0), so a transaction that pays the same
 * address twice keeps both payments.
 */
public record InternalTransfer(String txHash, long blockNumber, int tracePosition, String sender, String recipient, BigInteger value) {
}
