package org.hearth.compute;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.hearth.compute.cpu.CpuBackend;
import org.hearth.compute.job.CancelToken;
import org.hearth.compute.job.GemmJob;
import org.hearth.compute.job.JobCancelledException;
import org.hearth.compute.job.RenderJob;
import org.hearth.compute.verify.RenderVerifier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Cancel and pause take effect at the kernels' next checkpoint (milliseconds apart). The one-second
 * bound is asserted with a wide margin; the measured latencies are printed for the record.
 */
class CancelPauseTest {

    private static CpuBackend cpu;

    @BeforeAll
    static void start() {
        cpu = new CpuBackend(2);
        cpu.gemm(GemmTestData.random(300, 300, 300, 1), CancelToken.none()); // compile the kernels first
    }

    @AfterAll
    static void stop() {
        cpu.close();
    }

    @Test
    void cancelStopsALongGemmWithinASecond() throws Exception {
        GemmJob big = GemmTestData.random(4096, 4096, 4096, 2); // seconds of work on two threads
        CancelToken token = new CancelToken();
        CompletableFuture<float[]> run = CompletableFuture.supplyAsync(() -> cpu.gemm(big, token));
        Thread.sleep(150);
        assertFalse(run.isDone(), "the gemm should still be running");
        long cancelledAt = System.nanoTime();
        token.cancel();
        ExecutionException e = assertThrows(ExecutionException.class, () -> run.get(10, TimeUnit.SECONDS));
        long latencyMs = (System.nanoTime() - cancelledAt) / 1_000_000;
        assertInstanceOf(JobCancelledException.class, e.getCause());
        System.out.println("gemm cancel latency: " + latencyMs + " ms");
        assertTrue(latencyMs < 1000, "cancel took " + latencyMs + " ms");
    }

    @Test
    void pauseHoldsARenderAndResumeFinishesItCorrectly() throws Exception {
        RenderJob job = RenderJob.fullImage(ComputeTestScenes.small(), 128, 96, 256, 11);
        CancelToken token = new CancelToken();
        CompletableFuture<float[]> run = CompletableFuture.supplyAsync(() -> cpu.renderTile(job, token));
        Thread.sleep(100);
        long pausedAt = System.nanoTime();
        token.pause();
        long heldMs = awaitKernelThreadsWaiting(2000);
        System.out.println("render pause latency: " + heldMs + " ms (from pause to every kernel thread waiting)");
        assertTrue(heldMs >= 0 && heldMs < 1000, "kernel threads still running " + (System.nanoTime() - pausedAt) / 1_000_000 + " ms after pause");
        Thread.sleep(300);
        assertFalse(run.isDone(), "a paused render must not finish");
        token.resume();
        float[] rgb = run.get(60, TimeUnit.SECONDS);
        RenderVerifier.Result check = new RenderVerifier(64, 0, 0, 3).check(job, rgb);
        assertTrue(check.ok(), () -> "resumed render differs from a fresh one: " + check);
    }

    @Test
    void cancelWakesAPausedJob() throws Exception {
        RenderJob job = RenderJob.fullImage(ComputeTestScenes.small(), 64, 64, 64, 12);
        CancelToken token = new CancelToken();
        token.pause();
        CompletableFuture<float[]> run = CompletableFuture.supplyAsync(() -> cpu.renderTile(job, token));
        Thread.sleep(200);
        assertFalse(run.isDone());
        token.cancel();
        ExecutionException e = assertThrows(ExecutionException.class, () -> run.get(5, TimeUnit.SECONDS));
        assertInstanceOf(JobCancelledException.class, e.getCause());
    }

    /** Milliseconds until both kernel threads wait (paused), or -1 after {@code timeoutMs}. */
    private static long awaitKernelThreadsWaiting(long timeoutMs) throws InterruptedException {
        long start = System.nanoTime();
        while ((System.nanoTime() - start) / 1_000_000 < timeoutMs) {
            long waiting = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().startsWith("hearth-cpu-"))
                    .filter(t -> t.getState() == Thread.State.TIMED_WAITING || t.getState() == Thread.State.WAITING)
                    .filter(t -> java.util.Arrays.stream(t.getStackTrace()).anyMatch(f -> f.getMethodName().equals("awaitResume")))
                    .count();
            if (waiting >= cpu.threads()) {
                return (System.nanoTime() - start) / 1_000_000;
            }
            Thread.sleep(5);
        }
        return -1;
    }
}
