package org.hearth.compute.job;

/**
 * C = A·B in f32, all row-major: A is m×k, B is k×n, C is m×n. The arrays are not copied; a backend
 * must not modify them. Structural checks happen here; size limits in {@link JobLimits#check(GemmJob)}.
 */
public record GemmJob(int m, int k, int n, float[] a, float[] b) {

    public GemmJob {
        if (m <= 0 || k <= 0 || n <= 0) {
            throw new JobRejectedException("gemm dimensions must be positive, got m=" + m + " k=" + k + " n=" + n);
        }
        if (a == null || b == null) {
            throw new JobRejectedException("gemm job needs both matrices A and B");
        }
        if (a.length != (long) m * k) {
            throw new JobRejectedException("gemm A has " + a.length + " floats, expected m*k = " + (long) m * k);
        }
        if (b.length != (long) k * n) {
            throw new JobRejectedException("gemm B has " + b.length + " floats, expected k*n = " + (long) k * n);
        }
    }

    /** Number of floats in the result. */
    public long resultLength() {
        return (long) m * n;
    }

    /** Floating-point operations of the product (2·m·k·n), for GFLOP/s figures. */
    public double flops() {
        return 2.0 * m * k * n;
    }

    @Override
    public String toString() {
        return "GemmJob[" + m + "x" + k + " * " + k + "x" + n + "]";
    }
}
