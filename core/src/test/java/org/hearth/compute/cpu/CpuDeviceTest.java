package org.hearth.compute.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.hearth.compute.job.DeviceInfo;
import org.junit.jupiter.api.Test;

/** The CPU device's facts come from OSHI; on Linux they match what the kernel says in /proc. */
class CpuDeviceTest {

    private static final Path CPUINFO = Path.of("/proc/cpuinfo");

    @Test
    void nameVendorThreadsAndMemoryOfThisMachine() throws Exception {
        DeviceInfo cpu = CpuDevice.describe(2);
        assertTrue(cpu.name().startsWith(field(CPUINFO, "model name") + " (" + System.getProperty("os.arch") + ", "), cpu.name());
        long processors;
        try (var lines = Files.lines(CPUINFO)) {
            processors = lines.filter(l -> l.startsWith("processor")).count();
        }
        assertTrue(cpu.name().matches(".*-bit vectors, \\d+ cores, " + processors + " threads\\)"), cpu.name());
        assertEquals(field(CPUINFO, "vendor_id"), cpu.vendor());
        long memTotalKib = Long.parseLong(field(Path.of("/proc/meminfo"), "MemTotal").replace("kB", "").strip());
        assertEquals(memTotalKib * 1024, cpu.memoryBytes(), "all of the machine's memory, not the JVM's heap");
        assertEquals(2, cpu.computeUnits(), "the backend's threads");
        assertTrue(cpu.driver().endsWith("Vector API"), cpu.driver());
    }

    private static String field(Path file, String name) throws Exception {
        try (var lines = Files.lines(file)) {
            return lines.filter(l -> l.startsWith(name)).map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElseThrow();
        }
    }
}
