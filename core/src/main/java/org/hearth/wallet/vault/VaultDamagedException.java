package org.hearth.wallet.vault;

/**
 * The vault file is not intact: it fails a checksum, its structure is wrong, its parameters are
 * out of bounds, or its encrypted part fails authentication. It names the damaged part so a person
 * (or support) knows what happened; no secret is ever returned from a damaged file.
 */
public final class VaultDamagedException extends VaultException {

    /** The part of the file found damaged. */
    public enum Part {
        FILE("the file as a whole"),
        HEADER("header"),
        ACCOUNTS("accounts list"),
        SECRETS("encrypted secrets");

        private final String words;

        Part(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    private final Part part;

    public VaultDamagedException(Part part, String detail) {
        super("The vault file is damaged (" + part.words() + "): " + detail);
        this.part = part;
    }

    public VaultDamagedException(Part part, String detail, Throwable cause) {
        super("The vault file is damaged (" + part.words() + "): " + detail, cause);
        this.part = part;
    }

    public Part part() {
        return part;
    }
}
