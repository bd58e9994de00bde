package org.hearth.wallet;

import java.security.SecureRandom;
import org.hearth.wallet.keystore.KeystoreWriter;
import org.hearth.wallet.keystore.ScryptParams;
import org.hearth.wallet.vault.UnlockedVault;
import org.web3j.crypto.ECKeyPair;
import org.web3j.utils.Numeric;

/**
 * Exports an account's key, each time behind a fresh password check even though the vault is
 * already open: someone at an unlocked, unattended computer must not walk away with keys.
 */
public final class KeyExport {

    private final WalletService wallet;

    public KeyExport(WalletService wallet) {
        this.wallet = wallet;
    }

    /** The raw private key as 0x-prefixed hex. */
    public String privateKeyHex(UnlockedVault open, String address, char[] passwordAgain) {
        confirm(passwordAgain);
        return Numeric.toHexStringWithPrefixZeroPadded(wallet.keyPair(open, address).getPrivateKey(), 64);
    }

    /** A Keystore V3 (scrypt, standard parameters) JSON document protected by {@code keystorePassword}. */
    public String keystore(UnlockedVault open, String address, char[] passwordAgain, String keystorePassword) {
        if (keystorePassword == null || keystorePassword.length() < 8) {
            throw new IllegalArgumentException("Choose a keystore password of at least 8 characters");
        }
        confirm(passwordAgain);
        ECKeyPair key = wallet.keyPair(open, address);
        return KeystoreWriter.encrypt(key, keystorePassword, ScryptParams.STANDARD, new SecureRandom());
    }

    private void confirm(char[] password) {
        wallet.vault().unlock(password).close();
    }
}
