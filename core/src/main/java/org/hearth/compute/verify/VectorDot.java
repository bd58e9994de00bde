package org.hearth.compute.verify;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * Dot products of f32 data with f64 weights, summed in f64 on the Vector API: the f32 lanes are
 * widened to doubles (a float species with as many lanes as the preferred double species), so the
 * verifier's own rounding stays far below the tolerances it checks against. Kept in one small method so
 * the accumulators stay in registers.
 */
final class VectorDot {

    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Float> F = VectorSpecies.of(float.class, VectorShape.forBitSize(D.vectorBitSize() / 2));
    private static final int L = D.length();

    private VectorDot() {
    }

    /** Σ x[off+j]·y[j] for j < len, or Σ |x[off+j]|·y[j] with {@code abs}. */
    static double dot(float[] x, int off, double[] y, int len, boolean abs) {
        DoubleVector s0 = DoubleVector.zero(D);
        DoubleVector s1 = DoubleVector.zero(D);
        int j = 0;
        for (; j + 2 * L <= len; j += 2 * L) {
            DoubleVector x0 = (DoubleVector) FloatVector.fromArray(F, x, off + j).convertShape(VectorOperators.F2D, D, 0);
            DoubleVector x1 = (DoubleVector) FloatVector.fromArray(F, x, off + j + L).convertShape(VectorOperators.F2D, D, 0);
            if (abs) {
                x0 = x0.abs();
                x1 = x1.abs();
            }
            s0 = x0.fma(DoubleVector.fromArray(D, y, j), s0);
            s1 = x1.fma(DoubleVector.fromArray(D, y, j + L), s1);
        }
        double sum = s0.add(s1).reduceLanes(VectorOperators.ADD);
        for (; j < len; j++) {
            double v = x[off + j];
            sum += (abs ? Math.abs(v) : v) * y[j];
        }
        return sum;
    }

    /** Σ x[off+j]·y0[j] into out[0] and Σ x[off+j]·y1[j] into out[1]: one pass over x for two rounds. */
    static void dot2(float[] x, int off, double[] y0, double[] y1, int len, double[] out) {
        DoubleVector s0 = DoubleVector.zero(D);
        DoubleVector s1 = DoubleVector.zero(D);
        DoubleVector t0 = DoubleVector.zero(D);
        DoubleVector t1 = DoubleVector.zero(D);
        int j = 0;
        for (; j + 2 * L <= len; j += 2 * L) {
            DoubleVector x0 = (DoubleVector) FloatVector.fromArray(F, x, off + j).convertShape(VectorOperators.F2D, D, 0);
            DoubleVector x1 = (DoubleVector) FloatVector.fromArray(F, x, off + j + L).convertShape(VectorOperators.F2D, D, 0);
            s0 = x0.fma(DoubleVector.fromArray(D, y0, j), s0);
            s1 = x1.fma(DoubleVector.fromArray(D, y0, j + L), s1);
            t0 = x0.fma(DoubleVector.fromArray(D, y1, j), t0);
            t1 = x1.fma(DoubleVector.fromArray(D, y1, j + L), t1);
        }
        double a = s0.add(s1).reduceLanes(VectorOperators.ADD);
        double b = t0.add(t1).reduceLanes(VectorOperators.ADD);
        for (; j < len; j++) {
            a += x[off + j] * y0[j];
            b += x[off + j] * y1[j];
        }
        out[0] = a;
        out[1] = b;
    }

    /** Four rounds in one pass over x: out[q] = Σ x[off+j]·ys[from+q][j] for q < 4. */
    static void dot4(float[] x, int off, double[][] ys, int from, int len, double[] out) {
        double[] y0 = ys[from], y1 = ys[from + 1], y2 = ys[from + 2], y3 = ys[from + 3];
        DoubleVector s0 = DoubleVector.zero(D);
        DoubleVector s1 = DoubleVector.zero(D);
        DoubleVector s2 = DoubleVector.zero(D);
        DoubleVector s3 = DoubleVector.zero(D);
        int j = 0;
        for (; j + L <= len; j += L) {
            DoubleVector xv = (DoubleVector) FloatVector.fromArray(F, x, off + j).convertShape(VectorOperators.F2D, D, 0);
            s0 = xv.fma(DoubleVector.fromArray(D, y0, j), s0);
            s1 = xv.fma(DoubleVector.fromArray(D, y1, j), s1);
            s2 = xv.fma(DoubleVector.fromArray(D, y2, j), s2);
            s3 = xv.fma(DoubleVector.fromArray(D, y3, j), s3);
        }
        double a = s0.reduceLanes(VectorOperators.ADD);
        double b = s1.reduceLanes(VectorOperators.ADD);
        double c = s2.reduceLanes(VectorOperators.ADD);
        double d = s3.reduceLanes(VectorOperators.ADD);
        for (; j < len; j++) {
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
