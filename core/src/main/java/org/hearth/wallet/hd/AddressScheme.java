package org.hearth.wallet.hd;

import java.util.OptionalInt;

/** The three Ethereum path families wallets use; {@code i} is the account index. */
public enum AddressScheme {
    /** MetaMask, ethers, Trezor, anvil: m/44'/60'/0'/0/i. */
    BIP44("m/44'/60'/0'/0/{i}", "m/44'/60'/0'/0"),
    /** Ledger Live: m/44'/60'/i'/0/0. */
    LEDGER_LIVE("m/44'/60'/{i}'/0/0", "m/44'/60'"),
    /** Legacy Ledger / MyEtherWallet: m/44'/60'/0'/i. */
    LEGACY("m/44'/60'/0'/{i}", "m/44'/60'/0'");

    private final String template;
    private final DerivationPath parent;

    AddressScheme(String template, String parent) {
        this.template = template;
        this.parent = DerivationPath.parse(parent);
    }

    /** The path template, with {i} for the account index. */
    public String template() {
        return template;
    }

    /** The deepest level shared by every account: derived once, then each account below it. */
    public DerivationPath parent() {
        return parent;
    }

    public DerivationPath path(int index) {
        DerivationPath.checkIndex(index);
        return switch (this) {
            case BIP44, LEGACY -> parent.child(index, false);
            case LEDGER_LIVE -> parent.child(index, true).child(0, false).child(0, false);
        };
    }

    /** The account index when {@code path} is one of this scheme's paths. */
    public OptionalInt indexOf(DerivationPath path) {
        int[] segments = path.segments();
        int varying = this == LEDGER_LIVE ? 2 : parent.depth();
        if (segments.length <= varying) {
            return OptionalInt.empty();
        }
        int index = segments[varying] & ~DerivationPath.HARDENED;
        return path(index).equals(path) ? OptionalInt.of(index) : OptionalInt.empty();
    }
}
