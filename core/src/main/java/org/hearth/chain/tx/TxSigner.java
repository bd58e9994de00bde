package org.hearth.chain.tx;

import org.web3j.crypto.RawTransaction;

/** Something that holds a key and signs transactions for one address (a hot key now; hardware later). */
public interface TxSigner {

    /** The checksummed address whose key this is. */
    String address();

    /** The signed, RLP-encoded transaction ready for {@code eth_sendRawTransaction}. */
    byte[] sign(RawTransaction transaction, long chainId);
}
