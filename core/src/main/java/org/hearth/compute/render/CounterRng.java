package org.hearth.compute.render;

/**
 * Philox-4x32-10 (Salmon et al., "Parallel random numbers: as easy as 1, 2, 3", SC'11): a counter-based
 * generator, so a sample's random numbers depend only on its key and counter, never on what ran
 * before. Every backend draws identical numbers for (seed, pixel, sample, dimension).
 *
 * <p>Portable to OpenCL C / CUDA as written: only 32-bit unsigned multiply (low and high halves; in
 * OpenCL {@code mul_hi}), xor and add. In Java the uint32 values live in {@code int}s and the high half
 * of the product comes from a 64-bit multiply of the zero-extended operands.
 *
 * <p>Key = (seed low 32 bits, seed high 32 bits); counter = (pixel index, sample index, dimension, 0).
 * Dimension 0 is the camera (sub-pixel jitter: words 0 and 1); dimension 1+b is bounce b (words 0..2
 * for the scattered direction).
 */
public final class CounterRng {

    private static final int M0 = 0xD2511F53;
    private static final int M1 = 0xCD9E8D57;
    private static final int W0 = 0x9E3779B9;
    private static final int W1 = 0xBB67AE85;

    private CounterRng() {
    }

    /** The four 32-bit words for this counter, written into {@code out[0..3]}. */
    public static void philox(long seed, int pixel, int sample, int dimension, int[] out) {
        int k0 = (int) seed;
        int k1 = (int) (seed >>> 32);
        int c0 = pixel;
        int c1 = sample;
        int c2 = dimension;
        int c3 = 0;
        for (int round = 0; round < 10; round++) {
            long p0 = (M0 & 0xFFFFFFFFL) * (c0 & 0xFFFFFFFFL);
            long p1 = (M1 & 0xFFFFFFFFL) * (c2 & 0xFFFFFFFFL);
            int hi0 = (int) (p0 >>> 32);
            int lo0 = (int) p0;
            int hi1 = (int) (p1 >>> 32);
            int lo1 = (int) p1;
            c0 = hi1 ^ c1 ^ k0;
            c1 = lo1;
            c2 = hi0 ^ c3 ^ k1;
            c3 = lo0;
            k0 += W0;
            k1 += W1;
        }
        out[0] = c0;
        out[1] = c1;
        out[2] = c2;
        out[3] = c3;
    }

    /** A uniform float in [0, 1) from the top 24 bits of a word: exact in f32 on every backend. */
    public static float uniform(int word) {
        return (word >>> 8) * 0x1.0p-24f;
    }
}
