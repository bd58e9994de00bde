package org.hearth.wallet.keystore;

import org.hearth.wallet.keystore.KeystoreException.Reason;

/**
 * Upper bounds on the key-derivation work a keystore file may ask for. A hostile file with, say,
 * scrypt n = 2^30 would need 128 GiB and hours; such a file is refused before any work starts.
 * The bounds are 8 to 32 times what geth, MetaMask and ethers write, so real keystores pass.
 */
final class KdfLimits {

    /** scrypt memory 128 * n * r bytes: 256 MiB (geth's standard) at most. */
    static final long MAX_SCRYPT_MEMORY = 256L << 20;
    /** scrypt work n * r * p: 8 times geth's standard (2^18 * 8 * 1). */
    static final long MAX_SCRYPT_WORK = 1L << 24;
    /** PBKDF2 rounds: 32 times the 262144 that geth and the Web3 Secret Storage example use. */
    static final long MAX_PBKDF2_ROUNDS = 1L << 23;

    private KdfLimits() {
    }

    static void checkScrypt(long n, long r, long p) {
        if (n < 2 || (n & (n - 1)) != 0 || r < 1 || p < 1) {
            throw new KeystoreException(Reason.MALFORMED,
                    "The keystore's scrypt parameters are invalid (n=" + n + ", r=" + r + ", p=" + p
                            + "): n must be a power of two above 1, r and p at least 1.");
        }
        boolean tooBig = n > Integer.MAX_VALUE || r > Integer.MAX_VALUE || p > Integer.MAX_VALUE;
        if (tooBig || n * r > MAX_SCRYPT_MEMORY / 128 || n * r * p > MAX_SCRYPT_WORK) {
            throw new KeystoreException(Reason.KDF_LIMITS,
                    "The keystore asks for too much scrypt work (n=" + n + ", r=" + r + ", p=" + p
                            + "); Hearth refuses more than 256 MiB or n*r*p above 2^24, to protect this machine.");
        }
    }

    static void checkPbkdf2(long rounds) {
        if (rounds < 1) {
            throw new KeystoreException(Reason.MALFORMED, "The keystore's PBKDF2 round count must be at least 1, not " + rounds + ".");
        }
        if (rounds > MAX_PBKDF2_ROUNDS) {
            throw new KeystoreException(Reason.KDF_LIMITS, "The keystore asks for " + rounds
                    + " PBKDF2 rounds; Hearth refuses more than 2^23 (8388608), to protect this machine.");
        }
    }
}
