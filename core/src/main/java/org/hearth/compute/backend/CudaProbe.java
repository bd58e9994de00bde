package org.hearth.compute.backend;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hearth.compute.cuda.CudaBackend;
import org.hearth.compute.cuda.CudaDriver;
import org.hearth.compute.cuda.CudaException;
import org.hearth.compute.job.DeviceInfo;

/**
 * The CUDA candidate: loads the driver library, initialises it and lists the GPUs. A missing driver,
 * a stub or fake library, no GPU, a build without kernels and denied native access each end in a
 * report with the reason; nothing here throws.
 */
public final class CudaProbe {

    private static final int ATTR_MULTIPROCESSORS = 16;
    private static final int ATTR_CC_MAJOR = 75;
    private static final int ATTR_CC_MINOR = 76;

    /** A driver once initialised stays loaded: unloading libcuda after cuInit is not safe. */
    private static final Map<String, CudaDriver> LOADED = new ConcurrentHashMap<>();

    private CudaProbe() {
    }

    /** @param library the driver library name or path; null for this OS's default */
    public static BackendCandidate probe(String library, long memoryCapBytes) {
        return probe(library, memoryCapBytes, java.util.Set.of());
    }

    /** @param skipDevices devices switched off ({@code cuda/device name}): the first device left on is opened */
    public static BackendCandidate probe(String library, long memoryCapBytes, java.util.Set<String> skipDevices) {
        String lib = library == null || library.isBlank() ? CudaDriver.defaultLibrary() : library;
        try {
            CudaDriver driver = LOADED.get(lib);
            if (driver == null) {
                driver = CudaDriver.load(lib);
                LOADED.put(lib, driver);
            }
            return probe(driver, memoryCapBytes, skipDevices);
        } catch (IllegalCallerException e) {
            return BackendCandidate.unavailable("cuda",
                    "native access is denied to Hearth, so the CUDA driver cannot be called (start Java with --enable-native-access=ALL-UNNAMED)");
        } catch (CudaException e) {
            return BackendCandidate.unavailable("cuda", e.getMessage());
        } catch (RuntimeException | LinkageError e) {
            return BackendCandidate.unavailable("cuda", "the CUDA driver could not be used: " + e);
        }
    }

    private static BackendCandidate probe(CudaDriver driver, long memoryCapBytes, java.util.Set<String> skipDevices) {
        int version = driver.driverVersion();
        String driverWords = "CUDA driver " + version / 1000 + "." + (version % 1000) / 10;
        try {
            driver.init();
        } catch (CudaException e) {
            return BackendCandidate.unavailable("cuda", driverWords + " at " + driver.library() + ": " + e.getMessage());
        }
        int count = driver.deviceCount();
        if (count == 0) {
            return BackendCandidate.unavailable("cuda", driverWords + ": no CUDA-capable GPU");
        }
        List<DeviceInfo> devices = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int dev = driver.device(i);
            String cc = driver.attribute(dev, ATTR_CC_MAJOR) + "." + driver.attribute(dev, ATTR_CC_MINOR);
            devices.add(new DeviceInfo(driver.deviceName(dev) + " (compute " + cc + ")", "NVIDIA",
                    driver.totalMemory(dev), driverWords, driver.attribute(dev, ATTR_MULTIPROCESSORS)));
        }
        if (CudaBackend.gemmFatbin() == null) {
            return BackendCandidate.unavailable("cuda", devices, "no CUDA kernels in this build (nvcc was not found when it was built)");
        }
        java.util.OptionalInt pick = DevicePick.first("cuda", devices, skipDevices);
        if (pick.isEmpty()) {
            return BackendCandidate.unavailable("cuda", devices, DevicePick.allOff());
        }
        int ordinal = pick.getAsInt();
        DeviceInfo used = devices.get(ordinal);
        return BackendCandidate.available("cuda", DevicePick.usedFirst(devices, ordinal), () -> CudaBackend.open(driver, ordinal, used, memoryCapBytes));
    }
}
