package org.hearth.compute.backend;

import java.util.SplittableRandom;
import org.hearth.compute.job.GemmJob;

/**
 * Test helpers for gemm: random matrices, and an element-by-element comparison with a double-precision
 * reference (stricter and more telling than Freivalds' check when a kernel is being debugged).
 */
public final class GemmChecks {

    private GemmChecks() {
    }

    public static GemmJob randomJob(int m, int k, int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        float[] a = new float[m * k];
        float[] b = new float[k * n];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) (rnd.nextDouble() * 2 - 1);
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = (float) (rnd.nextDouble() * 2 - 1);
        }
        return new GemmJob(m, k, n, a, b);
    }

    /** Null when every element is within f32 round-off of the reference (entries in [-1, 1]). */
    public static String compare(GemmJob job, float[] c) {
        if (c == null || c.length != job.m() * job.n()) {
            return "result has " + (c == null ? 0 : c.length) + " elements, expected " + job.m() * job.n();
        }
        double tolerance = 1e-5 * job.k() + 1e-5;
        for (int i = 0; i < job.m(); i++) {
            for (int j = 0; j < job.n(); j++) {
                double expected = 0;
                for (int p = 0; p < job.k(); p++) {
                    expected += (double) job.a()[i * job.k() + p] * job.b()[p * job.n() + j];
                }
                double got = c[i * job.n() + j];
                if (!(Math.abs(got - expected) <= tolerance)) {
                    return "element (" + i + "," + j + ") is " + got + ", expected " + expected;
                }
            }
        }
        return null;
    }
}
