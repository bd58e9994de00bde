package org.hearth.compute.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The grouped dot products (4, then 2, then 1 rounds per pass) equal plain sums for every round count and length. */
class DoubleDotTest {

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
            }
        }
    }
}
