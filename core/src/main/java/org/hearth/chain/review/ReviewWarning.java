package org.hearth.chain.review;

import java.util.List;

/**
 * Something the user should weigh before signing, as a message key and its arguments (the app words
 * it from its bundle). A {@link #isDanger() danger} warning must be acknowledged before the app signs.
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

    /** The first send from this account to the recipient (no earlier send in its history). Args: the recipient. */
    public static final String FIRST_SEND = "review.warning.firstSend";
    /**
     * An address whose first and last 4 hex characters match an address in the account's history but which is
     * not it (address poisoning). Args: the address in this transaction, the one in the history.
     */
    public static final String LOOK_ALIKE = "review.warning.lookAlike";
    /** A token sent to the token's own contract, where it is lost. Args: the token's symbol. */
    public static final String TO_TOKEN_CONTRACT = "review.warning.toTokenContract";
    /** An approval to a spender without code, where a contract is expected. Args: the spender. */
    public static final String SPENDER_NO_CODE = "review.warning.spenderNoCode";
    /** A token sent to a contract, which may have no way to move it on. Args: the recipient. */
    public static final String RECIPIENT_IS_CONTRACT = "review.warning.recipientIsContract";

    /** Warnings that can lose the funds at stake: the user acknowledges each before signing. */
    private static final java.util.Set<String> DANGER = java.util.Set.of(NO_CODE, UNLIMITED_APPROVAL, LOOK_ALIKE, TO_TOKEN_CONTRACT,
            SPENDER_NO_CODE);

    public ReviewWarning {
        args = List.copyOf(args);
    }

    public boolean isDanger() {
        return DANGER.contains(key);
    }

    public static ReviewWarning of(String key, String... args) {
        return new ReviewWarning(key, List.of(args));
    }
}
