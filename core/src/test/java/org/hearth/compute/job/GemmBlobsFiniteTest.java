package org.hearth.compute.job;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The shape check's scan for NaN and infinity, on the raw bytes of a result blob, beside Float.isFinite. */
class GemmBlobsFiniteTest {

    @Test
    void findsTheFirstNanOrInfinityAndNothingElse() {
        float[] edges = {Float.MAX_VALUE, -Float.MAX_VALUE, Float.MIN_VALUE, -0f, 0x1.fffffep126f, Float.MIN_NORMAL, 1f, -1e-30f};
        assertEquals(-1, GemmBlobs.firstNonFinite(GemmBlobs.encodeMatrix(edges)), "finite extremes are finite");
        float[] bad = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.intBitsToFloat(0xffc00001), Float.intBitsToFloat(0x7f800001)};
        for (float b : bad) {
            for (int at : new int[] {0, 3, edges.length - 1}) {
                float[] values = edges.clone();
                values[at] = b;
                if (at < edges.length - 1) {
                    values[edges.length - 1] = Float.NaN; // a later one must not be reported first
                }
                assertEquals(at, GemmBlobs.firstNonFinite(GemmBlobs.encodeMatrix(values)), Integer.toHexString(Float.floatToRawIntBits(b)) + " at " + at);
            }
        }
    }

    @Test
    void agreesWithFloatIsFiniteOnRandomBitPatterns() {
        SplittableRandom random = new SplittableRandom(7);
        for (int t = 0; t < 2_000; t++) {
            float[] values = new float[16];
            int expected = -1;
            for (int i = 0; i < values.length; i++) {
                values[i] = Float.intBitsToFloat(random.nextInt());
                if (expected < 0 && !Float.isFinite(values[i])) {
                    expected = i;
                }
            }
            assertEquals(expected, GemmBlobs.firstNonFinite(GemmBlobs.encodeMatrix(values)), "trial " + t);
        }
    }
}
