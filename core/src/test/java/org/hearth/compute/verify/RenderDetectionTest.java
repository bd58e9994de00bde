package org.hearth.compute.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.hearth.compute.ComputeTestScenes;
import org.hearth.compute.cpu.CpuBackend;
import org.hearth.compute.job.CancelToken;
import org.hearth.compute.job.RenderJob;
import org.junit.jupiter.api.Test;

/**
 * The render check's detection rate for a wrong patch: the hypergeometric formula of
 * {@link RenderVerifier#detectionRate} agrees with the real verifier run on a really patched tile, and
 * the figures for the market's default settings are printed (they go in the README).
 */
class RenderDetectionTest {

    @Test
    void formulaMatchesTheVerifierOnAPatchedTile() {
        RenderJob tile = new RenderJob(ComputeTestScenes.small(), 64, 64, 16, 16, 32, 32, 2, 99);
        float[] patched;
        try (CpuBackend cpu = new CpuBackend(2)) {
            patched = cpu.renderTile(tile, CancelToken.none());
        }
        // A 10x10 patch of impossible (negative) radiance: every pixel in it is wrong.
        for (int y = 5; y < 15; y++) {
            Arrays.fill(patched, (y * 32 + 3) * 3, (y * 32 + 13) * 3, -1f);
        }
        int trials = 600;
        int rejected = 0;
        for (int t = 0; t < trials; t++) {
            if (!new RenderVerifier(32, 1.0 / 32, 1.0 / 32, t).check(tile, patched).ok()) {
                rejected++;
            }
        }
        double predicted = new RenderVerifier(32, 1.0 / 32, 1.0 / 32, 0).detectionRate(1024, 100);
        double measured = rejected / (double) trials;
        double sigma = Math.sqrt(predicted * (1 - predicted) / trials);
        System.out.printf("render check, 32x32 tile, 10x10 wrong patch: predicted %.3f, measured %.3f over %d checks%n",
                predicted, measured, trials);
        assertTrue(predicted > 0.3 && predicted < 0.9, "a case where chance matters: " + predicted);
        assertTrue(Math.abs(measured - predicted) < 5 * sigma, "measured " + measured + " vs predicted " + predicted);
    }

    @Test
    void defaultRatesForPatchSizes() {
        RenderVerifier market = new RenderVerifier();
        int tile = 64 * 64;
        assertEquals(128, market.checkedPixels(tile));
        double[] rates = new double[5];
        int[] sides = {4, 8, 16, 24, 32};
        for (int s = 0; s < sides.length; s++) {
            rates[s] = market.detectionRate(tile, sides[s] * sides[s]);
            System.out.printf("render check (defaults), 64x64 tile: %dx%d wrong patch caught %.4f%n", sides[s], sides[s], rates[s]);
        }
        for (int s = 1; s < rates.length; s++) {
            assertTrue(rates[s] > rates[s - 1], "bigger patches are caught more often");
        }
        assertEquals(0.0, market.detectionRate(tile, 0), 1e-12, "a right tile is never 'caught'");
        assertEquals(1.0, market.detectionRate(tile, tile), 1e-12, "a wholly wrong tile is always caught");
        // Up to 4 of 128 checked pixels may differ, so a patch must be hit 5 times: P(X >= 5), X ~ H(4096, 64, 128).
        double byHand = 1;
        for (int x = 0; x <= 4; x++) {
            byHand -= RenderVerifier.hypergeometric(4096, 64, 128, x);
        }
        assertEquals(byHand, market.detectionRate(tile, 64), 1e-12);
        double sum = 0;
        for (int x = 0; x <= 64; x++) {
            sum += RenderVerifier.hypergeometric(4096, 64, 128, x);
        }
        assertEquals(1.0, sum, 1e-9, "the distribution sums to one");
    }
}
