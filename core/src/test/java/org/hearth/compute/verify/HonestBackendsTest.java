package org.hearth.compute.verify;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.hearth.compute.backend.BackendCandidate;
import org.hearth.compute.backend.BackendCandidates;
import org.hearth.compute.job.Backend;
import org.hearth.compute.job.CancelToken;
import org.hearth.compute.job.GemmJob;
import org.junit.jupiter.api.Test;

/**
 * The market's check never disputes an honest product from any backend this machine has (the CPU
 * always; PoCL's OpenCL CPU device where installed, as `./run-tests` does; CUDA and OpenCL GPUs where
 * present): other summation orders and fused multiply-adds stay inside the tolerance.
 */
class HonestBackendsTest {

    @Test
    void everyBackendHereIsAcceptedByTheMarketCheck() throws Exception {
        List<String> tested = new ArrayList<>();
        for (BackendCandidate candidate : BackendCandidates.probe(List.of("cuda", "opencl-gpu", "opencl-cpu", "cpu"), null, 0, true, 2)) {
            if (!candidate.found()) {
                continue;
            }
            try (Backend backend = candidate.opener().open()) {
                for (int[] s : new int[][] {{96, 200, 64}, {128, 128, 128}, {33, 517, 65}}) {
                    GemmJob job = random(s[0], s[1], s[2], 17L * s[1]);
                    float[] c = backend.gemm(job, CancelToken.none());
                    for (int t = 0; t < 300; t++) {
                        Freivalds.Result r = new Freivalds(Freivalds.DEFAULT_ROUNDS, t).check(job, c);
                        assertTrue(r.ok(), candidate.name() + " " + job + " disputed in trial " + t + ": " + r);
                    }
                    for (int t = 0; t < 20; t++) {
                        assertTrue(Freivalds.standard().check(job, c).ok(), candidate.name() + " disputed with SecureRandom vectors");
                    }
                }
            }
            tested.add(candidate.name());
        }
        System.out.println("Freivalds: honest products accepted from " + tested);
        assertTrue(tested.contains("cpu"), "the CPU backend is always tested: " + tested);
    }

    private static GemmJob random(int m, int k, int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        float[] a = new float[m * k], b = new float[k * n];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) rnd.nextGaussian();
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = (float) rnd.nextGaussian();
        }
        return new GemmJob(m, k, n, a, b);
    }
}
