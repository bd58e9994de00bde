package org.hearth.wallet.sign;

import org.hearth.chain.Addresses;
import org.hearth.wallet.WalletException;

/**
 * Whether a signature was made by an address: the key is recovered from the signature and the
 * signed digest, then compared with the claimed address. The CLI's {@code wallet verify} and the
 * Verify tab both use it.
 *
 * @param claimed   the address the user says signed, EIP-55 checksummed
 * @param recovered the address whose key made the signature, EIP-55 checksummed
 */
public record SignatureCheck(String claimed, String recovered) {

    public boolean valid() {
        return claimed.equalsIgnoreCase(recovered);
    }

    /** A personal_sign (EIP-191) signature over the exact message bytes. */
    public static SignatureCheck ofMessage(byte[] message, String signatureHex, String claimed) {
        String address = checkedAddress(claimed);
        return new SignatureCheck(address, MessageSigner.recover(message, Signature.parse(signatureHex)));
    }

    /** An eth_signTypedData_v4 (EIP-712) signature over parsed typed data. */
    public static SignatureCheck ofTypedData(TypedData data, String signatureHex, String claimed) {
        String address = checkedAddress(claimed);
        return new SignatureCheck(address, data.recover(Signature.parse(signatureHex)));
    }

    private static String checkedAddress(String claimed) {
        String address = claimed == null ? "" : claimed.strip();
        if (!Addresses.isValid(address)) {
            throw new WalletException("address.invalid", new Object[] {address}, null);
        }
        return Addresses.checksummed(address);
    }
}
