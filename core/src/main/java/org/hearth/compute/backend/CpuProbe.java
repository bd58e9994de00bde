package org.hearth.compute.backend;

import java.util.List;
import org.hearth.compute.cpu.CpuBackend;
import org.hearth.compute.cpu.CpuDevice;
import org.hearth.compute.job.DeviceInfo;

/** The CPU candidate: the Vector API backend, present wherever the JVM has the incubator module. */
public final class CpuProbe {

    private CpuProbe() {
    }

    /** @param maxThreads most threads; 0 for every processor */
    public static BackendCandidate probe(int maxThreads) {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return BackendCandidate.unavailable("cpu", "the JVM was started without --add-modules jdk.incubator.vector");
        }
        int threads = maxThreads > 0 ? maxThreads : Runtime.getRuntime().availableProcessors();
        List<DeviceInfo> devices = List.of(CpuDevice.describe(Math.min(threads, Runtime.getRuntime().availableProcessors())));
        return BackendCandidate.available("cpu", devices, () -> new CpuBackend(threads));
    }
}
