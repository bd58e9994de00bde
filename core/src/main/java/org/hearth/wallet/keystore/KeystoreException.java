package org.hearth.wallet.keystore;

import org.hearth.wallet.WalletException;

/** A Keystore V3 file that cannot be opened; {@link #reason()} tells the cases apart. */
public final class KeystoreException extends WalletException {

    public enum Reason {
        /** Bigger than {@link KeystoreV3#MAX_FILE_BYTES}. */
        TOO_LARGE,
        /** Not JSON, or JSON without the fields a V3 keystore has. */
        MALFORMED,
        /** A version, cipher, KDF or PRF Hearth does not read. */
        UNSUPPORTED,
        /** KDF parameters so costly they look like a denial-of-service attempt. */
        KDF_LIMITS,
        /** The MAC does not match: the password is wrong or the ciphertext was altered. */
        WRONG_PASSWORD,
        /** The MAC matched but the key does not fit the file's address: the file was altered. */
        ADDRESS_MISMATCH,
        /** The file could not be read. */
        IO
    }

    private final Reason reason;

    public KeystoreException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public KeystoreException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
