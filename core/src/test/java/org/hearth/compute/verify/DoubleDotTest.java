package org.hearth.compute.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.foreign.MemorySegment;
import java.util.SplittableRandom;
import org.hearth.compute.job.GemmBlobs;
import org.junit.jupiter.api.Test;

/**
 * The grouped dot products over little-endian f32 read in place: the Vector API and the plain loops (the
 * desktop's, which starts without the module) both equal plain sums, with and without the magnitudes'
 * sum, from a blob's bytes and from a float[], for every length (tails included) and every group count.
 */
class DoubleDotTest {

    @Test
    void groupedDotsFromBytesMatchPlainSumsOnBothPaths() {
        SplittableRandom rnd = new SplittableRandom(4);
        for (int groups = 1; groups <= 3; groups++) {
            for (int len : new int[] {1, 3, 7, 8, 17, 64, 1000, 1027}) {
                int off = 3;
                float[] x = new float[off + len];
                for (int j = 0; j < x.length; j++) {
                    x[j] = (float) rnd.nextDouble(-1000, 1000);
                }
                double[][] ys = new double[groups * DoubleDot.GROUP][len];
                for (double[] y : ys) {
                    for (int j = 0; j < len; j++) {
                        y[j] = rnd.nextDouble(-1, 1);
                    }
                }
                double[] w = new double[len];
                for (int j = 0; j < len; j++) {
                    w[j] = rnd.nextDouble(0, 5);
                }
                double bound = 1e-12 * len * 1000;
                MemorySegment bytes = MemorySegment.ofArray(GemmBlobs.encodeMatrix(x));
                double[] out = new double[ys.length];
                double abs = DoubleDot.dots(bytes, off, ys, len, w, out);
                assertEquals(plainAbs(x, off, w, len), abs, bound, "magnitudes, len " + len);
                for (int q = 0; q < ys.length; q++) {
                    assertEquals(plain(x, off, ys[q], len), out[q], bound, "groups " + groups + " len " + len + " round " + q);
                }
                double[] scalar = new double[ys.length];
                for (int q = 0; q < ys.length; q += DoubleDot.GROUP) {
                    double s = DoubleDot.scalarDot5(x, off, ys, q, len, q == 0 ? w : null, scalar);
                    if (q == 0) {
                        assertEquals(abs, s, bound, "plain loop magnitudes");
                    }
                }
                for (int q = 0; q < ys.length; q++) {
                    assertEquals(out[q], scalar[q], bound, "plain loop, round " + q);
                }
                assertEquals(0.0, DoubleDot.dots(bytes, off, ys, len, null, out), "no weights, no magnitudes");
            }
        }
    }

    @Test
    void twoRowsAtOnceEqualEachRowAlone() {
        SplittableRandom rnd = new SplittableRandom(9);
        for (int len : new int[] {1, 5, 8, 9, 33, 512, 515}) {
            float[] x = new float[3 + 2 * len];
            for (int j = 0; j < x.length; j++) {
                x[j] = (float) rnd.nextDouble(-100, 100);
            }
            double[][] ys = new double[2 * DoubleDot.GROUP][len];
            for (double[] y : ys) {
                for (int j = 0; j < len; j++) {
                    y[j] = rnd.nextDouble(-1, 1);
                }
            }
            double[] w = new double[len];
            java.util.Arrays.fill(w, 2.0);
            MemorySegment bytes = MemorySegment.ofArray(GemmBlobs.encodeMatrix(x));
            double[] first = new double[ys.length], second = new double[ys.length], abs = new double[2];
            DoubleDot.dotsPair(bytes, 3, 3 + len, ys, len, w, first, second, abs);
            double[] alone = new double[ys.length];
            double bound = 1e-12 * len * 100;
            assertEquals(DoubleDot.dots(bytes, 3, ys, len, w, alone), abs[0], bound, "first row's magnitudes, len " + len);
            for (int q = 0; q < ys.length; q++) {
                assertEquals(alone[q], first[q], bound, "first row, round " + q);
            }
            assertEquals(DoubleDot.dots(bytes, 3 + len, ys, len, w, alone), abs[1], bound, "second row's magnitudes");
            for (int q = 0; q < ys.length; q++) {
                assertEquals(alone[q], second[q], bound, "second row, round " + q);
            }
        }
    }

    @Test
    void vectorsMustBePaddedToWholeGroups() {
        double[][] ys = new double[DoubleDot.GROUP + 1][4];
        assertThrows(IllegalArgumentException.class, () -> DoubleDot.dots(MemorySegment.ofArray(new float[4]), 0, ys, 4, null, new double[ys.length]));
    }

    private static double plain(float[] x, int off, double[] y, int len) {
        double s = 0;
        for (int j = 0; j < len; j++) {
            s += x[off + j] * y[j];
        }
        return s;
    }

    private static double plainAbs(float[] x, int off, double[] w, int len) {
        double s = 0;
        for (int j = 0; j < len; j++) {
            s += Math.abs(x[off + j]) * w[j];
        }
        return s;
    }
}
