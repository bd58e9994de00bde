package org.hearth.compute;

import java.util.SplittableRandom;
import org.hearth.compute.job.GemmJob;

/** Random gemm inputs and the double-accumulated naive product the kernels are compared with. */
final class GemmTestData {

    private GemmTestData() {
    }

    static GemmJob random(int m, int k, int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] a = new float[m * k];
        float[] b = new float[k * n];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) random.nextDouble(-1, 1);
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = (float) random.nextDouble(-1, 1);
        }
        return new GemmJob(m, k, n, a, b);
    }

    /** C in double, and in {@code abs} the matching Σ|a||b| (the scale of honest rounding error). */
    static double[] reference(GemmJob job, double[] abs) {
        int m = job.m(), k = job.k(), n = job.n();
        double[] c = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int p = 0; p < k; p++) {
                double a = job.a()[i * k + p];
                for (int j = 0; j < n; j++) {
                    double b = job.b()[p * n + j];
                    c[i * n + j] += a * b;
                    abs[i * n + j] += Math.abs(a * b);
                }
            }
        }
        return c;
    }

    /** The naive product summed in f32 in plain k order: a valid result from another summation order. */
    static float[] naiveFloat(GemmJob job) {
        int m = job.m(), k = job.k(), n = job.n();
        float[] c = new float[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                float s = 0f;
                for (int p = 0; p < k; p++) {
                    s += job.a()[i * k + p] * job.b()[p * n + j];
                }
                c[i * n + j] = s;
            }
        }
        return c;
    }
}
