package org.hearth.compute.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.hearth.compute.job.Backend;
import org.hearth.compute.job.CancelToken;
import org.hearth.compute.job.GemmJob;
import org.hearth.compute.job.RenderJob;
import org.hearth.compute.verify.Freivalds;
import org.hearth.compute.verify.RenderVerifier;

/**
 * {@code hearth worker bench}: gemm GFLOP/s per backend beside OpenBLAS sgemm measured in the same run
 * with the same thread count (best of a few runs each, after a warm-up), render Msamples/s, and what
 * verification costs next to the work it checks. Each measurement is one record with the keys kind,
 * backend, n, gflops, peer, peer_gflops, ratio (null where they do not apply) and extras.
 */
public final class ComputeBench {

    private final List<Backend> backends;
    private final int threads;
    private final int[] sizes;
    private final Consumer<Map<String, Object>> sink;

    public ComputeBench(List<Backend> backends, int threads, int[] sizes, Consumer<Map<String, Object>> sink) {
        this.backends = List.copyOf(backends);
        this.threads = threads;
        this.sizes = sizes.clone();
        this.sink = sink;
    }

    public void run() {
        StringBuilder why = new StringBuilder();
        Optional<OpenBlasSgemm> blas = OpenBlasSgemm.load(threads, why);
        warmUp();
        for (int n : sizes) {
            GemmJob job = randomJob(n, n);
            int runs = n <= 1024 ? 20 : n <= 2048 ? 8 : 3;
            try (OpenBlasSgemm.Problem peer = blas.map(b -> b.new Problem(n, n, n, job.a(), job.b())).orElse(null)) {
                for (Backend backend : backends) {
                    gemm(backend, job, runs, peer, why.toString());
                }
            }
        }
        for (Backend backend : backends) {
            render(backend);
        }
    }

    /**
     * Runs each backend for a few seconds on both of the CPU gemm's paths (B packed whole, and block
     * by block) before anything is timed: C2 compiles the loops around the microkernel only after
     * thousands of calls, and a cold first size measured at a third of its warm speed.
     */
    private void warmUp() {
        GemmJob small = randomJob(768, 0);
        float[] a = new float[96 * 2100];
        float[] b = new float[2100 * 2050];
        java.util.Arrays.fill(a, 0.5f);
        java.util.Arrays.fill(b, 0.25f);
        GemmJob wideB = new GemmJob(96, 2100, 2050, a, b);
        for (Backend backend : backends) {
            long end = System.nanoTime() + 3_000_000_000L;
            for (int i = 0; i < 400 && (i < 10 || System.nanoTime() < end); i++) {
                backend.gemm(i % 4 == 3 ? wideB : small, CancelToken.none());
            }
        }
    }

    /** Ours and the peer alternate run by run, so both see the same machine load; best of each. */
    private void gemm(Backend backend, GemmJob job, int runs, OpenBlasSgemm.Problem peer, String whyNoPeer) {
        float[] c = backend.gemm(job, CancelToken.none());
        if (peer != null) {
            peer.multiply();
        }
        double best = Double.MAX_VALUE;
        double bestPeer = Double.MAX_VALUE;
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            c = backend.gemm(job, CancelToken.none());
            best = Math.min(best, (System.nanoTime() - start) / 1e9);
            if (peer != null) {
                start = System.nanoTime();
                peer.multiply();
                bestPeer = Math.min(bestPeer, (System.nanoTime() - start) / 1e9);
            }
        }
        Map<String, Object> row = record("gemm", backend.name(), job.n(), job.flops() / best / 1e9,
                peer != null ? "openblas" : null, peer != null ? job.flops() / bestPeer / 1e9 : null);
        row.put("seconds", round(best, 4));
        row.put("peer_seconds", peer != null ? round(bestPeer, 4) : null);
        row.put("threads", threads);
        row.put("runs", runs);
        // Other processes share the cores: the load average says how much a figure can be trusted.
        row.put("load_avg", round(java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), 2));
        if (peer == null) {
            row.put("peer_missing", whyNoPeer);
        }
        sink.accept(row);
        freivalds(backend, job, c, best);
    }

    private void freivalds(Backend backend, GemmJob job, float[] c, double gemmSeconds) {
        int rounds = Freivalds.DEFAULT_ROUNDS;
        boolean[] ok = new boolean[1];
        double best = bestSeconds(5, () -> ok[0] = new Freivalds(rounds).check(job, c).ok());
        Map<String, Object> row = record("freivalds", backend.name(), job.n(), null, null, null);
        row.put("rounds", rounds);
        row.put("ms", round(best * 1e3, 2));
        row.put("gemm_ms", round(gemmSeconds * 1e3, 2));
        row.put("share_of_gemm", round(best / gemmSeconds, 4));
        row.put("passed", ok[0]);
        sink.accept(row);
    }

    private void render(Backend backend) {
        int size = 256;
        int spp = 16;
        RenderJob job = RenderJob.fullImage(BenchScene.scene(), size, size, spp, 1);
        backend.renderTile(RenderJob.fullImage(job.scene(), 64, 64, 4, 1), CancelToken.none()); // warm-up
        float[][] rgb = new float[1][];
        double best = bestSeconds(3, () -> rgb[0] = backend.renderTile(job, CancelToken.none()));
        Map<String, Object> row = record("render", backend.name(), size, null, null, null);
        row.put("spp", spp);
        row.put("msamples_per_s", round(job.samples() / best / 1e6, 2));
        row.put("ms", round(best * 1e3, 1));
        boolean[] ok = new boolean[1];
        double verify = bestSeconds(3, () -> ok[0] = new RenderVerifier().check(job, rgb[0]).ok());
        row.put("verify_ms", round(verify * 1e3, 2));
        row.put("verify_share", round(verify / best, 4));
        row.put("verified", ok[0]);
        sink.accept(row);
    }

    /** Best wall time of {@code runs} timed runs after one untimed warm-up. */
    private static double bestSeconds(int runs, Runnable work) {
        work.run();
        double best = Double.MAX_VALUE;
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            work.run();
            best = Math.min(best, (System.nanoTime() - start) / 1e9);
        }
        return best;
    }

    private static GemmJob randomJob(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] a = new float[n * n];
        float[] b = new float[n * n];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) random.nextDouble(-1, 1);
            b[i] = (float) random.nextDouble(-1, 1);
        }
        return new GemmJob(n, n, n, a, b);
    }

    private static Map<String, Object> record(String kind, String backend, int n, Double gflops, String peer, Double peerGflops) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("kind", kind);
        row.put("backend", backend);
        row.put("n", n);
        row.put("gflops", gflops == null ? null : round(gflops, 1));
        row.put("peer", peer);
        row.put("peer_gflops", peerGflops == null || peerGflops.isNaN() ? null : round(peerGflops, 1));
        row.put("ratio", gflops == null || peerGflops == null || peerGflops.isNaN() ? null : round(gflops / peerGflops, 3));
        return row;
    }

    private static double round(double value, int digits) {
        double scale = Math.pow(10, digits);
        return Math.round(value * scale) / scale;
    }
}
