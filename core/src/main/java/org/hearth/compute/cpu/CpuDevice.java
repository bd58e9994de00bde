package org.hearth.compute.cpu;

import java.util.concurrent.CompletableFuture;
import org.hearth.compute.job.DeviceInfo;
import oshi.SystemInfo;
import oshi.hardware.CentralProcessor;
import oshi.hardware.HardwareAbstractionLayer;

/**
 * The CPU as a compute device: its name, vendor, cores and memory from OSHI (Linux, macOS, Windows).
 * Where OSHI cannot run, the architecture and the JVM's heap stand in rather than failing the backend.
 */
public final class CpuDevice {

    /** What OSHI says about the processor; null where OSHI could not run. */
    private record Facts(String name, String vendor, int cores, int threads, long memoryBytes) {
    }

    private static CompletableFuture<Facts> facts;

    private CpuDevice() {
    }

    /**
     * Starts reading the facts on a background thread: loading OSHI and JNA takes a few hundred
     * milliseconds, which the worker child spends probing the GPU backends meanwhile.
     */
    public static synchronized void prefetch() {
        if (facts == null) {
            CompletableFuture<Facts> future = new CompletableFuture<>();
            facts = future;
            Thread.ofPlatform().daemon().name("cpu-facts").start(() -> {
                try {
                    future.complete(read());
                } finally {
                    future.complete(null); // whatever read() threw, describe() must not wait forever
                }
            });
        }
    }

    /** @param threads threads the CPU backend uses: its compute units */
    public static DeviceInfo describe(int threads) {
        prefetch();
        Facts f = facts.join();
        String vectors = System.getProperty("os.arch") + ", " + SgemmKernel.S.vectorBitSize() + "-bit vectors";
        String driver = "Java " + Runtime.version() + " Vector API";
        if (f == null) {
            return new DeviceInfo("CPU (" + vectors + ")", "", Runtime.getRuntime().maxMemory(), driver, threads);
        }
        return new DeviceInfo(f.name() + " (" + vectors + ", " + f.cores() + " cores, " + f.threads() + " threads)",
                f.vendor(), f.memoryBytes(), driver, threads);
    }

    private static Facts read() {
        try {
            HardwareAbstractionLayer hardware = new SystemInfo().getHardware();
            CentralProcessor cpu = hardware.getProcessor();
            String name = cpu.getProcessorIdentifier().getName().strip();
            return new Facts(name.isEmpty() ? "CPU" : name, cpu.getProcessorIdentifier().getVendor().strip(),
                    cpu.getPhysicalProcessorCount(), cpu.getLogicalProcessorCount(), hardware.getMemory().getTotal());
        } catch (RuntimeException | LinkageError e) {
            return null; // an OS OSHI does not know, or JNA missing
        }
    }
}
