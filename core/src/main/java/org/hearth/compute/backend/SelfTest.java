package org.hearth.compute.backend;

import java.util.SplittableRandom;
import org.hearth.compute.job.Backend;
import org.hearth.compute.job.CancelToken;
import org.hearth.compute.job.GemmJob;
import org.hearth.compute.job.RenderJob;
import org.hearth.compute.scene.Scene;
import org.hearth.compute.verify.RenderVerifier;
import org.hearth.compute.verify.Freivalds;

/**
 * The check a backend must pass before it is chosen: a small gemm with awkward sizes (so padding and
 * edges are exercised), verified with Freivalds' check and compared element by element with a
 * double-precision reference.
 */
public final class SelfTest {

    private SelfTest() {
    }

    /** Null when the backend computed the product correctly, else what was wrong. */
    public static String gemm(Backend backend) {
        GemmJob job = randomJob(131, 67, 97, 42);
        float[] c = backend.gemm(job, CancelToken.none());
        // The same check the market applies to results (Freivalds), then an exact comparison for the details.
        Freivalds.Result check = new Freivalds(16).check(job, c);
        if (!check.ok()) {
            String detail = compare(job, c);
            return "Freivalds' check failed in round " + check.failedRound() + " (row " + check.row() + ")"
                    + (detail == null ? "" : "; " + detail);
        }
        return compare(job, c);
    }

    /** Null when the backend renders a small tile of every material as the CPU path tracer does, else what was wrong. */
    public static String render(Backend backend) {
        RenderJob job = new RenderJob(Scene.parse(SCENE), 32, 24, 5, 3, 16, 12, 4, 0x5EEDL);
        float[] rgb = backend.renderTile(job, CancelToken.none());
        if (rgb == null || rgb.length != job.resultLength()) {
            return "render gave " + (rgb == null ? 0 : rgb.length) + " values, expected " + job.resultLength();
        }
        // Every pixel re-rendered on the CPU; a few may differ across backends (see RenderVerifier).
        RenderVerifier.Result check = new RenderVerifier(job.tileW() * job.tileH(), 1.0, 1.0 / 16, 1).check(job, rgb);
        return check.ok() ? null : "render differs from the CPU path tracer on " + check.mismatched() + " of " + check.checked()
                + " pixels (worst at " + check.worstX() + "," + check.worstY() + ")";
    }

    /** One of each material, a plane, and an emitter, seen from close by. */
    private static final String SCENE = """
            {"camera": {"position": [0, 1, 3], "lookAt": [0, 0.5, 0], "up": [0, 1, 0], "fov": 50},
             "background": [0.4, 0.5, 0.7],
             "spheres": [
               {"center": [-0.6, 0.5, 0], "radius": 0.5, "material": {"type": "diffuse", "albedo": [0.8, 0.3, 0.3]}},
               {"center": [0.6, 0.5, 0], "radius": 0.5, "material": {"type": "metal", "albedo": [0.8, 0.8, 0.8], "fuzz": 0.1}},
               {"center": [0, 2.2, 0], "radius": 0.6, "material": {"type": "emissive", "emission": [3, 3, 3]}}],
             "planes": [{"point": [0, 0, 0], "normal": [0, 1, 0], "material": {"type": "diffuse", "albedo": [0.5, 0.5, 0.5]}}]}
            """;

    public static GemmJob randomJob(int m, int k, int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        float[] a = new float[m * k];
        float[] b = new float[k * n];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) (rnd.nextDouble() * 2 - 1);
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = (float) (rnd.nextDouble() * 2 - 1);
        }
        return new GemmJob(m, k, n, a, b);
    }

    /** Null when every element is within f32 round-off of the reference (entries in [-1, 1]). */
    public static String compare(GemmJob job, float[] c) {
        if (c == null || c.length != job.m() * job.n()) {
            return "result has " + (c == null ? 0 : c.length) + " elements, expected " + job.m() * job.n();
        }
        double tolerance = 1e-5 * job.k() + 1e-5;
        for (int i = 0; i < job.m(); i++) {
            for (int j = 0; j < job.n(); j++) {
                double expected = 0;
                for (int p = 0; p < job.k(); p++) {
                    expected += (double) job.a()[i * job.k() + p] * job.b()[p * job.n() + j];
                }
                double got = c[i * job.n() + j];
                if (!(Math.abs(got - expected) <= tolerance)) {
                    return "element (" + i + "," + j + ") is " + got + ", expected " + expected;
                }
            }
        }
        return null;
    }
}
