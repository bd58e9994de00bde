package org.hearth.compute;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
            float[] throttled = cpu.renderTile(job, token);
            // Sampled through the token rather than thread dumps: dumping stacks in a loop while
            // vectorised kernels run crashed a CI JVM once.
            assertTrue(token.throttledNanos() > 0, "the throttle should have held the kernel threads idle");
            assertArrayEquals(free, throttled);
        }
        assertThrows(IllegalArgumentException.class, () -> new CancelToken().dutyCycle(0));
    }
}
