package org.hearth.wallet.vault;

/**
 * The vault file is not intact: it fails a checksum, its structure is wrong, its parameters are
 * out of bounds, or its encrypted part fails authentication. It names the damaged part so a person
 * (or support) knows what happened; no secret is ever returned from a damaged file.
 */
public final class VaultDamagedException extends VaultException {

    /** The part of the file found damaged. */
    public enum Part {
        FILE, HEADER, ACCOUNTS, SECRETS
    }

    private final Part part;

    public VaultDamagedException(Part part, String detail) {
        this(part, detail, null);
    }

    public VaultDamagedException(Part part, String detail, Throwable cause) {
        super("vault.damaged." + part.name().toLowerCase(java.util.Locale.ROOT), new Object[] {detail}, cause);
        this.part = part;
    }

    public Part part() {
        return part;
    }
}
