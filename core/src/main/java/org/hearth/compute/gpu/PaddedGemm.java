package org.hearth.compute.gpu;

import org.hearth.compute.job.GemmJob;

/**
 * A gemm job padded with zeros to the kernel's tile multiples, so the kernel needs no bounds checks.
 * Zero rows and columns add nothing to the product; {@link #unpad} cuts the result back to m×n.
 */
public record PaddedGemm(GemmJob job, int mp, int kp, int np) {

    public static PaddedGemm of(GemmJob job, GemmTiling t) {
        return new PaddedGemm(job, roundUp(job.m(), t.tsm()), roundUp(job.k(), t.tsk()), roundUp(job.n(), t.tsn()));
    }

    /** Device bytes for A, B and C together. */
    public long deviceBytes() {
        return 4L * ((long) mp * kp + (long) kp * np + (long) mp * np);
    }

    public float[] a() {
        return pad(job.a(), job.m(), job.k(), mp, kp);
    }

    public float[] b() {
        return pad(job.b(), job.k(), job.n(), kp, np);
    }

    public float[] unpad(float[] c) {
        if (mp == job.m() && np == job.n()) {
            return c;
        }
        float[] out = new float[job.m() * job.n()];
        for (int r = 0; r < job.m(); r++) {
            System.arraycopy(c, r * np, out, r * job.n(), job.n());
        }
        return out;
    }

    private static float[] pad(float[] src, int rows, int cols, int prows, int pcols) {
        if (rows == prows && cols == pcols) {
            return src;
        }
        float[] out = new float[prows * pcols];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(src, r * cols, out, r * pcols, cols);
        }
        return out;
    }

    private static int roundUp(int v, int multiple) {
        return (v + multiple - 1) / multiple * multiple;
    }
}
