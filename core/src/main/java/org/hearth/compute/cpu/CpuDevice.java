package org.hearth.compute.cpu;

import org.hearth.compute.job.DeviceInfo;
import oshi.SystemInfo;
import oshi.hardware.CentralProcessor;
import oshi.hardware.HardwareAbstractionLayer;

/**
 * The CPU as a compute device: its name, vendor, cores and memory from OSHI (Linux, macOS, Windows).
 * Where OSHI cannot run, the architecture and the JVM's heap stand in rather than failing the backend.
 */
public final class CpuDevice {

    private CpuDevice() {
    }

    /** @param threads threads the CPU backend uses: its compute units */
    public static DeviceInfo describe(int threads) {
        String vectors = System.getProperty("os.arch") + ", " + SgemmKernel.S.vectorBitSize() + "-bit vectors";
        String driver = "Java " + Runtime.version() + " Vector API";
        try {
            HardwareAbstractionLayer hardware = new SystemInfo().getHardware();
            CentralProcessor cpu = hardware.getProcessor();
            String name = cpu.getProcessorIdentifier().getName().strip();
            String cores = cpu.getPhysicalProcessorCount() + " cores, " + cpu.getLogicalProcessorCount() + " threads";
            return new DeviceInfo((name.isEmpty() ? "CPU" : name) + " (" + vectors + ", " + cores + ")",
                    cpu.getProcessorIdentifier().getVendor().strip(), hardware.getMemory().getTotal(), driver, threads);
        } catch (RuntimeException | LinkageError e) {
            return new DeviceInfo("CPU (" + vectors + ")", "", Runtime.getRuntime().maxMemory(), driver, threads);
        }
    }
}
