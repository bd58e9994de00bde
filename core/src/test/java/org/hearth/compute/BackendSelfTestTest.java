package org.hearth.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hearth.compute.cpu.CpuBackend;
import org.hearth.compute.job.Backend;
import org.hearth.compute.job.BackendReport;
import org.hearth.compute.job.CancelToken;
import org.hearth.compute.job.GemmJob;
import org.hearth.compute.job.RenderJob;
import org.hearth.compute.verify.BackendSelfTest;
import org.junit.jupiter.api.Test;

class BackendSelfTestTest {

    @Test
    void theCpuBackendPassesAndReportsItsDevice() {
        try (CpuBackend cpu = new CpuBackend(2)) {
            BackendReport report = BackendSelfTest.run(cpu, cpu.report().devices());
            assertTrue(report.available(), report.reason());
            assertEquals("cpu", report.name());
            assertEquals(1, report.devices().size());
            assertTrue(report.devices().get(0).computeUnits() >= 1);
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
    void wrongResultsOrCrashesMakeABackendUnavailableWithTheReason() {
        try (CpuBackend cpu = new CpuBackend(1)) {
            BackendReport gemm = BackendSelfTest.run(new Faulty(cpu, true, false, false), java.util.List.of());
            assertFalse(gemm.available());
            assertTrue(gemm.reason().contains("gemm result failed verification"), gemm.reason());
            BackendReport render = BackendSelfTest.run(new Faulty(cpu, false, true, false), java.util.List.of());
            assertFalse(render.available());
            assertTrue(render.reason().contains("render tile failed verification"), render.reason());
            BackendReport crash = BackendSelfTest.run(new Faulty(cpu, false, false, true), java.util.List.of());
            assertFalse(crash.available());
            assertTrue(crash.reason().contains("CL_OUT_OF_RESOURCES"), crash.reason());
        }
    }
}
