package org.hearth.compute.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The plain-loop sums (the desktop's, which starts without the Vector API) agree with the vector ones. */
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
}
