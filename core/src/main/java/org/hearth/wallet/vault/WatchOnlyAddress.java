package org.hearth.wallet.vault;

/** An address the user watches without holding its key. */
public record WatchOnlyAddress(String address, String label, boolean hidden) {

    public WatchOnlyAddress {
        VaultAccount.requireAddress(address);
        label = VaultAccount.checkLabel(label);
    }

    public WatchOnlyAddress withLabel(String newLabel) {
        return new WatchOnlyAddress(address, newLabel, hidden);
    }

    public WatchOnlyAddress withHidden(boolean newHidden) {
        return new WatchOnlyAddress(address, label, newHidden);
    }
}
