package org.hearth.wallet.vault;

/** The vault was locked (by the user or by auto-lock); unlock it again to use its secrets. */
public final class VaultLockedException extends VaultException {
    public VaultLockedException() {
        super("The vault is locked; enter the password to unlock it");
    }
}
