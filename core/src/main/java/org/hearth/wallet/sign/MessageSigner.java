package org.hearth.wallet.sign;

import java.nio.charset.StandardCharsets;
import java.security.SignatureException;
import org.hearth.wallet.WalletException;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;

/**
 * personal_sign (EIP-191 version 0x45): signs keccak256("\x19Ethereum Signed Message:\n" + length + message),
 * so a signed message can never be a valid transaction.
 */
public final class MessageSigner {

    private MessageSigner() {
    }

    public static Signature sign(byte[] message, ECKeyPair key) {
        return Signature.of(Sign.signPrefixedMessage(message, key));
    }

    public static Signature sign(String utf8Message, ECKeyPair key) {
        return sign(utf8Message.getBytes(StandardCharsets.UTF_8), key);
    }

    /** The EIP-191 digest that is actually signed. */
    public static byte[] digest(byte[] message) {
        return Sign.getEthereumMessageHash(message);
    }

    /** The checksummed address whose key made the signature over this message. */
    public static String recover(byte[] message, Signature signature) {
        return recoverFromDigest(digest(message), signature);
    }

    /** True when the signature over the message was made by the address (compared case-insensitively). */
    public static boolean verify(byte[] message, Signature signature, String address) {
        return recover(message, signature).equalsIgnoreCase(address);
    }

    static String recoverFromDigest(byte[] digest, Signature signature) {
        try {
            return Keys.toChecksumAddress(Keys.getAddress(Sign.signedMessageHashToKey(digest, signature.toSignatureData())));
        } catch (SignatureException | IllegalArgumentException e) {
            throw new WalletException("signature.noKey", new Object[0], null);
        }
    }
}
