package org.hearth.compute;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hearth.compute.cpu.CpuBackend;
import org.hearth.compute.job.CancelToken;
import org.hearth.compute.job.RenderJob;
import org.hearth.compute.scene.Scene;
import org.hearth.compute.scene.Vec3;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RenderTest {

    private static final int W = 48;
    private static final int H = 32;
    private static final int SPP = 16;
    private static CpuBackend cpu;

    @BeforeAll
    static void start() {
        cpu = new CpuBackend(2);
    }

    @AfterAll
    static void stop() {
        cpu.close();
    }

    @Test
    void sameJobRendersIdenticallyTwiceAndAnotherSeedDiffers() {
        RenderJob job = RenderJob.fullImage(ComputeTestScenes.small(), W, H, SPP, 42);
        float[] first = cpu.renderTile(job, CancelToken.none());
        float[] second = cpu.renderTile(job, CancelToken.none());
        assertArrayEquals(first, second);
        float[] other = cpu.renderTile(RenderJob.fullImage(ComputeTestScenes.small(), W, H, SPP, 43), CancelToken.none());
        int differing = 0;
        for (int i = 0; i < first.length; i++) {
            differing += first[i] != other[i] ? 1 : 0;
        }
        assertTrue(differing > first.length / 2, "another seed should draw other samples: " + differing + " differ");
    }

    @Test
    void tilesEqualTheMatchingPartOfTheWholeImage() {
        Scene scene = ComputeTestScenes.small();
        float[] whole = cpu.renderTile(RenderJob.fullImage(scene, W, H, SPP, 7), CancelToken.none());
        RenderJob tileJob = new RenderJob(scene, W, H, 16, 8, 20, 12, SPP, 7);
        float[] tile = cpu.renderTile(tileJob, CancelToken.none());
        for (int y = 0; y < 12; y++) {
            for (int x = 0; x < 20; x++) {
                for (int ch = 0; ch < 3; ch++) {
                    assertEquals(whole[((8 + y) * W + 16 + x) * 3 + ch], tile[(y * 20 + x) * 3 + ch], 0f);
                }
            }
        }
    }

    @Test
    void matchesThePlainReferenceTracer() {
        Scene scene = ComputeTestScenes.small();
        float[] image = cpu.renderTile(RenderJob.fullImage(scene, W, H, SPP, 99), CancelToken.none());
        ReferenceTracer reference = new ReferenceTracer(scene, W, H);
        int close = 0;
        double sumDiff = 0, sumRef = 0;
        float max = 0;
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                Vec3 ref = reference.pixel(x, y, SPP, 99);
                float[] want = ref.toArray();
                boolean ok = true;
                for (int ch = 0; ch < 3; ch++) {
                    float got = image[(y * W + x) * 3 + ch];
                    float diff = Math.abs(got - want[ch]);
                    max = Math.max(max, diff);
                    sumDiff += diff;
                    sumRef += Math.abs(want[ch]);
                    ok &= diff <= 1e-3f * (1 + Math.abs(want[ch]));
                }
                close += ok ? 1 : 0;
            }
        }
        // The reference intersects in double, so a rare grazing sample may take another path; the
        // image as a whole must agree to rounding and nearly every pixel individually.
        double relMean = sumDiff / sumRef;
        int pixels = W * H;
        assertTrue(close >= pixels * 0.98, close + " of " + pixels + " pixels match (max diff " + max + ")");
        assertTrue(relMean < 2e-3, "mean relative difference " + relMean);
        assertTrue(sumRef > 0, "the image is not black");
    }
}
