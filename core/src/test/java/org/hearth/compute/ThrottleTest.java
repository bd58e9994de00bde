package org.hearth.compute;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.hearth.compute.cpu.CpuBackend;
import org.hearth.compute.job.CancelToken;
import org.hearth.compute.job.RenderJob;
import org.junit.jupiter.api.Test;

/** The duty-cycle throttle idles the kernel threads between slices and changes nothing in the result. */
class ThrottleTest {

    @Test
    void throttledRenderIdlesBetweenSlicesAndRendersTheSameImage() throws Exception {
        // Large enough that the kernel works well over one 50 ms throttle slice on any machine.
        RenderJob job = RenderJob.fullImage(ComputeTestScenes.small(), 128, 96, 256, 5);
        try (CpuBackend cpu = new CpuBackend(2)) {
            float[] free = cpu.renderTile(job, CancelToken.none());
            CancelToken token = new CancelToken();
            token.dutyCycle(20);
            CompletableFuture<float[]> run = CompletableFuture.supplyAsync(() -> cpu.renderTile(job, token));
            boolean sawIdle = false;
            while (!run.isDone() && !sawIdle) {
                sawIdle = Thread.getAllStackTraces().entrySet().stream()
                        .filter(e -> e.getKey().getName().startsWith("hearth-cpu-"))
                        .anyMatch(e -> Arrays.stream(e.getValue()).anyMatch(f -> f.getMethodName().equals("throttle"))
                                && e.getKey().getState() == Thread.State.TIMED_WAITING);
                Thread.sleep(2);
            }
            float[] throttled = run.get(120, TimeUnit.SECONDS);
            assertTrue(sawIdle, "a kernel thread should have been seen sleeping in the throttle");
            assertArrayEquals(free, throttled);
        }
        assertThrows(IllegalArgumentException.class, () -> new CancelToken().dutyCycle(0));
    }
}
