package org.hearth.compute.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The plain-loop sums (the desktop's, which starts without the Vector API) agree with the vector ones; grouped dots equal plain sums. */
class DoubleDotTest {

    @Test
    void plainLoopsSumAsTheVectorApiDoesWithAndWithoutTails() {
        SplittableRandom random = new SplittableRandom(7);
        for (int len : new int[] {1, 7, 64, 1000, 1027}) {
            float[] x = new float[len + 5];
            double[] y0 = new double[len];
            double[] y1 = new double[len];
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) (random.nextDouble() * 2000 - 1000);
            }
            for (int j = 0; j < len; j++) {
                y0[j] = random.nextBoolean() ? 1 : -1;
                y1[j] = random.nextDouble();
            }
            // Same terms in another order: equal up to f64 rounding of the running sums.
            double bound = 1e-12 * len * 1000;
            for (boolean abs : new boolean[] {false, true}) {
                assertEquals(VectorDot.dot(x, 5, y1, len, abs), DoubleDot.scalarDot(x, 5, y1, len, abs), bound);
            }
            double[] vector = new double[2];
            double[] plain = new double[2];
            VectorDot.dot2(x, 3, y0, y1, len, vector);
            DoubleDot.scalarDot2(x, 3, y0, y1, len, plain);
            assertEquals(vector[0], plain[0], bound);
            assertEquals(vector[1], plain[1], bound);
            assertEquals(x[3] * y0[0] + (len > 1 ? x[4] * y0[1] : 0), DoubleDot.scalarDot(x, 3, y0, Math.min(len, 2), false), 1e-9);
        }
    }

    @Test
    void groupedDotsMatchPlainSums() {
        SplittableRandom rnd = new SplittableRandom(4);
        for (int rounds = 1; rounds <= 11; rounds++) {
            for (int len = 1; len <= 41; len += 5) {
                int off = 3;
                float[] x = new float[off + len];
                for (int j = 0; j < x.length; j++) {
                    x[j] = (float) rnd.nextDouble(-2, 2);
                }
                double[][] ys = new double[rounds][len];
                for (double[] y : ys) {
                    for (int j = 0; j < len; j++) {
                        y[j] = rnd.nextDouble(-1, 1);
                    }
                }
                double[] out = new double[rounds];
                DoubleDot.dots(x, off, ys, len, out);
                for (int q = 0; q < rounds; q++) {
                    double plain = 0;
                    for (int j = 0; j < len; j++) {
                        plain += x[off + j] * ys[q][j];
                    }
                    assertEquals(plain, out[q], 1e-12, "rounds " + rounds + " len " + len + " round " + q);
                }
                if (rounds >= 4) {
                    double[] vector = new double[4];
                    double[] scalar = new double[4];
                    VectorDot.dot4(x, off, ys, 0, len, vector);
                    DoubleDot.scalarDot4(x, off, ys, 0, len, scalar);
                    for (int q = 0; q < 4; q++) {
                        assertEquals(scalar[q], vector[q], 1e-12, "four at once, round " + q);
                    }
                }
            }
        }
    }
}
