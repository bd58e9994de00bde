package org.hearth.compute.verify;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * Where the checks draw what the checked party must not predict (Freivalds' vectors, the pixels to
 * re-render): the JDK's NIST SP 800-90A DRBG (Hash_DRBG over SHA-256, seeded and reseeded from the
 * system's entropy), one shared thread-safe instance. Several times faster per byte than the default
 * NativePRNG, which mixes every read of /dev/urandom through SHA1PRNG, and nothing to set up per check
 * (a new default SecureRandom cost a render check a fifth of its time).
 *
 * <p>A check that needs many values draws only a seed here, for a generator of its own ({@link #freshGenerator}).
 */
final class SecretRandom {

    private static final SecureRandom SHARED = create();

    private SecretRandom() {
    }

    static SecureRandom shared() {
        return SHARED;
    }

    private static final RandomGeneratorFactory<RandomGenerator> LXM = RandomGeneratorFactory.of("L64X256MixRandom");

    /**
     * A generator for one check, seeded with 320 bits from the DRBG: an LXM generator (L64X256MixRandom,
     * statistically strong, a few nanoseconds a value). Its outputs are not cryptographic (enough of them
     * reveal its state), which costs nothing here: each check seeds its own from the DRBG, the values are
     * drawn after the checked result is committed, and none of them is shown to the party checked before
     * its result is judged, so nothing it sees predicts another check's values. The DRBG alone spent a
     * tenth of a millisecond and more on the 10 KiB of a 512×512 check while its hash was not yet compiled.
     */
    static RandomGenerator freshGenerator() {
        byte[] seed = new byte[40];
        SHARED.nextBytes(seed);
        return LXM.create(seed);
    }

    private static SecureRandom create() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            return new SecureRandom();
        }
    }
}
