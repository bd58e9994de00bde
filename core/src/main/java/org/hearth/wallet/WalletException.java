package org.hearth.wallet;

/**
 * A wallet input or operation that cannot go on. Messages are for people and never carry a secret
 * (no mnemonic word, key, password or passphrase): callers may show or log them as they are.
 */
public class WalletException extends RuntimeException {

    public WalletException(String message) {
        super(message);
    }

    public WalletException(String message, Throwable cause) {
        super(message, cause);
    }
}
