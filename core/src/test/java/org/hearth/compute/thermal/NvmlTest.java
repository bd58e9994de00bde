package org.hearth.compute.thermal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The "no NVML here" paths, said in plain words (this test machine has no NVIDIA driver). */
class NvmlTest {

    @Test
    void aMissingLibraryIsSaidPlainly() {
        NvmlException e = assertThrows(NvmlException.class, () -> Nvml.open("/nonexistent/libnvidia-ml.so.1"));
        assertEquals("no NVIDIA driver: /nonexistent/libnvidia-ml.so.1 is not installed", e.getMessage());
    }

    @Test
    void aLibraryThatIsNotNvmlIsRefusedByName() {
        Path libc = List.of(Path.of("/lib/x86_64-linux-gnu/libc.so.6"), Path.of("/usr/lib/x86_64-linux-gnu/libc.so.6"), Path.of("/lib64/libc.so.6"))
                .stream().filter(Files::exists).findFirst().orElseThrow();
        NvmlException e = assertThrows(NvmlException.class, () -> Nvml.open(libc.toString()));
        assertEquals(libc + " has no nvmlInit_v2: it is not a working NVIDIA management library", e.getMessage());
    }

    @Test
    void machineThermalsSayWhyEachReadingIsMissingAndTryNvmlOnce() {
        AtomicInteger cpuReads = new AtomicInteger();
        MachineThermals thermals = new MachineThermals("/nonexistent/libnvidia-ml.so.1", () -> {
            cpuReads.incrementAndGet();
            return 0.0; // OSHI's "no sensor"
        });
        ThermalReading first = thermals.read();
        assertEquals(List.of(), first.gpus());
        assertEquals("no NVIDIA driver: /nonexistent/libnvidia-ml.so.1 is not installed", first.gpuUnavailable());
        assertTrue(first.hottestGpu().isEmpty() && first.cpu().isEmpty() && first.gpuPowerMilliwatts().isEmpty());
        assertEquals("the operating system reports no CPU temperature on this machine", first.cpuUnavailable());
        assertEquals(first, thermals.read());
        assertEquals(2, cpuReads.get());

        MachineThermals warm = new MachineThermals("/nonexistent/libnvidia-ml.so.1", () -> 61.6);
        assertEquals(62, warm.read().cpu().orElseThrow());
        assertEquals("", warm.read().cpuUnavailable());
        MachineThermals broken = new MachineThermals("/nonexistent/libnvidia-ml.so.1", () -> {
            throw new IllegalStateException("sensor gone");
        });
        assertTrue(broken.read().cpu().isEmpty(), "a failing sensor is no reading, not a crash");
    }

    @Test
    void theDefaultMachineReadsWithoutThrowing() {
        ThermalReading r = new MachineThermals().read();
        assertTrue(r.gpus().isEmpty() != r.gpuUnavailable().isEmpty(), "either GPUs or the reason there are none: " + r);
        assertTrue(r.cpu().isPresent() != !r.cpuUnavailable().isEmpty(), r.toString());
    }
}
