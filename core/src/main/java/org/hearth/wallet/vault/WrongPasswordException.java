package org.hearth.wallet.vault;

import java.time.Duration;

/** The password does not open the vault. Each failure makes the next attempt wait longer. */
public final class WrongPasswordException extends VaultException {

    private final Duration nextDelay;

    public WrongPasswordException(Duration nextDelay) {
        super("vault.wrongPassword", new Object[0], null);
        this.nextDelay = nextDelay;
    }

    /** How long the next attempt will wait, so a screen can say so. */
    public Duration nextDelay() {
        return nextDelay;
    }
}
