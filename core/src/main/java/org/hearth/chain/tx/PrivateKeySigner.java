package org.hearth.chain.tx;

import org.web3j.crypto.Credentials;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;

/** Signs with a key held in memory (from the unlocked vault). Its toString never shows the key. */
public final class PrivateKeySigner implements TxSigner {

    private final Credentials credentials;

    public PrivateKeySigner(ECKeyPair keyPair) {
        this.credentials = Credentials.create(keyPair);
    }

    @Override
    public String address() {
        return Keys.toChecksumAddress(credentials.getAddress());
    }

    @Override
    public byte[] sign(RawTransaction transaction, long chainId) {
        // EIP-1559 transactions carry the chain id inside the payload; signMessage covers it (EIP-155 replay protection).
        return TransactionEncoder.signMessage(transaction, chainId, credentials);
    }

    @Override
    public String toString() {
        return "PrivateKeySigner[" + address() + "]";
    }
}
