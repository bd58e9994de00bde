package org.hearth.wallet.hd;

import org.web3j.crypto.ECKeyPair;

/** A key pair derived at a path, with its EIP-55 checksummed address. The key is secret; toString leaves it out. */
public record DerivedKey(DerivationPath path, ECKeyPair keyPair, String address) {

    @Override
    public String toString() {
        return "DerivedKey[" + path + " " + address + "]";
    }
}
