package org.hearth.compute;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hearth.compute.cpu.CpuBackend;
import org.hearth.compute.job.CancelToken;
import org.hearth.compute.job.GemmJob;
import org.hearth.compute.job.RenderJob;
import org.hearth.compute.verify.Freivalds;
import org.hearth.compute.verify.RenderVerifier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class VerificationTest {

    private static CpuBackend cpu;
    private static GemmJob job;
    private static float[] product;

    @BeforeAll
    static void start() {
        cpu = new CpuBackend(2);
        job = GemmTestData.random(512, 512, 512, 5);
        product = cpu.gemm(job, CancelToken.none());
    }

    @AfterAll
    static void stop() {
        cpu.close();
    }

    @Test
    void correctProductPassesAndSoDoesAnotherSummationOrder() {
        Freivalds.Result ours = new Freivalds(3).check(job, product);
        assertTrue(ours.ok(), () -> "blocked f32 product rejected: " + ours);
        float[] naive = GemmTestData.naiveFloat(job);
        assertTrue(java.util.Arrays.mismatch(naive, product) >= 0, "the two orders should round differently");
        Freivalds.Result other = new Freivalds(3).check(job, naive);
        assertTrue(other.ok(), () -> "sequential f32 product rejected: " + other);
    }

    @Test
    void oneWrongElementAboveTheGuaranteedThresholdIsCaughtAndItsRowReported() {
        // Real-valued vectors: an element off by DETECTION_FACTOR row tolerances escapes a round at most 1/DETECTION_FACTOR of the time.
        double rowTolerance = rowTolerance(job, 300);
        for (long seed = 0; seed < 10; seed++) {
            float[] tampered = product.clone();
            tampered[300 * 512 + 17] += (float) (1.05 * Freivalds.DETECTION_FACTOR * rowTolerance);
            Freivalds.Result result = new Freivalds(Freivalds.DEFAULT_ROUNDS, seed).check(job, tampered);
            assertFalse(result.ok(), "seed " + seed);
            assertTrue(result.row() == 300, "the wrong row is reported: " + result);
        }
    }

    @Test
    void smallHonestLookingChangesOfManyElementsAndNaNAreCaught() {
        float[] scaled = product.clone();
        for (int i = 0; i < scaled.length; i++) {
            scaled[i] *= 1.01f; // 1% off everywhere
        }
        assertFalse(new Freivalds(2).check(job, scaled).ok());
        float[] nan = product.clone();
        nan[12345] = Float.NaN;
        assertFalse(new Freivalds(2).check(job, nan).ok());
        assertFalse(new Freivalds(2).check(job, new float[10]).ok(), "wrong length");
    }

    @Test
    void correctTilesPassAndWrongPatchesOrFewerSamplesAreCaught() {
        RenderJob tile = new RenderJob(ComputeTestScenes.small(), 96, 64, 32, 16, 32, 32, 8, 2024);
        float[] rgb = cpu.renderTile(tile, CancelToken.none());
        for (long seed = 0; seed < 5; seed++) {
            RenderVerifier.Result ok = new RenderVerifier(32, 1.0 / 32, 1.0 / 32, seed).check(tile, rgb);
            assertTrue(ok.ok(), () -> "correct tile rejected: " + ok);
            assertTrue(ok.checked() >= 32);
        }
        // A 16x16 patch (a quarter of the tile) copied from a render with another seed.
        float[] other = cpu.renderTile(new RenderJob(tile.scene(), 96, 64, 32, 16, 32, 32, 8, 77), CancelToken.none());
        float[] patched = rgb.clone();
        for (int y = 8; y < 24; y++) {
            System.arraycopy(other, (y * 32 + 8) * 3, patched, (y * 32 + 8) * 3, 16 * 3);
        }
        for (long seed = 0; seed < 5; seed++) {
            RenderVerifier.Result bad = new RenderVerifier(32, 1.0 / 32, 1.0 / 32, seed).check(tile, patched);
            assertFalse(bad.ok(), () -> "patched tile accepted: " + bad);
        }
        // The same tile rendered with fewer samples than asked for.
        float[] cheap = cpu.renderTile(new RenderJob(tile.scene(), 96, 64, 32, 16, 32, 32, 4, 2024), CancelToken.none());
        assertFalse(new RenderVerifier().check(tile, cheap).ok());
    }

    /** What {@link Freivalds} allows row i to be off by (SAFETY·u·√k·Σ_p |a_ip|·Σ_j |b_pj|). */
    private static double rowTolerance(GemmJob job, int row) {
        int k = job.k(), n = job.n();
        double s = 0;
        for (int p = 0; p < k; p++) {
            double bAbs = 0;
            for (int j = 0; j < n; j++) {
                bAbs += Math.abs(job.b()[p * n + j]);
            }
            s += Math.abs(job.a()[row * k + p]) * bAbs;
        }
        return Freivalds.SAFETY * 0x1.0p-24 * Math.sqrt(k) * s;
    }
}
