package org.hearth.compute.verify;

import java.util.SplittableRandom;
import org.hearth.compute.job.RenderJob;
import org.hearth.compute.render.PackedScene;
import org.hearth.compute.render.PathTracer;

/**
 * Checks a rendered tile by re-rendering random pixels on the CPU with the same random-number keys and
 * comparing. The same backend reproduces pixels bit for bit; another backend (GPU maths: fused
 * multiply-add, other sin/cos/sqrt roundings) may send a rare grazing sample down a different path, so a
 * small share of checked pixels may exceed the tight tolerance. A wrong tile (noise, zeros, a pasted
 * patch, fewer samples) misses it on many pixels at once.
 */
public final class RenderVerifier {

    public static final int MIN_PIXELS = 32;
    /** Per channel: |claimed − expected| ≤ ABS + REL·|expected|. */
    public static final float ABS_TOLERANCE = 1e-4f;
    public static final float REL_TOLERANCE = 1e-3f;

    private final int minPixels;
    private final double pixelShare;
    private final double allowedMismatchShare;
    private final SplittableRandom random;

    /** Defaults: at least 32 pixels or 1/32 of the tile, up to 1/32 of them may differ (cross-backend). */
    public RenderVerifier() {
        this(MIN_PIXELS, 1.0 / 32, 1.0 / 32, SecretRandom.shared().nextLong());
    }

    public RenderVerifier(int minPixels, double pixelShare, double allowedMismatchShare, long seed) {
        if (minPixels < 1 || pixelShare < 0 || pixelShare > 1 || allowedMismatchShare < 0 || allowedMismatchShare >= 0.5) {
            throw new IllegalArgumentException("bad render verifier settings");
        }
        this.minPixels = minPixels;
        this.pixelShare = pixelShare;
        this.allowedMismatchShare = allowedMismatchShare;
        this.random = new SplittableRandom(seed);
    }

    /**
     * @param checked    pixels re-rendered
     * @param mismatched of those, pixels outside the tolerance (or not finite)
     * @param worstX     image x of the worst pixel, -1 when none differs
     * @param worstY     image y of the worst pixel
     */
    public record Result(boolean ok, int checked, int mismatched, int worstX, int worstY, float worstDiff) {
    }

    public Result check(RenderJob job, float[] rgb) {
        int pixels = job.tileW() * job.tileH();
        if (rgb == null || rgb.length != job.resultLength()) {
            return new Result(false, 0, pixels, -1, -1, Float.POSITIVE_INFINITY);
        }
        int count = checkedPixels(pixels);
        int allowed = (int) Math.floor(count * allowedMismatchShare);
        PackedScene scene = PackedScene.of(job.scene(), job.width(), job.height());
        int[] picks = pick(pixels, count);
        float[] expected = new float[3];
        int mismatched = 0;
        int worstX = -1, worstY = -1;
        float worst = 0f;
        for (int index : picks) {
            int x = job.tileX() + index % job.tileW();
            int y = job.tileY() + index / job.tileW();
            PathTracer.pixel(scene, x, y, job.width(), job.height(), job.samplesPerPixel(), job.seed(), expected, 0);
            boolean bad = false;
            for (int ch = 0; ch < 3; ch++) {
                float got = rgb[index * 3 + ch];
                float diff = Math.abs(got - expected[ch]);
                if (!(diff <= ABS_TOLERANCE + REL_TOLERANCE * Math.abs(expected[ch]))) {
                    bad = true;
                }
                if (!(diff <= worst)) {
                    worst = Float.isNaN(diff) ? Float.POSITIVE_INFINITY : diff;
                    worstX = x;
                    worstY = y;
                }
            }
            if (bad) {
                mismatched++;
            }
        }
        return new Result(mismatched <= allowed, count, mismatched, worstX, worstY, worst);
    }

    /** Pixels this verifier re-renders in a tile of {@code pixels} pixels. */
    public int checkedPixels(int pixels) {
        return (int) Math.min(pixels, Math.max(minPixels, Math.ceil(pixels * pixelShare)));
    }

    /**
     * The chance that this verifier rejects a tile of {@code tilePixels} pixels in which a patch of
     * {@code patchPixels} pixels is wrong (every patch pixel outside the tolerance, the rest right).
     * It re-renders c distinct pixels chosen uniformly and accepts when at most a = ⌊c·allowed share⌋
     * differ, so the number X of checked pixels that land in the patch is hypergeometric (N pixels,
     * P wrong, c drawn) and the tile is caught when X &gt; a: 1 − Σ_{x≤a} C(P,x)·C(N−P,c−x)/C(N,c).
     * Honest cross-backend mismatches elsewhere only raise X, so this is a lower bound.
     */
    public double detectionRate(int tilePixels, int patchPixels) {
        if (patchPixels < 0 || patchPixels > tilePixels) {
            throw new IllegalArgumentException("patch of " + patchPixels + " pixels in a tile of " + tilePixels);
        }
        int c = checkedPixels(tilePixels);
        int allowed = (int) Math.floor(c * allowedMismatchShare);
        double pass = 0;
        for (int x = 0; x <= allowed; x++) {
            pass += hypergeometric(tilePixels, patchPixels, c, x);
        }
        return Math.max(0, 1 - pass);
    }

    /** P(X = x) = C(P,x)·C(N−P,c−x)/C(N,c), by logarithms (the binomials overflow doubles). */
    static double hypergeometric(int n, int p, int c, int x) {
        if (x > p || c - x > n - p || x < 0 || c - x < 0) {
            return 0;
        }
        return Math.exp(logChoose(p, x) + logChoose(n - p, c - x) - logChoose(n, c));
    }

    private static double logChoose(int n, int k) {
        double s = 0;
        for (int i = 1; i <= k; i++) {
            s += Math.log(n - k + i) - Math.log(i);
        }
        return s;
    }

    /** {@code count} distinct indices in [0, pixels), by rejection sampling (fast: count is a small share of pixels, or all of them). */
    private int[] pick(int pixels, int count) {
        int[] out = new int[count];
        if (count == pixels) {
            for (int i = 0; i < count; i++) {
                out[i] = i;
            }
            return out;
        }
        java.util.BitSet taken = new java.util.BitSet(pixels);
        for (int i = 0; i < count; ) {
            int candidate = random.nextInt(pixels);
            if (!taken.get(candidate)) {
                taken.set(candidate);
                out[i++] = candidate;
            }
        }
        return out;
    }
}
