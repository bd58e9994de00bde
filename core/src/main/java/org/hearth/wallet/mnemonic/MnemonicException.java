package org.hearth.wallet.mnemonic;

import org.hearth.wallet.WalletException;

/** A mnemonic that is not valid BIP-39. The message names the problem and position, never a word. */
public final class MnemonicException extends WalletException {

    /** What is wrong, so that a screen can highlight it. */
    public enum Problem { EMPTY, WORD_COUNT, UNKNOWN_WORD, CHECKSUM }

    private final Problem problem;
    private final int position;

    MnemonicException(Problem problem, int position, String message) {
        super(message);
        this.problem = problem;
        this.position = position;
    }

    public Problem problem() {
        return problem;
    }

    /** 1-based position of the offending word for {@link Problem#UNKNOWN_WORD}, else 0. */
    public int position() {
        return position;
    }
}
