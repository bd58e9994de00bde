package org.hearth.tokens;

import java.math.BigInteger;
import org.hearth.problem.HearthException;

/**
 * One token's balance for an account: exact base units, or (balance null) the error that token's own
 * call gave; one token's error never hides the others'.
 */
public record TokenBalance(Token token, BigInteger balance, HearthException error) {

    public static TokenBalance ok(Token token, BigInteger balance) {
        return new TokenBalance(token, balance, null);
    }

    public static TokenBalance failed(Token token, HearthException error) {
        return new TokenBalance(token, null, error);
    }

    public boolean isOk() {
        return error == null;
    }

    /** The balance in whole tokens, exact (e.g. "1.2345"); "" when the call failed. */
    public String formatted() {
        return balance == null ? "" : Token.format(balance, token.decimals());
    }
}
