package org.hearth.chain.review;

/**
 * What the review learned about the contract a transaction calls: its token standard, and for an
 * ERC-20 its symbol and decimals (read on chain; the symbol is untrusted text, cleaned and capped).
 */
public record TokenInfo(Standard standard, String symbol, int decimals) {

    public enum Standard { NONE, ERC20, ERC721, ERC1155 }

    public static final TokenInfo NONE = new TokenInfo(Standard.NONE, "", 0);

    public boolean isErc20() {
        return standard == Standard.ERC20;
    }
}
