package org.hearth.compute.cpu;

import static org.hearth.compute.cpu.SgemmKernel.MR;
import static org.hearth.compute.cpu.SgemmKernel.NR;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Phaser;
import java.util.concurrent.atomic.AtomicInteger;
import org.hearth.compute.job.CancelToken;
import org.hearth.compute.job.GemmJob;

/**
 * Multithreaded, cache-blocked SGEMM (GotoBLAS/BLIS loop order). For each KC×NC block of B (512 KiB:
 * fits a core's L2) the threads pack B together into a shared buffer, meet at a barrier, then claim
 * MC-row blocks of A one at a time (so a thread that the OS delays holds up little), pack them and run
 * the microkernel with one MR-row A panel hot in L1 while B panels stream from L2. B is double-buffered,
 * so one barrier per block suffices: a thread packs block s+1 into the other buffer while slower
 * threads still read block s. When all of packed B fits in 16 MiB (n = 2048 and below) it is packed
 * whole, once, and the threads then take row blocks through every block of B without meeting again:
 * on a busy 2-core machine each barrier can cost a descheduled thread's time slice, and this doubled
 * gemm at n = 1024. Block sizes were chosen by measurement on a 2-core AVX-512 EPYC: NC = 2048 (B block
 * in L3) was clearly slower. The cancel token is checked before each row block
 * (a few milliseconds of work). One multiply runs at a time per instance (its threads wait for each
 * other, so two interleaved multiplies on one pool could deadlock).
 */
public final class CpuSgemm {

    static final int KC = 256;
    static final int MC = 48;
    static final int NC = 512;
    /** Packed B up to this many floats is packed whole, once, and the threads never meet again. */
    static final long WHOLE_B_FLOATS = 1L << 22;

    private final ExecutorService pool;
    private final int threads;

    public CpuSgemm(ExecutorService pool, int threads) {
        this.pool = pool;
        this.threads = threads;
    }

    public synchronized float[] multiply(GemmJob job, CancelToken cancel) {
        float[] c = new float[Math.toIntExact(job.resultLength())];
        int rowBlocks = (job.m() + MC - 1) / MC;
        int workers = Math.max(1, Math.min(threads, rowBlocks));
        Plan plan = new Plan(job, c, workers, cancel);
        if (workers == 1) {
            plan.work(0);
            return c;
        }
        List<Future<Void>> futures = new ArrayList<>(workers);
        for (int w = 0; w < workers; w++) {
            int worker = w;
            futures.add(pool.submit(() -> {
                plan.work(worker);
                return null;
            }));
        }
        CpuBackend.await(futures, cancel);
        return c;
    }

    /** The shared state of one multiply. */
    private static final class Plan {
        private final GemmJob job;
        private final float[] c;
        private final int workers;
        private final CancelToken cancel;
        private final int kcMax;
        private final float[][] bPack = new float[2][];
        private final AtomicInteger[] nextRowBlock;
        private final Phaser barrier;
        private final boolean whole;
        private final int[] stepOffset;

        Plan(GemmJob job, float[] c, int workers, CancelToken cancel) {
            this.job = job;
            this.c = c;
            this.workers = workers;
            this.cancel = cancel;
            this.kcMax = Math.min(KC, job.k());
            int steps = ((job.n() + NC - 1) / NC) * ((job.k() + KC - 1) / KC);
            long wholeSize = (long) job.k() * roundUp(job.n(), NR);
            whole = wholeSize <= WHOLE_B_FLOATS;
            stepOffset = new int[steps + 1];
            if (whole) {
                int s = 0;
                for (int jc = 0; jc < job.n(); jc += NC) {
                    for (int pc = 0; pc < job.k(); pc += KC, s++) {
                        stepOffset[s + 1] = stepOffset[s] + Math.min(KC, job.k() - pc) * roundUp(Math.min(NC, job.n() - jc), NR);
                    }
                }
                bPack[0] = new float[stepOffset[steps]];
                bPack[1] = bPack[0];
            } else {
                int size = kcMax * roundUp(Math.min(NC, job.n()), NR);
                bPack[0] = new float[size];
                bPack[1] = workers > 1 ? new float[size] : bPack[0];
            }
            nextRowBlock = new AtomicInteger[steps];
            for (int s = 0; s < steps; s++) {
                nextRowBlock[s] = new AtomicInteger();
            }
            barrier = new Phaser(workers);
        }

