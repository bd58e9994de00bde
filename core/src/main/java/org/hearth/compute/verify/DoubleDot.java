package org.hearth.compute.verify;

/**
 * The verifier's dot products (f32 data, f64 weights, f64 sums): on the Vector API ({@link VectorDot})
 * when the JVM has the incubator module, else in plain loops. The worker and the CLI start with the
 * module; the desktop window starts without it, since an incubator module turns off the archived module
 * graph that its start-up cache needs, so the Compute screen's checks sum here.
 */
final class DoubleDot {

    private static final boolean VECTOR = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

    private DoubleDot() {
    }

    /** Σ x[off+j]·y[j] for j < len, or Σ |x[off+j]|·y[j] with {@code abs}. */
    static double dot(float[] x, int off, double[] y, int len, boolean abs) {
        return VECTOR ? VectorDot.dot(x, off, y, len, abs) : scalarDot(x, off, y, len, abs);
    }

    /** Σ x[off+j]·y0[j] into out[0] and Σ x[off+j]·y1[j] into out[1]: one pass over x for two rounds. */
    static void dot2(float[] x, int off, double[] y0, double[] y1, int len, double[] out) {
        if (VECTOR) {
            VectorDot.dot2(x, off, y0, y1, len, out);
        } else {
            scalarDot2(x, off, y0, y1, len, out);
        }
    }

    static double scalarDot(float[] x, int off, double[] y, int len, boolean abs) {
        double sum = 0;
        for (int j = 0; j < len; j++) {
            double v = x[off + j];
            sum += (abs ? Math.abs(v) : v) * y[j];
        }
        return sum;
    }

    static void scalarDot2(float[] x, int off, double[] y0, double[] y1, int len, double[] out) {
        double a = 0;
        double b = 0;
        for (int j = 0; j < len; j++) {
            double v = x[off + j];
            a += v * y0[j];
            b += v * y1[j];
        }
        out[0] = a;
        out[1] = b;
    }

    /** out[q] = Σ x[off+j]·ys[q][j] for every q, four (then two, then one) per pass over x. */
    static void dots(float[] x, int off, double[][] ys, int len, double[] out) {
        double[] part = new double[4];
        int q = 0;
        for (; q + 4 <= ys.length; q += 4) {
            dot4(x, off, ys, q, len, part);
            System.arraycopy(part, 0, out, q, 4);
        }
        if (q + 2 <= ys.length) {
            dot2(x, off, ys[q], ys[q + 1], len, part);
            out[q] = part[0];
            out[q + 1] = part[1];
            q += 2;
        }
        if (q < ys.length) {
            out[q] = dot(x, off, ys[q], len, false);
        }
    }

    /** Four rounds in one pass over x: out[q] = Σ x[off+j]·ys[from+q][j] for q < 4. */
    static void dot4(float[] x, int off, double[][] ys, int from, int len, double[] out) {
        if (VECTOR) {
            VectorDot.dot4(x, off, ys, from, len, out);
        } else {
            scalarDot4(x, off, ys, from, len, out);
        }
    }

    static void scalarDot4(float[] x, int off, double[][] ys, int from, int len, double[] out) {
        double[] y0 = ys[from], y1 = ys[from + 1], y2 = ys[from + 2], y3 = ys[from + 3];
        double a = 0, b = 0, c = 0, d = 0;
        for (int j = 0; j < len; j++) {
            double v = x[off + j];
            a += v * y0[j];
            b += v * y1[j];
            c += v * y2[j];
            d += v * y3[j];
        }
        out[0] = a;
        out[1] = b;
        out[2] = c;
        out[3] = d;
    }
}
