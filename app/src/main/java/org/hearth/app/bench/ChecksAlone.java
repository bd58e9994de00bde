package org.hearth.app.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import org.hearth.compute.blob.BlobStore;
import org.hearth.compute.blob.JobManifest;
import org.hearth.compute.scene.Scene;
import org.hearth.market.requester.JobOutcome;
import org.hearth.market.requester.PostedJob;
import org.hearth.market.requester.ResultVerifier;

/**
 * The market bench's second view of the checks: each result that was fully checked during the run is
 * checked again after the agents stopped, alone on the machine as the reference compute runs, with its
 * inputs read beforehand as the reference's are (fresh secret vectors and pixels; one warm-up pass first,
 * as the reference has). CPU time of this thread, so the two sides of the ratio are measured alike.
 */
final class ChecksAlone {

    private ChecksAlone() {
    }

    /** CPU nanoseconds of the checks, per posted job (0 where the job was not fully checked during the run). */
    static long[] measure(List<PostedJob> posted, List<JobOutcome> outcomes, BlobStore store, Scene scene) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        ResultVerifier verifier = ResultVerifier.standard();
        long[] cpu = new long[posted.size()];
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < posted.size(); i++) {
                JobOutcome o = outcomes.get(i);
                int job = i;
                if (o.verdict() == null || !o.verdict().verified() || o.result() == null) {
                    continue;
                }
                Runnable check = switch (posted.get(i).manifest()) {
                    case JobManifest.Gemm g -> {
                        byte[] a = store.get(g.a()).orElseThrow(), b = store.get(g.b()).orElseThrow();
                        ResultVerifier.GemmInputs inputs = new ResultVerifier.GemmInputs(g.m(), g.k(), g.n(), () -> a, () -> b);
                        yield () -> require(verifier.gemm(inputs, o.result(), true).ok(), job);
                    }
                    case JobManifest.Render r -> () -> require(verifier.render(r, () -> scene, o.result(), true).ok(), job);
                };
                long started = threads.getCurrentThreadCpuTime();
                check.run();
                if (pass == 1) {
                    cpu[i] = threads.getCurrentThreadCpuTime() - started;
                }
            }
        }
        return cpu;
    }

    private static void require(boolean ok, int job) {
        if (!ok) {
            throw new IllegalStateException("the result of posted job " + job + " passed its check during the run but not alone");
        }
    }
}
