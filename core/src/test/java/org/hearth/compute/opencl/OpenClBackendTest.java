package org.hearth.compute.opencl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hearth.compute.backend.BackendCandidate;
import org.hearth.compute.backend.OpenClProbe;
import org.hearth.compute.backend.GemmChecks;
import org.hearth.compute.gpu.GemmTiling;
import org.hearth.compute.job.CancelToken;
import org.hearth.compute.job.GemmJob;
import org.hearth.compute.job.JobCancelledException;
import org.hearth.compute.job.JobRejectedException;
import org.junit.jupiter.api.Test;

/** The OpenCL backend on a real OpenCL CPU device: PoCL, which the test command installs. */
class OpenClBackendTest {

    private static OpenClDevices.Found cpuDevice() {
        OpenClDevices.Discovery d = OpenClDevices.discover();
        assertTrue(d.ok(), "OpenCL discovery failed: " + d.failure());
        return d.devices().stream().filter(f -> !f.gpu()).findFirst()
                .orElseThrow(() -> new AssertionError("no OpenCL CPU device; is pocl-opencl-icd installed? " + d.devices()));
    }

    @Test
    void discoveryDescribesThePoclDevice() {
        OpenClDevices.Found pocl = cpuDevice();
        assertFalse(pocl.info().name().isBlank());
        assertFalse(pocl.info().vendor().isBlank());
        assertTrue(pocl.info().memoryBytes() > 0);
        assertTrue(pocl.info().computeUnits() > 0);
        assertTrue(pocl.info().driver().startsWith("OpenCL "), pocl.info().driver());
    }

    @Test
    void gemmMatchesTheReferenceForAwkwardSizes() {
        try (OpenClBackend backend = OpenClBackend.open(cpuDevice(), 0)) {
            assertEquals("opencl-cpu", backend.name());
            for (int[] s : new int[][] {{1, 1, 1}, {67, 45, 130}, {128, 64, 64}, {200, 300, 150}}) {
                GemmJob job = GemmChecks.randomJob(s[0], s[1], s[2], s[0] * 31L + s[2]);
                assertNull(GemmChecks.compare(job, backend.gemm(job, CancelToken.none())), () -> "sizes " + java.util.Arrays.toString(s));
            }
        }
    }

    @Test
    void theCudaTilingIsCorrectToo() {
        // gemm.cu compiles the same source with the LARGE tiles; PoCL checks that configuration's logic.
        try (OpenClBackend backend = OpenClBackend.open(cpuDevice(), 0, GemmTiling.LARGE)) {
            GemmJob job = GemmChecks.randomJob(300, 70, 260, 7);
            assertNull(GemmChecks.compare(job, backend.gemm(job, CancelToken.none())));
        }
    }

    @Test
    void cancelledJobStopsAndTheBackendStaysUsable() {
        try (OpenClBackend backend = OpenClBackend.open(cpuDevice(), 0)) {
            CancelToken token = new CancelToken();
            token.cancel();
            GemmJob job = GemmChecks.randomJob(256, 256, 256, 3);
            assertThrows(JobCancelledException.class, () -> backend.gemm(job, token));
            assertNull(GemmChecks.compare(job, backend.gemm(job, CancelToken.none())));
        }
    }

    @Test
    void aJobOverTheMemoryCapIsRejected() {
        try (OpenClBackend backend = OpenClBackend.open(cpuDevice(), 1 << 20)) {
            GemmJob job = GemmChecks.randomJob(512, 512, 512, 5);
            JobRejectedException e = assertThrows(JobRejectedException.class, () -> backend.gemm(job, CancelToken.none()));
            assertTrue(e.getMessage().contains("over the cap of 1 MiB"), e.getMessage());
        }
    }

    @Test
    void cpuDevicesAreOnlyUsedOnRequest() {
        BackendCandidate refused = OpenClProbe.cpu(false, 0);
        assertFalse(refused.found());
        assertTrue(refused.unavailableReason().contains("only on request"), refused.unavailableReason());
        assertFalse(refused.devices().isEmpty());
        assertTrue(OpenClProbe.cpu(true, 0).found());
        BackendCandidate gpu = OpenClProbe.gpu(0);
        assertFalse(gpu.found(), "this machine has no OpenCL GPU");
        assertTrue(gpu.unavailableReason().startsWith("no OpenCL GPU device"), gpu.unavailableReason());
    }
}