        void work(int worker) {
            try {
                if (whole) {
                    runWhole(worker);
                } else {
                    run(worker);
                }
            } catch (RuntimeException | Error e) {
                barrier.forceTermination(); // the other workers stop at the barrier instead of waiting
                throw e;
            }
        }

        /** Small B: pack all of it together once, then each thread takes whole row blocks through every step. */
        private void runWhole(int worker) {
            int m = job.m(), k = job.k(), n = job.n();
            float[] b = bPack[0];
            int step = 0;
            for (int jc = 0; jc < n; jc += NC) {
                int nc = Math.min(NC, n - jc);
                for (int pc = 0; pc < k; pc += KC, step++) {
                    int kc = Math.min(KC, k - pc);
                    int panels = (nc + NR - 1) / NR;
                    int from = panels * worker / workers;
                    int to = panels * (worker + 1) / workers;
                    SgemmPacking.packB(job.b(), n, pc, kc, jc + from * NR, Math.min(nc, to * NR) - from * NR,
                            b, stepOffset[step] + from * kc * NR, NR);
                }
            }
            if (workers > 1) {
                barrier.arriveAndAwaitAdvance();
                if (barrier.isTerminated()) {
                    return;
                }
            }
            float[] aPack = new float[kcMax * roundUp(Math.min(MC, m), MR)];
            float[] edge = new float[MR * NR];
            AtomicInteger claim = nextRowBlock[0];
            for (int ic = claim.getAndIncrement() * MC; ic < m; ic = claim.getAndIncrement() * MC) {
                int mc = Math.min(MC, m - ic);
                step = 0;
                for (int jc = 0; jc < n; jc += NC) {
                    int nc = Math.min(NC, n - jc);
                    for (int pc = 0; pc < k; pc += KC, step++) {
                        int kc = Math.min(KC, k - pc);
                        cancel.checkpoint();
                        SgemmPacking.packA(job.a(), k, ic, mc, pc, kc, aPack, MR);
                        macroKernel(aPack, b, stepOffset[step], kc, mc, nc, c, ic, jc, n, edge);
                    }
                }
            }
        }

        private void run(int worker) {
            int m = job.m(), k = job.k(), n = job.n();
            float[] a = job.a();
            float[] aPack = new float[kcMax * roundUp(Math.min(MC, m), MR)];
            float[] edge = new float[MR * NR];
            int step = 0;
            for (int jc = 0; jc < n; jc += NC) {
                int nc = Math.min(NC, n - jc);
                for (int pc = 0; pc < k; pc += KC, step++) {
                    int kc = Math.min(KC, k - pc);
                    float[] b = bPack[step & 1];
                    cancel.checkpoint();
                    int panels = (nc + NR - 1) / NR;
                    int from = panels * worker / workers;
                    int to = panels * (worker + 1) / workers;
                    SgemmPacking.packB(job.b(), n, pc, kc, jc + from * NR, Math.min(nc, to * NR) - from * NR,
                            b, from * kc * NR, NR);
                    if (workers > 1) {
                        barrier.arriveAndAwaitAdvance();
                        if (barrier.isTerminated()) {
                            return;
                        }
                    }
                    AtomicInteger claim = nextRowBlock[step];
                    for (int ic = claim.getAndIncrement() * MC; ic < m; ic = claim.getAndIncrement() * MC) {
                        cancel.checkpoint();
                        int mc = Math.min(MC, m - ic);
                        SgemmPacking.packA(a, k, ic, mc, pc, kc, aPack, MR);
                        macroKernel(aPack, b, 0, kc, mc, nc, c, ic, jc, n, edge);
                    }
                }
            }
        }
    }

    private static void macroKernel(float[] aPack, float[] bPack, int bBase, int kc, int mc, int nc, float[] c,
                                    int ic, int jc, int n, float[] edge) {
        for (int ir = 0; ir < mc; ir += MR) {
            int rows = Math.min(MR, mc - ir);
            int aOff = (ir / MR) * kc * MR;
            for (int jr = 0; jr < nc; jr += NR) {
                int cols = Math.min(NR, nc - jr);
                int bOff = bBase + (jr / NR) * kc * NR;
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
