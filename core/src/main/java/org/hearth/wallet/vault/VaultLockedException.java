package org.hearth.wallet.vault;

/** The vault was locked (by the user or by auto-lock); unlock it again to use its secrets. */
public final class VaultLockedException extends VaultException {
    public VaultLockedException() {
        super("vault.locked", new Object[0], null);
    }
}
