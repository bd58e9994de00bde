package org.hearth.testing;

import java.util.SplittableRandom;
import org.hearth.compute.job.GemmBlobs;

/** Matrices for market tests: reproducible values in [−1, 1), as the raw little-endian f32 bytes a gemm job posts. */
public final class TestMatrices {

    private TestMatrices() {
    }

    public static byte[] random(int count, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        float[] v = new float[count];
        for (int i = 0; i < count; i++) {
            v[i] = (float) rnd.nextDouble(-1, 1);
        }
        return GemmBlobs.encodeMatrix(v);
    }
}
