package org.hearth.wallet.vault;

/** The file is an intact vault in a format this build does not know (made by a newer Hearth). */
public final class VaultVersionException extends VaultException {
    public VaultVersionException(int version) {
        super("vault.newerVersion", new Object[] {version}, null);
    }
}
