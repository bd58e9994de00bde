package org.hearth.wallet.vault;

/**
 * Something went wrong with the vault; the message is meant for people. Messages never contain a
 * password or a secret.
 */
public class VaultException extends RuntimeException {
    public VaultException(String message) {
        super(message);
    }

    public VaultException(String message, Throwable cause) {
        super(message, cause);
    }
}
