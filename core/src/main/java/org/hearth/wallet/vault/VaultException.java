package org.hearth.wallet.vault;

import org.hearth.problem.HearthException;

/**
 * Something went wrong with the vault: a key ({@code vault.*}) and its arguments. Never a password
 * or a secret among them.
 */
public class VaultException extends HearthException {

    public VaultException(String key, Object[] args, Throwable cause) {
        super(key, cause, args);
    }

    /** A failure said in English only (the key {@code vault.failed} carries the text as data). */
    public VaultException(String message) {
        this(message, (Throwable) null);
    }

    public VaultException(String message, Throwable cause) {
        super("vault.failed", cause, message);
    }
}
