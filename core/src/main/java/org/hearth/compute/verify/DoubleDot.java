package org.hearth.compute.verify;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * The verifier's dot products (rows of little-endian f32 data, a blob's bytes or a float[], with f64
 * weights, f64 sums), five rounds per pass over a row: on the Vector API ({@link VectorDot}) when the JVM has the incubator module,
 * else in plain loops. The worker and the CLI start with the module; the desktop window starts without
 * it, since an incubator module turns off the archived module graph that its start-up cache needs, so
 * the Compute screen's checks sum here.
 */
final class DoubleDot {

    /** Rounds summed per pass over a row: callers pad their vectors to a multiple of this with zeros. */
    static final int GROUP = 5;
    static final ValueLayout.OfFloat F32_LE = ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ThreadLocal<float[]> ROW = ThreadLocal.withInitial(() -> new float[0]);
    private static final boolean VECTOR = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

    private DoubleDot() {
    }

    /**
     * out[q] = Σ_j x[off+j]·ys[q][j] for every q (ys.length a multiple of {@link #GROUP}); returns
     * Σ_j |x[off+j]|·w[j], summed in the first group's pass, or 0 when w is null.
     */
    static double dots(MemorySegment x, long off, double[][] ys, int len, double[] w, double[] out) {
        if (ys.length % GROUP != 0) {
            throw new IllegalArgumentException(ys.length + " vectors: pad to a multiple of " + GROUP);
        }
        // The row into a small array first: the Vector API loads from arrays far faster than from a heap
        // segment, and the copy (a few KB, staying in the first-level cache) is a plain memory copy.
        float[] row = ROW.get();
        if (row.length < len) {
            row = new float[len];
            ROW.set(row);
        }
        MemorySegment.copy(x, F32_LE, off * Float.BYTES, row, 0, len);
        double abs = 0;
        for (int q = 0; q < ys.length; q += GROUP) {
            double[] weights = q == 0 ? w : null;
            double s = VECTOR ? VectorDot.dot5(row, 0, ys, q, len, weights, out) : scalarDot5(row, 0, ys, q, len, weights, out);
            if (q == 0) {
                abs = s;
            }
        }
        return abs;
    }

    /**
     * {@link #dots} for two rows of x at once (element offsets off0 and off1): out0 and out1 get each
     * row's products; with weights, abs[0] and abs[1] get each row's magnitudes.
     */
    static void dotsPair(MemorySegment x, long off0, long off1, double[][] ys, int len, double[] w, double[] out0, double[] out1, double[] abs) {
        if (!VECTOR) {
            double s0 = dots(x, off0, ys, len, w, out0);
            double s1 = dots(x, off1, ys, len, w, out1);
            abs[0] = s0;
            abs[1] = s1;
            return;
        }
        if (ys.length % GROUP != 0) {
            throw new IllegalArgumentException(ys.length + " vectors: pad to a multiple of " + GROUP);
        }
        float[] rows = ROW.get();
        if (rows.length < 2 * len) {
            rows = new float[2 * len];
            ROW.set(rows);
        }
        MemorySegment.copy(x, F32_LE, off0 * Float.BYTES, rows, 0, len);
        MemorySegment.copy(x, F32_LE, off1 * Float.BYTES, rows, len, len);
        for (int q = 0; q < ys.length; q += GROUP) {
            VectorDot.dot5x2(rows, 0, len, ys, q, len, q == 0 ? w : null, out0, out1, abs);
        }
        if (w == null) {
            abs[0] = 0;
            abs[1] = 0;
        }
    }

    static double scalarDot5(float[] x, int off, double[][] ys, int from, int len, double[] w, double[] out) {
        double[] y0 = ys[from], y1 = ys[from + 1], y2 = ys[from + 2], y3 = ys[from + 3], y4 = ys[from + 4];
        double a = 0, b = 0, c = 0, d = 0, e = 0, abs = 0;
        for (int j = 0; j < len; j++) {
            double v = x[off + j];
            a += v * y0[j];
            b += v * y1[j];
            c += v * y2[j];
            d += v * y3[j];
            e += v * y4[j];
            if (w != null) {
                abs += Math.abs(v) * w[j];
            }
        }
        out[from] = a;
        out[from + 1] = b;
        out[from + 2] = c;
        out[from + 3] = d;
        out[from + 4] = e;
        return abs;
    }
}
