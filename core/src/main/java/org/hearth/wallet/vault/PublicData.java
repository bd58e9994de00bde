package org.hearth.wallet.vault;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The vault's public section, stored in the clear so the wallet lists its accounts without the
 * password: derived/imported accounts and watch-only addresses. Immutable; the {@code with...}
 * methods return changed copies. Addresses are unique (compared without case).
 */
public record PublicData(List<VaultAccount> accounts, List<WatchOnlyAddress> watchOnly) {

    public static final PublicData EMPTY = new PublicData(List.of(), List.of());
    static final int MAX_ENTRIES = 10_000;

    public PublicData {
        accounts = accounts == null ? List.of() : List.copyOf(accounts);
        watchOnly = watchOnly == null ? List.of() : List.copyOf(watchOnly);
        if (accounts.size() + watchOnly.size() > MAX_ENTRIES) {
            throw new IllegalArgumentException("A vault lists at most " + MAX_ENTRIES + " addresses");
        }
        Set<String> seen = new HashSet<>();
        for (VaultAccount account : accounts) {
            requireNew(seen, account.address());
        }
        for (WatchOnlyAddress watched : watchOnly) {
            requireNew(seen, watched.address());
        }
    }

    public PublicData withAccount(VaultAccount account) {
        List<VaultAccount> list = new ArrayList<>(accounts);
        list.add(account);
        return new PublicData(list, watchOnly);
    }

    public PublicData withWatchOnly(WatchOnlyAddress address) {
        List<WatchOnlyAddress> list = new ArrayList<>(watchOnly);
        list.add(address);
        return new PublicData(accounts, list);
    }

    /** Renames the account or watch-only address with this address. */
    public PublicData withLabel(String address, String label) {
        return map(address, a -> a.withLabel(label), w -> w.withLabel(label));
    }

    /** Hides or shows the account or watch-only address with this address. */
    public PublicData withHidden(String address, boolean hidden) {
        return map(address, a -> a.withHidden(hidden), w -> w.withHidden(hidden));
    }

    public PublicData withoutAddress(String address) {
        String key = address.toLowerCase(Locale.ROOT);
        return new PublicData(
                accounts.stream().filter(a -> !a.address().toLowerCase(Locale.ROOT).equals(key)).toList(),
                watchOnly.stream().filter(w -> !w.address().toLowerCase(Locale.ROOT).equals(key)).toList());
    }

    /** Drops every account that comes from this secret (used when the secret is removed). */
    public PublicData withoutSource(String sourceId) {
        return new PublicData(accounts.stream().filter(a -> !a.sourceId().equals(sourceId)).toList(), watchOnly);
    }

    private PublicData map(String address, UnaryOperator<VaultAccount> onAccount, UnaryOperator<WatchOnlyAddress> onWatched) {
        String key = address.toLowerCase(Locale.ROOT);
        boolean[] found = {false};
        List<VaultAccount> newAccounts = accounts.stream().map(a -> {
            if (!a.address().toLowerCase(Locale.ROOT).equals(key)) {
                return a;
            }
            found[0] = true;
            return onAccount.apply(a);
        }).toList();
        List<WatchOnlyAddress> newWatched = watchOnly.stream().map(w -> {
            if (!w.address().toLowerCase(Locale.ROOT).equals(key)) {
                return w;
            }
            found[0] = true;
            return onWatched.apply(w);
        }).toList();
        if (!found[0]) {
            throw new IllegalArgumentException("No account or watched address " + address + " in this vault");
        }
        return new PublicData(newAccounts, newWatched);
    }

    private static void requireNew(Set<String> seen, String address) {
        if (!seen.add(address.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("Address " + address + " is listed twice");
        }
    }
}
