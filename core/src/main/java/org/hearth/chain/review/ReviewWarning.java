package org.hearth.chain.review;

import java.util.List;

/**
 * Something the user should weigh before signing, as a message key and its arguments (the app words
 * it from its bundle). Later checks (first send to an address, look-alike addresses) add keys here.
 */
public record ReviewWarning(String key, List<String> args) {

    /** The data's selector is in no shipped ABI and not in the signature table. Args: the selector. */
    public static final String UNKNOWN_CALL = "review.warning.unknownCall";
    /** The call goes to an address without code, so the data does nothing there. Args: the address. */
    public static final String NO_CODE = "review.warning.noCode";
    /** An approval of the largest possible amount: the spender can take every token, now and later. Args: token symbol, spender. */
    public static final String UNLIMITED_APPROVAL = "review.warning.unlimitedApproval";
    /** The function is known but its arguments could not be decoded. Args: the function's signature. */
    public static final String ARGUMENTS_NOT_DECODED = "review.warning.argumentsNotDecoded";

    public ReviewWarning {
        args = List.copyOf(args);
    }

    public static ReviewWarning of(String key, String... args) {
        return new ReviewWarning(key, List.of(args));
    }
}
