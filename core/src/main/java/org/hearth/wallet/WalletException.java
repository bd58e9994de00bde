package org.hearth.wallet;

import org.hearth.problem.HearthException;

/**
 * A wallet input or operation that cannot go on. Messages never carry a secret (no mnemonic word,
 * key, password or passphrase): callers may show or log them as they are.
 */
public class WalletException extends HearthException {

    public WalletException(String key, Object[] args, Throwable cause) {
        super(key, cause, args);
    }

    /** A failure said in English only (the key {@code wallet.failed} carries the text as data). */
    public WalletException(String message) {
        this(message, (Throwable) null);
    }

    public WalletException(String message, Throwable cause) {
        super("wallet.failed", cause, message);
    }
}
