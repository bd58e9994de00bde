package org.hearth.chain.review;

import java.util.List;

/**
 * One argument of the decoded call, as the review shows it: name (empty when the signature came
 * from the table), Solidity type, plain value (see {@link org.hearth.chain.abi.AbiValue}), for
 * a token amount the amount with the token's decimals and symbol (null otherwise), and for
 * {@code bytes} or {@code bytes[]} that are themselves known calls (a proposal's actions, a
 * timelock's payload, a multicall's batch) those calls decoded.
 */
public record ReviewArgument(String name, String type, Object value, TokenAmount tokenAmount, List<DecodedCall> innerCalls) {

    public ReviewArgument {
        innerCalls = List.copyOf(innerCalls);
    }

    public boolean isAddress() {
        return type.equals("address") && value instanceof String;
    }
}
