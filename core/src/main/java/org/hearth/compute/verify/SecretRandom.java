package org.hearth.compute.verify;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * Where the checks draw what the checked party must not predict (Freivalds' vectors, the pixels to
 * re-render): the JDK's NIST SP 800-90A DRBG (Hash_DRBG over SHA-256, seeded and reseeded from the
 * system's entropy), one shared thread-safe instance. Several times faster per byte than the default
 * NativePRNG, which mixes every read of /dev/urandom through SHA1PRNG, and nothing to set up per check
 * (a new default SecureRandom cost a render check a fifth of its time).
 */
final class SecretRandom {

    private static final SecureRandom SHARED = create();

    private SecretRandom() {
    }

    static SecureRandom shared() {
        return SHARED;
    }

    private static SecureRandom create() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            return new SecureRandom();
        }
    }
}
