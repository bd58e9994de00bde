package org.hearth.chain.review;

/**
 * One argument of the decoded call, as the review shows it: name (empty when the signature came
 * from the table), Solidity type, plain value (see {@link org.hearth.chain.abi.AbiValue}), and for
 * a token amount the amount with the token's decimals and symbol (null otherwise).
 */
public record ReviewArgument(String name, String type, Object value, TokenAmount tokenAmount) {

    public boolean isAddress() {
        return type.equals("address") && value instanceof String;
    }
}
