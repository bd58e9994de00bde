package org.hearth.compute.cpu;

import java.util.Arrays;

/**
 * Copies blocks of A and B into the panel layouts the microkernel streams through: contiguous,
 * zero-padded to whole panels so the kernel never needs a bounds branch. Zero padding adds nothing to
 * the product; the caller copies only the valid part of edge tiles into C.
 */
final class SgemmPacking {

    private SgemmPacking() {
    }

    /**
     * B[pc..pc+kc, jc..jc+nc] (row stride n) into panels of NR columns: panel j holds kc rows of NR
     * floats at {@code outOff + j*kc*NR}.
     */
    static void packB(float[] b, int n, int pc, int kc, int jc, int nc, float[] out, int outOff, int nr) {
        int panels = (nc + nr - 1) / nr;
        for (int j = 0; j < panels; j++) {
            int col = jc + j * nr;
            int width = Math.min(nr, jc + nc - col);
            int dst = outOff + j * kc * nr;
            int src = pc * n + col;
            for (int p = 0; p < kc; p++, dst += nr, src += n) {
                System.arraycopy(b, src, out, dst, width);
                if (width < nr) {
                    Arrays.fill(out, dst + width, dst + nr, 0f);
                }
            }
        }
    }

    /**
     * A[ic..ic+mc, pc..pc+kc] (row stride k) into panels of MR rows: panel i holds kc columns of MR
     * floats at {@code i*kc*MR}, element (p, r) at {@code p*MR + r}.
     */
    static void packA(float[] a, int k, int ic, int mc, int pc, int kc, float[] out, int mr) {
        int panels = (mc + mr - 1) / mr;
        for (int i = 0; i < panels; i++) {
            int row0 = ic + i * mr;
            int rows = Math.min(mr, ic + mc - row0);
            int base = i * kc * mr;
            for (int r = 0; r < rows; r++) {
                int src = (row0 + r) * k + pc;
                int dst = base + r;
                for (int p = 0; p < kc; p++, dst += mr) {
                    out[dst] = a[src + p];
                }
            }
            for (int r = rows; r < mr; r++) {
                for (int p = 0, dst = base + r; p < kc; p++, dst += mr) {
                    out[dst] = 0f;
                }
            }
        }
    }
}
