package org.hearth.index;

import java.math.BigInteger;

/** Ether received by one of the wallet's addresses in a top-level transaction. */
public record IncomingTransfer(String txHash, long blockNumber, String sender, String recipient, BigInteger value) {
}
