package org.hearth.index;

import java.math.BigInteger;

/** An ERC-20 Transfer event: {@code value} in the token's smallest unit; addresses lower case. */
public record Erc20Transfer(String token, long blockNumber, String txHash, int logIndex, String sender, String recipient,
                            BigInteger value) {
}
