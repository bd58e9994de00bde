package org.hearth.compute.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.function.BiConsumer;
import org.hearth.compute.cpu.CpuBackend;
import org.hearth.compute.job.CancelToken;
import org.hearth.compute.job.GemmBlobs;
import org.hearth.compute.job.GemmJob;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The market's gemm check against a provider who knows it: each crafted tampering, at sizes just above
 * the guaranteed threshold ({@link Freivalds#DETECTION_FACTOR} row tolerances), is caught in at least
 * 9,999 of 10,000 trials; honest products from the CPU backend are never disputed. Small matrices keep
 * each trial cheap; each trial draws fresh vectors (seeded per trial so a failure can be replayed).
 */
class FreivaldsTamperingTest {

    private static final int TRIALS = 10_000;
    private static final int M = 24, K = 20, N = 16;
    /** Just above the guaranteed threshold: the hardest errors the guarantee covers. */
    private static final double JUST_ABOVE = 1.01 * Freivalds.DETECTION_FACTOR;

    private static CpuBackend cpu;
    private static GemmJob job;
    private static float[] honest;
    private static double[] tolerance;

    @BeforeAll
    static void start() {
        cpu = new CpuBackend(2);
        job = random(M, K, N, 11);
        honest = cpu.gemm(job, CancelToken.none());
        tolerance = Freivalds.tolerance(job.a(), job.b(), M, K, N);
    }

    @AfterAll
    static void stop() {
        cpu.close();
    }

    @Test
    void theGuaranteeIsBelowOneInTenThousand() {
        assertTrue(Freivalds.escapeBound(Freivalds.DEFAULT_ROUNDS, Freivalds.DETECTION_FACTOR) < 1e-6);
    }

    @Test
    void oneRoundPassesAnErrorOfFTauAtMostOneTimeInF() {
        // The proof's step: whatever the rest of r, a round passes only if r_j lands in an interval of length
        // 2τ/δ, probability ≤ τ/δ. A cancelling pair is the case ±1 vectors pass half the time.
        int passed = 0;
        for (int t = 0; t < TRIALS; t++) {
            float[] c = honest.clone();
            SplittableRandom rnd = new SplittableRandom(t);
            int i = rnd.nextInt(M), j = rnd.nextInt(N), l = (j + 1 + rnd.nextInt(N - 1)) % N;
            double d = JUST_ABOVE * tolerance[i];
            c[i * N + j] += (float) d;
            c[i * N + l] -= (float) d;
            if (new Freivalds(1, 31L * t + 5).check(job, c).ok()) {
                passed++;
            }
        }
        double bound = TRIALS / JUST_ABOVE;
        System.out.printf("Freivalds: one round passed a cancelling pair at %.2f tolerances in %d of %d trials (bound %.0f)%n",
                JUST_ABOVE, passed, TRIALS, bound);
        assertTrue(passed <= bound + 4 * Math.sqrt(bound), "one round passed " + passed + " of " + TRIALS);
    }

    @Test
    void errorsBelowTheGuaranteedThresholdEscapeAtMostTheirBound() {
        // Between τ and DETECTION_FACTOR·τ the guarantee is (τ/δ)^rounds: an element off by 4τ escapes all rounds
        // at most 4⁻⁵ ≈ 0.1% of the time.
        double factor = 4.04;
        int escaped = 0;
        for (int t = 0; t < TRIALS; t++) {
            float[] c = honest.clone();
            SplittableRandom rnd = new SplittableRandom(t * 31L + 17);
            int i = rnd.nextInt(M), j = rnd.nextInt(N);
            c[i * N + j] += (float) (sign(rnd) * factor * tolerance[i]);
            if (new Freivalds(Freivalds.DEFAULT_ROUNDS, 7_777L * t + 3).check(job, c).ok()) {
                escaped++;
            }
        }
        double bound = TRIALS * Freivalds.escapeBound(Freivalds.DEFAULT_ROUNDS, factor);
        System.out.printf("Freivalds: one element at %.2f tolerances escaped %d of %d trials (bound %.1f)%n", factor, escaped, TRIALS, bound);
        assertTrue(escaped <= bound + 4 * Math.sqrt(bound), "escaped " + escaped + " of " + TRIALS);
    }

    @Test
    void theCheckOnBlobBytesIsTheCheckOnFloats() {
        for (long seed = 0; seed < 20; seed++) {
            float[] c = honest.clone();
            if (seed % 2 == 1) {
                c[(int) seed * 7 % c.length] += (float) (JUST_ABOVE * tolerance[(int) seed * 7 % c.length / N]);
            }
            Freivalds.Result floats = new Freivalds(Freivalds.DEFAULT_ROUNDS, seed).check(job, c);
            Freivalds.Result bytes = new Freivalds(Freivalds.DEFAULT_ROUNDS, seed).check(M, K, N, GemmBlobs.encodeMatrix(job.a()),
                    GemmBlobs.encodeMatrix(job.b()), GemmBlobs.encodeMatrix(c));
            assertEquals(floats, bytes, "seed " + seed);
        }
        assertFalse(Freivalds.standard().check(M, K, N, GemmBlobs.encodeMatrix(job.a()), GemmBlobs.encodeMatrix(job.b()), new byte[12]).ok(),
                "a result of the wrong size fails");
    }

    @Test
    void oneWrongElementJustAboveTheThresholdIsCaught() {
        assertCaught("one element", (c, rnd) -> {
            int i = rnd.nextInt(M), j = rnd.nextInt(N);
            c[i * N + j] += (float) (sign(rnd) * JUST_ABOVE * tolerance[i]);
        });
    }

    @Test
    void oneGrosslyWrongElementIsCaught() {
        assertCaught("one gross element", (c, rnd) -> c[rnd.nextInt(M * N)] = (float) rnd.nextDouble(-1e3, 1e3));
    }

    @Test
    void signCancellingPairsInARowAreCaught() {
        // ±1 vectors pass such a pair whenever r_j = r_l: half of each round.
        assertCaught("cancelling pair", (c, rnd) -> {
            int i = rnd.nextInt(M), j = rnd.nextInt(N), l = (j + 1 + rnd.nextInt(N - 1)) % N;
            double d = JUST_ABOVE * tolerance[i];
            c[i * N + j] += (float) d;
            c[i * N + l] -= (float) d;
        });
    }

    @Test
    void aRowOfErrorsSummingToZeroIsCaught() {
        assertCaught("zero-sum row", (c, rnd) -> {
            int i = rnd.nextInt(M);
            double d = JUST_ABOVE * tolerance[i];
            for (int j = 0; j < N; j += 2) {
                double s = sign(rnd);
                c[i * N + j] += (float) (s * d);
                c[i * N + j + 1] -= (float) (s * d);
            }
        });
    }

    @Test
    void aWrongRowIsCaught() {
        assertCaught("row copied from another", (c, rnd) -> {
            int i = rnd.nextInt(M), from = (i + 1 + rnd.nextInt(M - 1)) % M;
            System.arraycopy(honest, from * N, c, i * N, N);
        });
    }

    @Test
    void correctProductsFromTheCpuBackendAreNeverDisputed() {
        int[][] shapes = {{M, K, N}, {33, 65, 17}, {64, 64, 64}, {7, 300, 5}};
        for (int[] s : shapes) {
            GemmJob g = random(s[0], s[1], s[2], 1000 + s[1]);
            float[] c = cpu.gemm(g, CancelToken.none());
            for (int t = 0; t < 2_500; t++) {
                Freivalds.Result r = new Freivalds(Freivalds.DEFAULT_ROUNDS, t).check(g, c);
                assertTrue(r.ok(), "honest " + s[0] + "x" + s[1] + "x" + s[2] + " disputed in trial " + t + ": " + r);
            }
            for (int t = 0; t < 50; t++) {
                assertTrue(Freivalds.standard().check(g, c).ok(), "honest product disputed with SecureRandom vectors");
            }
        }
    }

    private static void assertCaught(String what, BiConsumer<float[], SplittableRandom> tamper) {
        int caught = 0;
        for (int t = 0; t < TRIALS; t++) {
            float[] c = honest.clone();
            tamper.accept(c, new SplittableRandom(t * 7919L + what.hashCode()));
            if (!new Freivalds(Freivalds.DEFAULT_ROUNDS, 1_000_003L * t).check(job, c).ok()) {
                caught++;
            }
        }
        System.out.printf("Freivalds: %s caught in %d of %d trials%n", what, caught, TRIALS);
        assertTrue(caught >= TRIALS - 1, what + ": caught in only " + caught + " of " + TRIALS);
    }

    private static double sign(SplittableRandom rnd) {
        return rnd.nextBoolean() ? 1 : -1;
    }

    private static GemmJob random(int m, int k, int n, long seed) {
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
