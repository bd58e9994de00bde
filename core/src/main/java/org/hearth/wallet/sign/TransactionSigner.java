package org.hearth.wallet.sign;

import org.web3j.crypto.Credentials;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;

/** Signs transactions with EIP-155 replay protection (legacy) or as typed envelopes (EIP-1559 and later). */
public final class TransactionSigner {

    private TransactionSigner() {
    }

    /** The signed, RLP-encoded transaction, ready for eth_sendRawTransaction. */
    public static byte[] sign(RawTransaction transaction, long chainId, ECKeyPair key) {
        if (chainId <= 0) {
            throw new IllegalArgumentException("A chain id is positive; got " + chainId);
        }
        return TransactionEncoder.signMessage(transaction, chainId, Credentials.create(key));
    }
}
