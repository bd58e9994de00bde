package org.hearth.compute.worker;

import java.util.SplittableRandom;
import org.hearth.compute.job.Backend;
import org.hearth.compute.job.CancelToken;
import org.hearth.compute.job.GemmJob;
import org.hearth.compute.job.RenderJob;
import org.hearth.compute.scene.Scene;

/**
 * A rough throughput figure for the capabilities report, taken at worker start in well under a
 * second: the best of three 512³ gemms and of three small render tiles. `hearth worker bench` measures
 * properly; this only tells the app what order of speed to expect.
 */
final class QuickMeasure {

    private static final String SCENE = """
            {"camera": {"position": [0, 1, 3], "lookAt": [0, 0.5, 0], "up": [0, 1, 0], "fov": 50},
             "background": [0.4, 0.5, 0.7],
             "spheres": [{"center": [0, 0.5, 0], "radius": 0.5, "material": {"type": "diffuse", "albedo": [0.8, 0.3, 0.3]}},
                         {"center": [0, 2.2, 0], "radius": 0.6, "material": {"type": "emissive", "emission": [3, 3, 3]}}],
             "planes": [{"point": [0, 0, 0], "normal": [0, 1, 0], "material": {"type": "metal", "albedo": [0.7, 0.7, 0.7], "fuzz": 0.3}}]}
            """;

    private QuickMeasure() {
    }

    /** gemm GFLOP/s, or 0 when the backend failed. */
    static double gemmGflops(Backend backend) {
        int n = 512;
        SplittableRandom random = new SplittableRandom(1);
        float[] a = new float[n * n];
        float[] b = new float[n * n];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) random.nextDouble(-1, 1);
            b[i] = (float) random.nextDouble(-1, 1);
        }
        GemmJob job = new GemmJob(n, n, n, a, b);
        return job.flops() / 1e9 / bestSeconds(() -> backend.gemm(job, CancelToken.none()));
    }

    /** render Msamples/s, or 0 when the backend failed. */
    static double renderMsamples(Backend backend) {
        RenderJob job = RenderJob.fullImage(Scene.parse(SCENE), 64, 64, 8, 1);
        return job.samples() / 1e6 / bestSeconds(() -> backend.renderTile(job, CancelToken.none()));
    }

    private static double bestSeconds(Runnable run) {
        double best = Double.POSITIVE_INFINITY;
        try {
            for (int i = 0; i < 3; i++) {
                long start = System.nanoTime();
                run.run();
                best = Math.min(best, (System.nanoTime() - start) / 1e9);
            }
        } catch (RuntimeException e) {
            return Double.POSITIVE_INFINITY;
        }
        return best;
    }
}
