package org.hearth.wallet.vault;

/** The password does not open the vault. Each failure makes the next attempt wait longer. */
public final class WrongPasswordException extends VaultException {
    public WrongPasswordException() {
        super("Wrong password");
    }
}
