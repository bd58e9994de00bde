package org.hearth.compute.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.hearth.compute.job.BackendReport;
import org.hearth.compute.job.DeviceInfo;
import org.hearth.compute.worker.WorkerOptions;
import org.junit.jupiter.api.Test;

class DeviceSwitchesTest {

    private static final DeviceInfo GPU = new DeviceInfo("Test GPU, 8 GB", "NVIDIA", 8L << 30, "550", 80);
    private static final DeviceInfo CPU = new DeviceInfo("Test CPU", "AMD", 0, "", 16);
    private static final List<BackendReport> PROBED = List.of(BackendReport.available("cuda", List.of(GPU)),
            BackendReport.unavailable("opencl-gpu", "no platform"), BackendReport.available("cpu", List.of(CPU)));

    @Test
    void switchedOffDevicesTakeTheirBackendOutOfTheWorkersChoice() {
        DeviceSwitches gpuOff = DeviceSwitches.ALL_ON.with(DeviceSwitches.id("cuda", GPU), false);
        assertEquals(Optional.of(List.of("opencl-gpu", "opencl-cpu", "cpu")), gpuOff.allowedBackends(WorkerOptions.ALL_BACKENDS, PROBED));
        assertEquals(Optional.of(WorkerOptions.ALL_BACKENDS), DeviceSwitches.ALL_ON.allowedBackends(WorkerOptions.ALL_BACKENDS, PROBED));
        DeviceSwitches allOff = gpuOff.with(DeviceSwitches.id("cpu", CPU), false);
        assertEquals(Optional.empty(), allOff.allowedBackends(WorkerOptions.ALL_BACKENDS, PROBED), "nothing left that can run");
        assertEquals(Optional.of(List.of("cpu")), allOff.with("cpu/Test CPU", true).allowedBackends(List.of("cpu"), PROBED));
        assertEquals(Optional.of(List.of("cuda", "cpu")), allOff.allowedBackends(List.of("cuda", "cpu"), List.of()),
                "before the first probe nothing is known, so nothing is held back");
    }

    @Test
    void storedOneIdALineSoNamesWithCommasSurvive() {
        DeviceSwitches s = DeviceSwitches.ALL_ON.with(DeviceSwitches.id("cuda", GPU), false).with("cpu/Test CPU", false);
        assertEquals(s, DeviceSwitches.decode(s.encode()));
        assertEquals(DeviceSwitches.ALL_ON, DeviceSwitches.decode(""));
    }
}
