package org.hearth.nft;

import java.math.BigInteger;

/**
 * A token an account holds now (confirmed on chain): {@code amount} is 1 for ERC-721 and the balance
 * for ERC-1155; {@code collection} is the contract's {@code name()} or null; {@code spam}: a spam rule
 * hides it (and the user has not unhidden it).
 */
public record OwnedNft(String contract, BigInteger tokenId, NftStandard standard, BigInteger amount, String collection,
                       boolean hidden, boolean spam) {

    public OwnedNft withSpam(boolean isSpam) {
        return new OwnedNft(contract, tokenId, standard, amount, collection, hidden, isSpam);
    }
}
