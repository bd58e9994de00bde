package org.hearth.wallet;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.hearth.wallet.hd.AddressScheme;
import org.hearth.wallet.hd.DerivationPath;
import org.hearth.wallet.hd.DerivationPathException;
import org.hearth.wallet.vault.PublicData;
import org.hearth.wallet.vault.VaultAccount;

/**
 * Paths for new accounts of a recovery phrase, decided from the vault's public listing alone (no keys):
 * the next free path of a scheme, and the checks on a path the user types.
 */
public final class AccountPaths {

    private AccountPaths() {
    }

    /**
     * The scheme most of the phrase's accounts follow (what create or restore chose); on a tie the first
     * in {@link AddressScheme} order, since Ledger Live's index 0 is also the standard index 0. BIP-44
     * when no account follows any scheme.
     */
    public static AddressScheme schemeOf(PublicData listing, String sourceId) {
        List<DerivationPath> paths = listing.accounts().stream()
                .filter(a -> a.sourceId().equals(sourceId) && a.path() != null)
                .map(a -> DerivationPath.parse(a.path())).toList();
        AddressScheme best = AddressScheme.BIP44;
        long bestCount = 0;
        for (AddressScheme scheme : AddressScheme.values()) {
            long count = paths.stream().filter(p -> scheme.indexOf(p).isPresent()).count();
            if (count > bestCount) {
                best = scheme;
                bestCount = count;
            }
        }
        return best;
    }

    /** The scheme's path with the lowest index that is not yet an account of the phrase. */
    public static DerivationPath nextFree(PublicData listing, String sourceId, AddressScheme scheme) {
        for (int index = 0; ; index++) {
            DerivationPath path = scheme.path(index);
            if (accountAt(listing, sourceId, path).isEmpty()) {
                return path;
            }
        }
    }

    /**
     * Parses a typed path for a new account of the phrase {@code sourceId}.
     *
     * @throws DerivationPathException with a message for the user: bad syntax, index out of range, too deep,
     *                                 the master key itself, or a path that is already an account
     */
    public static DerivationPath checkNew(PublicData listing, String sourceId, String typed) {
        DerivationPath path = DerivationPath.parse(typed);
        if (path.depth() == 0) {
            throw new DerivationPathException("\"m\" is the master key itself; an account path goes at least one level "
                    + "below it (like m/44'/60'/0'/0/0).");
        }
        Optional<VaultAccount> taken = accountAt(listing, sourceId, path);
        if (taken.isPresent()) {
            throw new DerivationPathException(path + " is already an account of this wallet (" + taken.get().label() + ").");
        }
        return path;
    }

    /** Refuses an address the wallet already lists (another phrase's account, an imported key, a watched address). */
    public static void checkNewAddress(PublicData listing, String address) {
        listing.accounts().stream().filter(a -> a.address().equalsIgnoreCase(address)).findFirst().ifPresent(a -> {
            throw new IllegalArgumentException("This wallet already has " + address + " (" + a.label() + ").");
        });
        listing.watchOnly().stream().filter(w -> w.address().equalsIgnoreCase(address)).findFirst().ifPresent(w -> {
            throw new IllegalArgumentException("This wallet already watches " + address + " (" + w.label() + ").");
        });
    }

    /** The number shown for an account at {@code path}: its scheme index, else the path's last index. */
    public static int indexOf(DerivationPath path) {
        for (AddressScheme scheme : AddressScheme.values()) {
            OptionalInt index = scheme.indexOf(path);
            if (index.isPresent()) {
                return index.getAsInt();
            }
        }
        return path.last() & ~DerivationPath.HARDENED;
    }

    private static Optional<VaultAccount> accountAt(PublicData listing, String sourceId, DerivationPath path) {
        return listing.accounts().stream()
                .filter(a -> a.sourceId().equals(sourceId) && a.path() != null && DerivationPath.parse(a.path()).equals(path))
                .findFirst();
    }
}
