package org.hearth.compute.cpu;

import static org.hearth.compute.cpu.SgemmKernel.MR;
import static org.hearth.compute.cpu.SgemmKernel.NR;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.hearth.compute.job.CancelToken;
import org.hearth.compute.job.GemmJob;

/**
 * Multithreaded, cache-blocked SGEMM (GotoBLAS loop order). Each thread owns a contiguous band of C's
 * rows and packs its own copy of each B block (a cost of 1/rows of the arithmetic, and no barriers):
 * for every KC×NC block of B (512 KiB, kept in the core's L2), A is packed MC rows at a time and the
 * microkernel sweeps the block with one MR-row A panel (6 KiB) hot in L1. The block sizes were chosen by
 * measurement on a 2-core Zen 4 (AVX-512): NC = 2048 (B block in L3) was
 * clearly slower. Checks the cancel token once per MC×KC×NC block
 * (a few milliseconds of work).
 */
public final class CpuSgemm {

    static final int KC = 256;
    static final int MC = 96;
    static final int NC = 512;

    private final ExecutorService pool;
    private final int threads;

    public CpuSgemm(ExecutorService pool, int threads) {
        this.pool = pool;
        this.threads = threads;
    }

    public float[] multiply(GemmJob job, CancelToken cancel) {
        int m = job.m();
        float[] c = new float[Math.toIntExact(job.resultLength())];
        int panels = (m + MR - 1) / MR;
        int bands = Math.max(1, Math.min(threads, panels));
        List<Callable<Void>> tasks = new ArrayList<>(bands);
        for (int t = 0; t < bands; t++) {
            int from = panels * t / bands * MR;
            int to = Math.min(m, panels * (t + 1) / bands * MR);
            tasks.add(() -> {
                band(job, c, from, to, cancel);
                return null;
            });
        }
        if (bands == 1) {
            band(job, c, 0, m, cancel);
            return c;
        }
        List<Future<Void>> futures = new ArrayList<>();
        for (Callable<Void> task : tasks) {
            futures.add(pool.submit(task));
        }
        CpuBackend.await(futures, cancel);
        return c;
    }

    /** Rows [rowFrom, rowTo) of C. */
    static void band(GemmJob job, float[] c, int rowFrom, int rowTo, CancelToken cancel) {
        int k = job.k();
        int n = job.n();
        float[] a = job.a();
        float[] b = job.b();
        int kcMax = Math.min(KC, k);
        int ncMax = Math.min(NC, n);
        float[] bPack = new float[kcMax * roundUp(ncMax, NR)];
        float[] aPack = new float[kcMax * roundUp(Math.min(MC, rowTo - rowFrom), MR)];
        float[] edge = new float[MR * NR];
        for (int jc = 0; jc < n; jc += NC) {
            int nc = Math.min(NC, n - jc);
            for (int pc = 0; pc < k; pc += KC) {
                int kc = Math.min(KC, k - pc);
                cancel.checkpoint();
                SgemmPacking.packB(b, n, pc, kc, jc, nc, bPack, NR);
                for (int ic = rowFrom; ic < rowTo; ic += MC) {
                    int mc = Math.min(MC, rowTo - ic);
                    cancel.checkpoint();
                    SgemmPacking.packA(a, k, ic, mc, pc, kc, aPack, MR);
                    macroKernel(aPack, bPack, kc, mc, nc, c, ic, jc, n, edge);
                }
            }
        }
    }

    private static void macroKernel(float[] aPack, float[] bPack, int kc, int mc, int nc, float[] c,
                                    int ic, int jc, int n, float[] edge) {
        for (int ir = 0; ir < mc; ir += MR) {
            int rows = Math.min(MR, mc - ir);
            int aOff = (ir / MR) * kc * MR;
            for (int jr = 0; jr < nc; jr += NR) {
                int cols = Math.min(NR, nc - jr);
                int bOff = (jr / NR) * kc * NR;
                if (rows == MR && cols == NR) {
                    SgemmKernel.kernel(aPack, aOff, bPack, bOff, kc, c, (ic + ir) * n + jc + jr, n);
                } else {
                    Arrays.fill(edge, 0f);
                    SgemmKernel.kernel(aPack, aOff, bPack, bOff, kc, edge, 0, NR);
                    for (int r = 0; r < rows; r++) {
                        int dst = (ic + ir + r) * n + jc + jr;
                        for (int col = 0; col < cols; col++) {
                            c[dst + col] += edge[r * NR + col];
                        }
                    }
                }
            }
        }
    }

    private static int roundUp(int value, int multiple) {
        return (value + multiple - 1) / multiple * multiple;
    }
}
