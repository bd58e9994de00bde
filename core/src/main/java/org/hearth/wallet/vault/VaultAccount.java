package org.hearth.wallet.vault;

import java.util.regex.Pattern;

/**
 * A derived or imported account as listed in the vault's public section: enough to show it without
 * the password and without deriving keys again.
 *
 * @param address  0x-prefixed address (as the wallet computed it, usually EIP-55 checksummed)
 * @param label    the name the user sees
 * @param path     BIP-32 path such as {@code m/44'/60'/0'/0/3}, or null for an imported raw key
 * @param index    the account number shown to the user (the varying index of the path; 0 for raw keys)
 * @param sourceId id of the {@link VaultSecret} the account comes from
 * @param hidden   hidden from the account list (kept, so it can be shown again)
 */
public record VaultAccount(String address, String label, String path, int index, String sourceId, boolean hidden) {

    static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");
    private static final Pattern PATH = Pattern.compile("m(/[0-9]{1,10}'?){0,10}");
    private static final Pattern SOURCE = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    static final int MAX_LABEL = 100;

    public VaultAccount {
        requireAddress(address);
        label = checkLabel(label);
        if (path != null && !PATH.matcher(path).matches()) {
            throw new IllegalArgumentException("Not a derivation path: " + path);
        }
        if (index < 0) {
            throw new IllegalArgumentException("An account index cannot be negative");
        }
        if (sourceId == null || !SOURCE.matcher(sourceId).matches()) {
            throw new IllegalArgumentException("An account needs the id of the secret it comes from");
        }
    }

    public VaultAccount withLabel(String newLabel) {
        return new VaultAccount(address, newLabel, path, index, sourceId, hidden);
    }

    public VaultAccount withHidden(boolean newHidden) {
        return new VaultAccount(address, label, path, index, sourceId, newHidden);
    }

    static void requireAddress(String address) {
        if (address == null || !ADDRESS.matcher(address).matches()) {
            throw new IllegalArgumentException("Not an address: " + address);
        }
    }

    static String checkLabel(String label) {
        String value = label == null ? "" : label.strip();
        if (value.length() > MAX_LABEL || value.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("A label has at most " + MAX_LABEL + " characters and no control characters");
        }
        return value;
    }
}
