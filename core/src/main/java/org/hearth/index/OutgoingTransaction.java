package org.hearth.index;

import java.math.BigInteger;

/**
 * A mined transaction a watched address sent, as the chain shows it. {@code recipient} is null for a
 * contract creation; {@code fee} is what it paid (gas used × effective gas price), failed or not.
 */
public record OutgoingTransaction(String txHash, long blockNumber, String sender, String recipient, long nonce,
                                  BigInteger value, BigInteger fee, boolean succeeded) {
}
