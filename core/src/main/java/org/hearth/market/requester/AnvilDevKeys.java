package org.hearth.market.requester;

import org.hearth.chain.tx.PrivateKeySigner;
import org.hearth.wallet.hd.AddressScheme;
import org.hearth.wallet.hd.HdKeyring;
import org.hearth.wallet.mnemonic.Mnemonic;

/**
 * The keys of anvil's dev accounts, derived from the public test mnemonic anvil uses by default
 * (BIP-44, m/44'/60'/0'/0/i). They guard nothing: every anvil chain has them. Only for local chains,
 * where the demo requester signs its own market calls through the pipeline like any requester.
 */
public final class AnvilDevKeys {

    private static final String MNEMONIC = "test test test test test test test test test test test junk";
    private static final HdKeyring KEYRING = HdKeyring.fromMnemonic(Mnemonic.parse(MNEMONIC), "");

    private AnvilDevKeys() {
    }

    public static PrivateKeySigner signer(int index) {
        return new PrivateKeySigner(KEYRING.derive(AddressScheme.BIP44, index).keyPair());
    }

    public static org.web3j.crypto.ECKeyPair keyPair(int index) {
        return KEYRING.derive(AddressScheme.BIP44, index).keyPair();
    }

    public static String address(int index) {
        return KEYRING.derive(AddressScheme.BIP44, index).address();
    }
}
