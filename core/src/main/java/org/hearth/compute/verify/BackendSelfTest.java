package org.hearth.compute.verify;

import java.util.List;
import org.hearth.compute.job.Backend;
import org.hearth.compute.job.BackendReport;
import org.hearth.compute.job.CancelToken;
import org.hearth.compute.job.DeviceInfo;
import org.hearth.compute.job.GemmJob;
import org.hearth.compute.job.RenderJob;
import org.hearth.compute.scene.Scene;

/**
 * The test a backend must pass before it is chosen: a gemm with awkward edge sizes checked by
 * Freivalds' method, and a render tile checked by re-rendering pixels on the CPU. Any exception or
 * failed check makes the backend unavailable, with the reason in the report.
 */
public final class BackendSelfTest {

    private static final String SCENE = """
            {"camera": {"position": [0, 1, 4], "lookAt": [0, 0.5, 0], "fov": 45},
             "background": [0.5, 0.6, 0.8],
             "spheres": [
               {"center": [0, 0.5, 0], "radius": 0.5, "material": {"type": "diffuse", "albedo": [0.8, 0.3, 0.3]}},
               {"center": [1.1, 0.5, -0.3], "radius": 0.5, "material": {"type": "metal", "albedo": [0.8, 0.8, 0.8], "fuzz": 0.2}},
               {"center": [0, 3, 0], "radius": 1, "material": {"type": "emissive", "emission": [4, 4, 3.5]}}],
             "planes": [{"point": [0, 0, 0], "normal": [0, 1, 0], "material": {"type": "diffuse", "albedo": [0.5, 0.5, 0.5]}}]}
            """;

    private BackendSelfTest() {
    }

    /** Runs the self-test; {@code devices} are what the backend found, reported when it passes. */
    public static BackendReport run(Backend backend, List<DeviceInfo> devices) {
        try {
            GemmJob gemm = randomGemm(67, 131, 45, 20260101L);
            Freivalds.Result g = new Freivalds(3).check(gemm, backend.gemm(gemm, CancelToken.none()));
            if (!g.ok()) {
                return BackendReport.unavailable(backend.name(), "self-test: gemm result failed verification (row "
                        + g.row() + " off by " + String.format("%.3g", g.excess()) + "x the tolerance)");
            }
            RenderJob render = new RenderJob(Scene.parse(SCENE), 40, 30, 4, 3, 24, 20, 8, 77L);
            RenderVerifier.Result r = new RenderVerifier(64, 0.2, 1.0 / 32, 1L).check(render, backend.renderTile(render, CancelToken.none()));
            if (!r.ok()) {
                return BackendReport.unavailable(backend.name(), "self-test: render tile failed verification ("
                        + r.mismatched() + " of " + r.checked() + " pixels differ)");
            }
            return BackendReport.available(backend.name(), devices);
        } catch (RuntimeException | LinkageError e) {
            return BackendReport.unavailable(backend.name(), "self-test failed: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }

    private static GemmJob randomGemm(int m, int k, int n, long seed) {
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        float[] a = new float[m * k];
        float[] b = new float[k * n];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) random.nextDouble(-1, 1);
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = (float) random.nextDouble(-1, 1);
        }
        return new GemmJob(m, k, n, a, b);
    }
}
