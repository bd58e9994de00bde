package org.hearth.compute.opencl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.hearth.compute.cpu.CpuBackend;
import org.hearth.compute.job.CancelToken;
import org.hearth.compute.job.RenderJob;
import org.hearth.compute.scene.Scene;
import org.hearth.compute.verify.RenderVerifier;
import org.junit.jupiter.api.Test;

/** render.cl on PoCL against the CPU path tracer: same random numbers, same image within tolerance. */
public class OpenClRenderTest {

    public static final Scene SCENE = org.hearth.compute.ComputeTestScenes.small();

    private static OpenClBackend pocl() {
        OpenClDevices.Found device = OpenClDevices.discover().devices().stream().filter(f -> !f.gpu()).findFirst()
                .orElseThrow(() -> new AssertionError("no OpenCL CPU device; is pocl-opencl-icd installed?"));
        return OpenClBackend.open(device, 0);
    }

    @Test
    void theImageMatchesTheCpuPathTracer() {
        RenderJob job = RenderJob.fullImage(SCENE, 48, 32, 16, 20261124L);
        float[] gpu;
        try (OpenClBackend backend = pocl()) {
            gpu = backend.renderTile(job, CancelToken.none());
        }
        float[] cpu;
        try (CpuBackend backend = new CpuBackend(2)) {
            cpu = backend.renderTile(job, CancelToken.none());
        }
        assertEquals(cpu.length, gpu.length);
        int close = 0;
        double sumCpu = 0;
        double sumGpu = 0;
        for (int p = 0; p < cpu.length / 3; p++) {
            boolean same = true;
            for (int ch = 0; ch < 3; ch++) {
                float e = cpu[3 * p + ch];
                same &= Math.abs(gpu[3 * p + ch] - e) <= RenderVerifier.ABS_TOLERANCE + RenderVerifier.REL_TOLERANCE * Math.abs(e);
                sumCpu += e;
                sumGpu += gpu[3 * p + ch];
            }
            close += same ? 1 : 0;
        }
        int pixels = cpu.length / 3;
        System.out.printf("OpenCL render vs CPU: %d of %d pixels within tolerance, mean %.5f vs %.5f%n", close, pixels, sumGpu / cpu.length, sumCpu / cpu.length);
        assertTrue(close >= pixels * 0.95, close + " of " + pixels + " pixels match the CPU render");
        assertEquals(sumCpu, sumGpu, 0.01 * Math.abs(sumCpu), "the image's total light");
        assertTrue(new RenderVerifier(64, 0.25, 1.0 / 32, 7).check(job, gpu).ok(), "the market's render check accepts it");
    }

    @Test
    void aTileIsTheSamePixelsAsTheWholeImage() {
        RenderJob whole = RenderJob.fullImage(SCENE, 40, 30, 4, 99);
        RenderJob tile = new RenderJob(SCENE, 40, 30, 13, 7, 20, 11, 4, 99);
        try (OpenClBackend backend = pocl()) {
            float[] all = backend.renderTile(whole, CancelToken.none());
            float[] part = backend.renderTile(tile, CancelToken.none());
            for (int row = 0; row < 11; row++) {
                int from = 3 * ((7 + row) * 40 + 13);
                assertArrayEquals(Arrays.copyOfRange(all, from, from + 3 * 20), Arrays.copyOfRange(part, 3 * row * 20, 3 * (row + 1) * 20),
                        "tile row " + row);
            }
        }
    }
}
