package org.hearth.wallet.hd;

import java.nio.ByteBuffer;
import org.web3j.crypto.Bip32ECKeyPair;

/** BIP-32 serialisation of extended keys (xprv for private, xpub for public; mainnet version bytes). */
public final class ExtendedKeys {

    private static final int XPRV = 0x0488ADE4;
    private static final int XPUB = 0x0488B21E;

    private ExtendedKeys() {
    }

    /** The extended private key. Secret. */
    public static String xprv(Bip32ECKeyPair node) {
        return serialize(XPRV, node, node.getPrivateKeyBytes33());
    }

    /** The extended public key: lets a watch-only wallet derive this node's non-hardened children. */
    public static String xpub(Bip32ECKeyPair node) {
        return serialize(XPUB, node, node.getPublicKeyPoint().getEncoded(true));
    }

    private static String serialize(int version, Bip32ECKeyPair node, byte[] key) {
        ByteBuffer buffer = ByteBuffer.allocate(78);
        buffer.putInt(version);
        buffer.put((byte) node.getDepth());
        buffer.putInt(node.getParentFingerprint());
        buffer.putInt(node.getChildNumber());
        buffer.put(node.getChainCode());
        buffer.put(key);
        return Base58.encodeChecked(buffer.array());
    }
}
