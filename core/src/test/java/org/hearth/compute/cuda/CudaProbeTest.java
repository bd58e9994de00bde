package org.hearth.compute.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hearth.compute.backend.BackendCandidate;
import org.hearth.compute.backend.BackendSelector;
import org.hearth.compute.backend.CudaProbe;
import org.hearth.compute.job.BackendReport;
import org.hearth.compute.job.CancelToken;
import org.hearth.compute.job.RenderJob;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CUDA path on a machine without a GPU: every failure is a report with its reason, never a crash. */
class CudaProbeTest {

    @TempDir
    Path dir;

    @Test
    void aMissingDriverLibraryIsReported() {
        BackendCandidate c = CudaProbe.probe(dir.resolve("libcuda.so.1").toString(), 0);
        assertFalse(c.found());
        assertEquals("the CUDA driver library " + dir.resolve("libcuda.so.1") + " is not installed (no NVIDIA driver found)", c.unavailableReason());
    }

    @Test
    void aFakeDriverWithNoDeviceIsReported() throws Exception {
        Path lib = FakeCuda.build(dir, "nodevice", FakeCuda.initFails(100));
        BackendCandidate c = CudaProbe.probe(lib.toString(), 0);
        assertFalse(c.found());
        assertEquals("CUDA driver 12.8 at " + lib + ": cuInit returned CUDA_ERROR_NO_DEVICE: no CUDA-capable GPU was found (100)", c.unavailableReason());
    }

    @Test
    void theToolkitStubIsRecognised() throws Exception {
        Path lib = FakeCuda.build(dir, "stub", FakeCuda.initFails(34));
        String reason = CudaProbe.probe(lib.toString(), 0).unavailableReason();
        assertTrue(reason.contains("CUDA_ERROR_STUB_LIBRARY: this libcuda is the toolkit's stub, not a driver (34)"), reason);
    }

    @Test
    void aLibraryMissingDriverCallsIsReported() throws Exception {
        Path lib = FakeCuda.build(dir, "partial", FakeCuda.ONLY_INIT);
        String reason = CudaProbe.probe(lib.toString(), 0).unavailableReason();
        assertEquals(lib + " has no cuDeviceGetCount: it is not a working CUDA driver (a stub or an old driver?)", reason);
    }

    @Test
    void aDeviceThatCannotOpenIsReportedBySelection() throws Exception {
        Path lib = FakeCuda.build(dir, "noctx", FakeCuda.DEVICE_WITHOUT_CONTEXT);
        BackendCandidate c = CudaProbe.probe(lib.toString(), 0);
        assertEquals("Fake GPU (compute 8.0)", c.devices().getFirst().name());
        assertEquals(8L << 30, c.devices().getFirst().memoryBytes());
        assertEquals(108, c.devices().getFirst().computeUnits());
        assertEquals("CUDA driver 12.4", c.devices().getFirst().driver());
        BackendSelector.Selection s = BackendSelector.select(List.of(c));
        BackendReport report = s.reports().getFirst();
        assertEquals("none", s.chosenName());
        assertFalse(report.available());
        if (CudaBackend.gemmFatbin() == null) {
            assertEquals("no CUDA kernels in this build (nvcc was not found when it was built)", report.reason());
        } else {
            assertEquals("could not start: cuDevicePrimaryCtxRetain returned CUDA_ERROR_DEVICES_UNAVAILABLE: every GPU is busy or in exclusive mode (46)",
                    report.reason());
        }
    }

    @Test
    void aGpuThatComputesWrongResultsFailsItsSelfTest() throws Exception {
        // Every driver call of the CUDA backend runs through FFM against this fake; its kernels do nothing.
        Path lib = FakeCuda.build(dir, "nop", FakeCuda.DEVICE_THAT_COMPUTES_NOTHING);
        BackendCandidate c = CudaProbe.probe(lib.toString(), 0);
        BackendSelector.Selection s = BackendSelector.select(List.of(c));
        BackendReport report = s.reports().getFirst();
        assertFalse(report.available());
        assertEquals("none", s.chosenName());
        if (CudaBackend.gemmFatbin() == null) {
            assertEquals("no CUDA kernels in this build (nvcc was not found when it was built)", report.reason());
        } else {
            assertTrue(report.reason().startsWith("self-test: gemm result failed verification"), report.reason());
            assertEquals("Nop (compute 9.0)", report.devices().getFirst().name());
            assertEquals(132, report.devices().getFirst().computeUnits());
            // The backend itself: allocation, copies, launches in bands, frees, for both kernels.
            try (CudaBackend backend = CudaBackend.open(CudaDriver.load(lib.toString()), 0, report.devices().getFirst(), 0)) {
                float[] product = backend.gemm(org.hearth.compute.backend.GemmChecks.randomJob(300, 200, 100, 1), CancelToken.none());
                assertEquals(300 * 100, product.length);
                assertEquals(0f, product[0], "the fake GPU computed nothing");
                RenderJob tile = new RenderJob(org.hearth.compute.opencl.OpenClRenderTest.SCENE, 64, 48, 8, 8, 40, 30, 4, 1);
                assertEquals(tile.resultLength(), backend.renderTile(tile, CancelToken.none()).length);
            }
        }
    }

    @Test
    void deniedNativeAccessIsReported() throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process p = new ProcessBuilder(java, "--illegal-native-access=deny", "-cp", System.getProperty("java.class.path"),
                DeniedNativeAccessProbe.class.getName(), dir.resolve("libcuda.so.1").toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes()).strip();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.endsWith("cuda: native access is denied to Hearth, so the CUDA driver cannot be called "
                + "(start Java with --enable-native-access=ALL-UNNAMED)"), out);
    }
}
