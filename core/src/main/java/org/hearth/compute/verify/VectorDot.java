package org.hearth.compute.verify;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * Dot products of f32 data with f64 weights, summed in f64 on the Vector API: the f32 lanes are widened to doubles (a float species with as many
 * lanes as the preferred double species), so the verifier's own rounding stays far below the
 * tolerances it checks against. One method per group so the accumulators stay in registers.
 */
final class VectorDot {

    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Float> F = VectorSpecies.of(float.class, VectorShape.forBitSize(D.vectorBitSize() / 2));
    private static final int L = D.length();

    private VectorDot() {
    }

    private static DoubleVector load(float[] x, int off, int j) {
        return (DoubleVector) FloatVector.fromArray(F, x, off + j).convertShape(VectorOperators.F2D, D, 0);
    }

    /**
     * One pass over x[off..off+len) for five rounds: out[q] = Σ x[off+j]·ys[from+q][j] for q &lt; 5; and
     * returns Σ |x[off+j]|·w[j] (the tolerance's magnitudes, in the same pass), or 0 when w is null.
     */
    static double dot5(float[] x, int off, double[][] ys, int from, int len, double[] w, double[] out) {
        double[] y0 = ys[from], y1 = ys[from + 1], y2 = ys[from + 2], y3 = ys[from + 3], y4 = ys[from + 4];
        DoubleVector s0 = DoubleVector.zero(D), s1 = s0, s2 = s0, s3 = s0, s4 = s0, sa = s0;
        int j = 0;
        if (w == null) {
            for (; j + L <= len; j += L) {
                DoubleVector xv = load(x, off, j);
                s0 = xv.fma(DoubleVector.fromArray(D, y0, j), s0);
                s1 = xv.fma(DoubleVector.fromArray(D, y1, j), s1);
                s2 = xv.fma(DoubleVector.fromArray(D, y2, j), s2);
                s3 = xv.fma(DoubleVector.fromArray(D, y3, j), s3);
                s4 = xv.fma(DoubleVector.fromArray(D, y4, j), s4);
            }
        } else {
            for (; j + L <= len; j += L) {
                DoubleVector xv = load(x, off, j);
                s0 = xv.fma(DoubleVector.fromArray(D, y0, j), s0);
                s1 = xv.fma(DoubleVector.fromArray(D, y1, j), s1);
                s2 = xv.fma(DoubleVector.fromArray(D, y2, j), s2);
                s3 = xv.fma(DoubleVector.fromArray(D, y3, j), s3);
                s4 = xv.fma(DoubleVector.fromArray(D, y4, j), s4);
                sa = xv.abs().fma(DoubleVector.fromArray(D, w, j), sa);
            }
        }
        double a = s0.reduceLanes(VectorOperators.ADD), b = s1.reduceLanes(VectorOperators.ADD), c = s2.reduceLanes(VectorOperators.ADD),
                d = s3.reduceLanes(VectorOperators.ADD), e = s4.reduceLanes(VectorOperators.ADD), abs = sa.reduceLanes(VectorOperators.ADD);
        for (; j < len; j++) {
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

    /**
     * {@link #dot5} for two rows at once (x[off0..] and x[off1..]): each weight vector loaded once for both
     * rows, which halves the loads per multiply-add. Magnitudes go to abs[0] and abs[1] when w is not null.
     */
    static void dot5x2(float[] x, int off0, int off1, double[][] ys, int from, int len, double[] w, double[] out0, double[] out1, double[] abs) {
        double[] y0 = ys[from], y1 = ys[from + 1], y2 = ys[from + 2], y3 = ys[from + 3], y4 = ys[from + 4];
        DoubleVector a0 = DoubleVector.zero(D), a1 = a0, a2 = a0, a3 = a0, a4 = a0, b0 = a0, b1 = a0, b2 = a0, b3 = a0, b4 = a0, sa = a0, sb = a0;
        int j = 0;
        for (; j + L <= len; j += L) {
            DoubleVector p = load(x, off0, j);
            DoubleVector q = load(x, off1, j);
            DoubleVector v = DoubleVector.fromArray(D, y0, j);
            a0 = p.fma(v, a0);
            b0 = q.fma(v, b0);
            v = DoubleVector.fromArray(D, y1, j);
            a1 = p.fma(v, a1);
            b1 = q.fma(v, b1);
            v = DoubleVector.fromArray(D, y2, j);
            a2 = p.fma(v, a2);
            b2 = q.fma(v, b2);
            v = DoubleVector.fromArray(D, y3, j);
            a3 = p.fma(v, a3);
            b3 = q.fma(v, b3);
            v = DoubleVector.fromArray(D, y4, j);
            a4 = p.fma(v, a4);
            b4 = q.fma(v, b4);
            if (w != null) {
                v = DoubleVector.fromArray(D, w, j);
                sa = p.abs().fma(v, sa);
                sb = q.abs().fma(v, sb);
            }
        }
        double[] a = {a0.reduceLanes(VectorOperators.ADD), a1.reduceLanes(VectorOperators.ADD), a2.reduceLanes(VectorOperators.ADD),
                a3.reduceLanes(VectorOperators.ADD), a4.reduceLanes(VectorOperators.ADD)};
        double[] b = {b0.reduceLanes(VectorOperators.ADD), b1.reduceLanes(VectorOperators.ADD), b2.reduceLanes(VectorOperators.ADD),
                b3.reduceLanes(VectorOperators.ADD), b4.reduceLanes(VectorOperators.ADD)};
        double absA = sa.reduceLanes(VectorOperators.ADD), absB = sb.reduceLanes(VectorOperators.ADD);
        for (; j < len; j++) {
            double p = x[off0 + j], q = x[off1 + j];
            for (int r = 0; r < 5; r++) {
                a[r] += p * ys[from + r][j];
                b[r] += q * ys[from + r][j];
            }
            if (w != null) {
                absA += Math.abs(p) * w[j];
                absB += Math.abs(q) * w[j];
            }
        }
        System.arraycopy(a, 0, out0, from, 5);
        System.arraycopy(b, 0, out1, from, 5);
        if (w != null) {
            abs[0] = absA;
            abs[1] = absB;
        }
    }
}
