package org.hearth.market.requester;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.BiConsumer;
import org.hearth.compute.ComputeTestScenes;
import org.hearth.compute.cpu.CpuBackend;
import org.hearth.compute.job.CancelToken;
import org.hearth.compute.job.GemmBlobs;
import org.hearth.compute.job.GemmJob;
import org.hearth.compute.job.RenderJob;
import org.hearth.compute.verify.Freivalds;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The requester's check of result blobs as bytes, with the market's secret randomness (a fresh
 * SecureRandom per check, as in use): crafted gemm tampering is caught in at least 9,999 of 10,000
 * trials for each pattern, honest results from the CPU worker are never disputed, and a patched
 * render tile is caught while the honest tile passes.
 */
class ResultVerifierTest {

    private static final int TRIALS = 10_000;
    private static final int M = 24, K = 20, N = 16;
    /** The market's guaranteed threshold is DETECTION_FACTOR row tolerances; just above it is the hardest covered case. */
    private static final double JUST_ABOVE = 1.01 * Freivalds.DETECTION_FACTOR;

    private static CpuBackend cpu;
    private static GemmJob job;
    private static float[] honest;
    private static double[] tolerance;
    private final ResultVerifier verifier = ResultVerifier.standard();

    @BeforeAll
    static void start() {
        cpu = new CpuBackend(2);
        job = randomJob(M, K, N, 5);
        honest = cpu.gemm(job, CancelToken.none());
        tolerance = rowTolerances(job);
    }

    @AfterAll
    static void stop() {
        cpu.close();
    }

    @Test
    void oneWrongElementJustAboveTheThreshold() {
        assertCaught("one element", (c, rnd) -> {
            int i = rnd.nextInt(M), j = rnd.nextInt(N);
            c[i * N + j] += (float) (sign(rnd) * JUST_ABOVE * tolerance[i]);
        });
    }

    @Test
    void signCancellingPairsInARow() {
        assertCaught("sign-cancelling pair", (c, rnd) -> {
            int i = rnd.nextInt(M), j = rnd.nextInt(N), l = (j + 1 + rnd.nextInt(N - 1)) % N;
            double d = JUST_ABOVE * tolerance[i];
            c[i * N + j] += (float) d;
            c[i * N + l] -= (float) d;
        });
    }

    @Test
    void aWholeWrongRow() {
        assertCaught("wrong row", (c, rnd) -> {
            int i = rnd.nextInt(M);
            for (int j = 0; j < N; j++) {
                c[i * N + j] = (float) rnd.nextDouble(-1, 1);
            }
        });
    }

    @Test
    void smallErrorsJustAboveTheThresholdAcrossARow() {
        // Every element of a row off by the threshold, with random signs: small each, many together.
        assertCaught("small errors in a row", (c, rnd) -> {
            int i = rnd.nextInt(M);
            for (int j = 0; j < N; j++) {
                c[i * N + j] += (float) (sign(rnd) * JUST_ABOVE * tolerance[i]);
            }
        });
    }

    @Test
    void honestResultsAreNeverDisputed() {
        int[][] shapes = {{M, K, N}, {33, 65, 17}, {64, 64, 64}, {7, 300, 5}};
        for (int[] s : shapes) {
            GemmJob g = randomJob(s[0], s[1], s[2], 77 + s[1]);
            byte[] blob = GemmBlobs.encodeMatrix(cpu.gemm(g, CancelToken.none()));
            for (int t = 0; t < 2_000; t++) {
                Verdict v = verifier.gemm(g, blob, true);
                assertTrue(v.ok() && v.verified(), "honest result disputed: " + v);
            }
        }
    }

    @Test
    void wrongSizesAndNonFiniteValuesFailEvenUnsampled() {
        byte[] blob = GemmBlobs.encodeMatrix(honest);
        Verdict shortBlob = verifier.gemm(job, Arrays.copyOf(blob, blob.length - 4), false);
        assertFalse(shortBlob.ok());
        assertTrue(shortBlob.reason().contains("bytes"), shortBlob.reason());
        float[] nan = honest.clone();
        nan[17] = Float.NaN;
        Verdict v = verifier.gemm(job, GemmBlobs.encodeMatrix(nan), false);
        assertFalse(v.ok());
        assertEquals(17, v.details().get("nonFiniteAt"));
        Verdict unsampled = verifier.gemm(job, blob, false);
        assertTrue(unsampled.ok() && !unsampled.verified());
    }

    @Test
    void aPatchedRenderTileIsCaughtAndTheHonestOnePasses() {
        RenderJob tile = new RenderJob(ComputeTestScenes.small(), 48, 32, 16, 0, 32, 32, 2, 7);
        float[] rgb = cpu.renderTile(tile, CancelToken.none());
        Verdict good = verifier.render(tile, GemmBlobs.encodeMatrix(rgb), true);
        assertTrue(good.ok() && good.verified(), good.reason());
        float[] patched = rgb.clone();
        for (int y = 0; y < 32; y++) {
            Arrays.fill(patched, (y * 32 + 8) * 3, (y * 32 + 24) * 3, 0.5f); // a 16x32 flat patch: half the tile
        }
        Verdict bad = verifier.render(tile, GemmBlobs.encodeMatrix(patched), true);
        assertFalse(bad.ok(), "half the tile pasted over");
        assertTrue((int) bad.details().get("pixelsWrong") > 0);
        assertTrue(bad.details().containsKey("worstPixel"));
        double rate = ResultVerifier.renderDetectionRate(tile, 16);
        System.out.printf("render check: a 16x16 wrong patch in a 32x32 tile is caught %.4f of the time per check%n", rate);
        assertTrue(rate > 0.99, "a quarter of the tile wrong is nearly always caught: " + rate);
    }

    private void assertCaught(String what, BiConsumer<float[], SplittableRandom> tamper) {
        int caught = 0;
        for (int t = 0; t < TRIALS; t++) {
            float[] c = honest.clone();
            tamper.accept(c, new SplittableRandom(t * 31L + what.hashCode()));
            if (!verifier.gemm(job, GemmBlobs.encodeMatrix(c), true).ok()) {
                caught++;
            }
        }
        System.out.printf("requester check: %s caught in %d of %d trials%n", what, caught, TRIALS);
        assertTrue(caught >= TRIALS - 1, what + ": caught in only " + caught + " of " + TRIALS);
    }

    /** The check's row tolerances τᵢ, by the formula of {@link Freivalds} (package-private there), recomputed here. */
    private static double[] rowTolerances(GemmJob g) {
        // Same formula as Freivalds.tolerance: SAFETY·u·√k·(|A|·(|B|·1))ᵢ.
        double[] tol = new double[g.m()];
        double scale = Freivalds.SAFETY * 0x1.0p-24 * Math.sqrt(g.k());
        for (int i = 0; i < g.m(); i++) {
            double s = 0;
            for (int p = 0; p < g.k(); p++) {
                double rowB = 0;
                for (int j = 0; j < g.n(); j++) {
                    rowB += Math.abs(g.b()[p * g.n() + j]);
                }
                s += Math.abs(g.a()[i * g.k() + p]) * rowB;
            }
            tol[i] = scale * s;
        }
        return tol;
    }

    private static double sign(SplittableRandom rnd) {
        return rnd.nextBoolean() ? 1 : -1;
    }

    private static GemmJob randomJob(int m, int k, int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        float[] a = new float[m * k], b = new float[k * n];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) rnd.nextDouble(-1, 1);
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = (float) rnd.nextDouble(-1, 1);
        }
        return new GemmJob(m, k, n, a, b);
    }
}
