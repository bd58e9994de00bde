package org.hearth.compute.backend;

import java.util.List;
import org.hearth.compute.job.DeviceInfo;
import org.hearth.compute.opencl.OpenClBackend;
import org.hearth.compute.opencl.OpenClDevices;

/** OpenCL candidates: GPU devices always, CPU devices (PoCL and the like) only when allowed. */
public final class OpenClProbe {

    private OpenClProbe() {
    }

    public static BackendCandidate gpu(long memoryCapBytes) {
        return gpu(memoryCapBytes, java.util.Set.of());
    }

    public static BackendCandidate gpu(long memoryCapBytes, java.util.Set<String> skipDevices) {
        return candidate("opencl-gpu", true, memoryCapBytes, true, skipDevices);
    }

    public static BackendCandidate cpu(boolean allowed, long memoryCapBytes) {
        return cpu(allowed, memoryCapBytes, java.util.Set.of());
    }

    /** @param skipDevices devices switched off ({@code opencl-cpu/device name}): the first device left on is opened */
    public static BackendCandidate cpu(boolean allowed, long memoryCapBytes, java.util.Set<String> skipDevices) {
        return candidate("opencl-cpu", false, memoryCapBytes, allowed, skipDevices);
    }

    private static BackendCandidate candidate(String name, boolean gpu, long memoryCapBytes, boolean allowed, java.util.Set<String> skipDevices) {
        OpenClDevices.Discovery discovery = OpenClDevices.discover();
        if (!discovery.ok()) {
            return BackendCandidate.unavailable(name, discovery.failure());
        }
        List<OpenClDevices.Found> matching = discovery.devices().stream().filter(d -> d.gpu() == gpu).toList();
        List<DeviceInfo> infos = matching.stream().map(OpenClDevices.Found::info).toList();
        if (matching.isEmpty()) {
            String others = discovery.devices().stream()
                    .map(d -> d.info().name() + " on " + d.platformName()).toList().toString();
            return BackendCandidate.unavailable(name, "no OpenCL " + (gpu ? "GPU" : "CPU") + " device"
                    + (discovery.devices().isEmpty() ? "" : " (found only " + others + ")"));
        }
        if (!allowed) {
            return BackendCandidate.unavailable(name, infos,
                    "OpenCL CPU devices are used only on request (the CPU backend already uses this processor)");
        }
        java.util.OptionalInt pick = DevicePick.first(name, infos, skipDevices);
        if (pick.isEmpty()) {
            return BackendCandidate.unavailable(name, infos, DevicePick.allOff());
        }
        OpenClDevices.Found used = matching.get(pick.getAsInt());
        return BackendCandidate.available(name, DevicePick.usedFirst(infos, pick.getAsInt()), () -> OpenClBackend.open(used, memoryCapBytes));
    }
}
