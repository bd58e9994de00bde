package org.hearth.wallet.vault;

/** The file is an intact vault in a format this build does not know (made by a newer Hearth). */
public final class VaultVersionException extends VaultException {
    public VaultVersionException(int version) {
        super("The vault file uses format version " + version
                + ", which this version of Hearth cannot read; update Hearth to open it");
    }
}
