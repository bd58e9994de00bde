package org.hearth.compute.gpu;

/**
 * The tile shape of the one GEMM kernel (gemm.cl, also compiled for CUDA by gemm.cu): a work-group
 * computes a {@code tsm × tsn} block of C, {@code wptm × wptn} elements per work-item, stepping
 * through K by {@code tsk}. The host pads the matrices to these multiples.
 */
public record GemmTiling(int tsm, int tsn, int tsk, int wptm, int wptn) {

    /** Suits CPUs (PoCL) and small GPUs: 16×16 work-items, 8 KiB of local memory. */
    public static final GemmTiling SMALL = new GemmTiling(64, 64, 16, 4, 4);
    /** gemm_cpu.cl for OpenCL CPU devices: one work-item per 8×32 block, no local memory. */
    public static final GemmTiling CPU = new GemmTiling(8, 32, 1, 8, 32);
    /** Suits big GPUs: 16×16 threads each with an 8×8 block, 16 KiB of shared memory. Matches gemm.cu. */
    public static final GemmTiling LARGE = new GemmTiling(128, 128, 16, 8, 8);

    public GemmTiling {
        int threads = (tsm / wptm) * (tsn / wptn);
        if (tsm % wptm != 0 || tsn % wptn != 0 || (tsk * tsm) % threads != 0 || (tsk * tsn) % threads != 0) {
            throw new IllegalArgumentException("inconsistent GEMM tiling " + tsm + "/" + tsn + "/" + tsk + "/" + wptm + "/" + wptn);
        }
    }

    /** Work-items per group along N (x) and along M (y). */
    public int groupX() {
        return tsn / wptn;
    }

    public int groupY() {
        return tsm / wptm;
    }

    public int localMemoryBytes() {
        return 4 * tsk * (tsm + tsn);
    }

    /** Compiler definitions for gemm.cl. */
    public String defines() {
        return "-D TSM=" + tsm + " -D TSN=" + tsn + " -D TSK=" + tsk + " -D WPTM=" + wptm + " -D WPTN=" + wptn;
    }
}
