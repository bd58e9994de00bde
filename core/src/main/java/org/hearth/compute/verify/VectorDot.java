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
}
