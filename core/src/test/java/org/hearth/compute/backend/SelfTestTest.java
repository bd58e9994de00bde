package org.hearth.compute.backend;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hearth.compute.cpu.CpuBackend;
import org.hearth.compute.job.Backend;
import org.hearth.compute.job.CancelToken;
import org.hearth.compute.job.GemmJob;
import org.hearth.compute.job.RenderJob;
import org.junit.jupiter.api.Test;

/** The self-test that decides whether a backend may be chosen (used by BackendSelector). */
class SelfTestTest {

    @Test
    void theCpuBackendPasses() {
        try (CpuBackend cpu = new CpuBackend(2)) {
            assertNull(SelfTest.gemm(cpu));
            assertNull(SelfTest.render(cpu));
        }
    }

    /** A backend that computes on the CPU and then corrupts one thing, as a broken driver might. */
    private record Faulty(CpuBackend inner, boolean badGemm, boolean badRender, boolean crash) implements Backend {
        @Override
        public String name() {
            return "faulty";
        }

        @Override
        public float[] gemm(GemmJob job, CancelToken cancel) {
            if (crash) {
                throw new IllegalStateException("CL_OUT_OF_RESOURCES");
            }
            float[] c = inner.gemm(job, cancel);
            if (badGemm) {
                c[c.length / 2] += 1f;
            }
            return c;
        }

        @Override
        public float[] renderTile(RenderJob job, CancelToken cancel) {
            float[] rgb = inner.renderTile(job, cancel);
            if (badRender) {
                for (int i = 0; i < rgb.length; i += 5) {
                    rgb[i] *= 0.5f; // every fifth channel value at half brightness
                }
            }
            return rgb;
        }
    }

    @Test
    void wrongResultsOrCrashesAreCaught() {
        try (CpuBackend cpu = new CpuBackend(1)) {
            String gemm = SelfTest.gemm(new Faulty(cpu, true, false, false));
            assertTrue(gemm != null && gemm.contains("Freivalds"), gemm);
            String render = SelfTest.render(new Faulty(cpu, false, true, false));
            assertTrue(render != null && render.contains("differs from the CPU path tracer"), render);
            IllegalStateException crash = assertThrows(IllegalStateException.class, () -> SelfTest.gemm(new Faulty(cpu, false, false, true)));
            assertTrue(crash.getMessage().contains("CL_OUT_OF_RESOURCES"));
        }
    }
}
