package org.hearth.nft;

import java.math.BigInteger;

/** One NFT movement from a log (one of a batch's pairs: {@code subIndex}); {@code amount} is 1 for ERC-721. */
public record NftTransfer(String contract, long blockNumber, String txHash, int logIndex, int subIndex, NftStandard standard,
                          String operator, String from, String to, BigInteger tokenId, BigInteger amount) {
}
