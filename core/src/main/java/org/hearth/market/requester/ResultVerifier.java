package org.hearth.market.requester;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.hearth.compute.blob.JobManifest;
import org.hearth.compute.job.GemmBlobs;
import org.hearth.compute.job.GemmJob;
import org.hearth.compute.job.RenderJob;
import org.hearth.compute.render.PackedScene;
import org.hearth.compute.render.PathTracer;
import org.hearth.compute.scene.Scene;
import org.hearth.compute.verify.Freivalds;
import org.hearth.compute.verify.RenderVerifier;

/**
 * Checks a provider's result blob against the job, with the platform's checks: Freivalds' check for
 * gemm (real-valued secret vectors, {@value Freivalds#DEFAULT_ROUNDS} rounds: an element off by
 * {@value Freivalds#DETECTION_FACTOR} row tolerances or more passes at most 16⁻⁵ of the time, however the
 * errors were crafted) and re-rendering random pixels for render (detection rate of a wrong patch:
 * {@link #renderDetectionRate}). A result sampled out by the spot-check policy still gets the cheap
 * checks: exact size and only finite values.
 */
public final class ResultVerifier {

    private final Supplier<Freivalds> freivalds;
    private final Supplier<RenderVerifier> renders;

    /** Fresh secret randomness for every check. */
    public static ResultVerifier standard() {
        return new ResultVerifier(Freivalds::standard, RenderVerifier::new);
    }

    public ResultVerifier(Supplier<Freivalds> freivalds, Supplier<RenderVerifier> renders) {
        this.freivalds = freivalds;
        this.renders = renders;
    }

    /**
     * A gemm's inputs as the requester holds them: A and B as raw little-endian f32 bytes, fetched only
     * when the result gets a full check.
     */
    public record GemmInputs(int m, int k, int n, Supplier<byte[]> a, Supplier<byte[]> b) {
        public static GemmInputs of(GemmJob job) {
            return new GemmInputs(job.m(), job.k(), job.n(), () -> GemmBlobs.encodeMatrix(job.a()), () -> GemmBlobs.encodeMatrix(job.b()));
        }
    }

    public Verdict gemm(GemmJob job, byte[] result, boolean fullCheck) {
        return gemm(GemmInputs.of(job), result, fullCheck);
    }

    /** Checks the result blob as it came, read in place: no decoded copy of A, B or C is made. */
    public Verdict gemm(GemmInputs job, byte[] result, boolean fullCheck) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("m", job.m());
        d.put("n", job.n());
        d.put("k", job.k());
        if (!sized(result, job.m(), job.n(), "gemm", d)) {
            return Verdict.wrong("gemm", (String) d.get("problem"), d);
        }
        if (!fullCheck) {
            return shapeOnly("gemm", result, d);
        }
        Freivalds.Result r = freivalds.get().check(job.m(), job.k(), job.n(), job.a().get(), job.b().get(), result);
        d.put("check", "freivalds");
        d.put("rounds", Freivalds.DEFAULT_ROUNDS);
        d.put("failedRound", r.failedRound());
        d.put("row", r.row());
        d.put("excessOverTolerance", finite(r.excess()));
        if (!r.ok()) {
            return Verdict.wrong("gemm", "row " + r.row() + " of C·r is off by " + text(r.excess())
                    + " times its rounding tolerance in round " + r.failedRound(), d);
        }
        return new Verdict(true, true, "gemm", "Freivalds' check passed " + Freivalds.DEFAULT_ROUNDS + " rounds", d);
    }

    public Verdict render(RenderJob job, byte[] result, boolean fullCheck) {
        return render(new JobManifest.Render(null, job.width(), job.height(), job.tileX(), job.tileY(), job.tileW(), job.tileH(),
                job.samplesPerPixel(), job.seed()), job::scene, result, fullCheck);
    }

    /** Checks a tile; the scene is asked for only when the tile gets a full check (re-rendering needs it). */
    public Verdict render(JobManifest.Render tile, Supplier<Scene> scene, byte[] result, boolean fullCheck) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("tile", Map.of("x", tile.tileX(), "y", tile.tileY(), "w", tile.tileW(), "h", tile.tileH()));
        d.put("samples", tile.samples());
        if (!sized(result, tile.tileH(), tile.tileW() * 3, "render", d)) {
            return Verdict.wrong("render", (String) d.get("problem"), d);
        }
        if (!fullCheck) {
            return shapeOnly("render", result, d);
        }
        RenderJob job = new RenderJob(scene.get(), tile.width(), tile.height(), tile.tileX(), tile.tileY(), tile.tileW(), tile.tileH(),
                tile.samples(), tile.seed());
        float[] rgb = GemmBlobs.decodeMatrix(result, job.tileH(), job.tileW() * 3);
        RenderVerifier verifier = renders.get();
        RenderVerifier.Result r = verifier.check(job, rgb);
        d.put("check", "re-render");
        d.put("pixelsChecked", r.checked());
        d.put("pixelsWrong", r.mismatched());
        if (r.worstX() >= 0) {
            float[] expected = new float[3];
            PathTracer.pixel(PackedScene.of(job.scene(), job.width(), job.height()), r.worstX(), r.worstY(), job.width(), job.height(),
                    job.samplesPerPixel(), job.seed(), expected, 0);
            int at = ((r.worstY() - job.tileY()) * job.tileW() + (r.worstX() - job.tileX())) * 3;
            d.put("worstPixel", Map.of("x", r.worstX(), "y", r.worstY(),
                    "claimed", new double[] {rgb[at], rgb[at + 1], rgb[at + 2]},
                    "expected", new double[] {expected[0], expected[1], expected[2]}));
        }
        if (!r.ok()) {
            return Verdict.wrong("render", r.mismatched() + " of " + r.checked() + " re-rendered pixels differ from the result", d);
        }
        return new Verdict(true, true, "render", r.checked() + " re-rendered pixels match", d);
    }

    /**
     * The chance one render check catches a tile of this job in which a square patch of {@code patchSide}
     * pixels is wrong (and the rest right): the hypergeometric rate of {@link RenderVerifier#detectionRate}.
     */
    public static double renderDetectionRate(RenderJob job, int patchSide) {
        int pixels = job.tileW() * job.tileH();
        return new RenderVerifier().detectionRate(pixels, Math.min(pixels, patchSide * patchSide));
    }

    private static boolean sized(byte[] result, int rows, int cols, String kernel, Map<String, Object> d) {
        long expected = 4L * rows * cols;
        d.put("resultBytes", result.length);
        if (result.length != expected) {
            d.put("problem", "the " + kernel + " result has " + result.length + " bytes, expected " + expected);
            return false;
        }
        return true;
    }

    private static Verdict shapeOnly(String kernel, byte[] values, Map<String, Object> d) {
        d.put("check", "shape");
        int bad = GemmBlobs.firstNonFinite(values);
        if (bad >= 0) {
            d.put("nonFiniteAt", bad);
            return Verdict.wrong(kernel, "the result holds a non-finite value at element " + bad, d);
        }
        return new Verdict(true, false, kernel, "size and values well-formed (not sampled for a full check)", d);
    }

    private static Object finite(double v) {
        return Double.isFinite(v) ? v : String.valueOf(v);
    }

    private static String text(double v) {
        return Double.isFinite(v) ? String.format(java.util.Locale.ROOT, "%.3g", v) : String.valueOf(v);
    }
}
