package org.hearth.compute.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import org.hearth.compute.job.DeviceInfo;
import org.hearth.compute.worker.WorkerOptions;
import org.junit.jupiter.api.Test;

/** Per-device switches inside one backend: the first device left on is opened and listed first; all off, the backend is not offered. */
class DevicePickTest {

    private static DeviceInfo device(String name) {
        return new DeviceInfo(name, "V", 1L << 30, "1.0", 8);
    }

    @Test
    void theFirstDeviceLeftOnIsPickedAndListedFirst() {
        List<DeviceInfo> three = List.of(device("GPU A"), device("GPU B, rev 2"), device("GPU C"));
        assertEquals(OptionalInt.of(0), DevicePick.first("cuda", three, Set.of()));
        assertEquals(OptionalInt.of(1), DevicePick.first("cuda", three, Set.of("cuda/GPU A")));
        assertEquals(OptionalInt.of(0), DevicePick.first("cuda", three, Set.of("opencl-gpu/GPU A")), "another backend's switch");
        assertEquals(OptionalInt.empty(), DevicePick.first("cuda", three, Set.of("cuda/GPU A", "cuda/GPU B, rev 2", "cuda/GPU C")));
        assertEquals(List.of("GPU B, rev 2", "GPU A", "GPU C"), DevicePick.usedFirst(three, 1).stream().map(DeviceInfo::name).toList());
    }

    @Test
    void switchedOffDevicesReachTheWorkerAsFlagsEvenWithCommasInTheirNames() {
        WorkerOptions options = WorkerOptions.defaults().withBackends(List.of("opencl-gpu", "cpu"))
                .withSkipDevices(List.of("opencl-gpu/GPU B, rev 2", "opencl-gpu/X=1"));
        assertTrue(options.toArgs().contains("--skip-device=opencl-gpu/GPU B, rev 2"));
        assertEquals(options, WorkerOptions.parse(options.toArgs().toArray(String[]::new)));
        assertEquals(options.skipDevices(), options.withDutyCycle(40).skipDevices(), "a duty-cycle restart keeps them");
    }

    @Test
    void aRealOpenClDeviceSwitchedOffIsNotOpened() {
        BackendCandidate on = OpenClProbe.cpu(true, 0); // PoCL on this machine
        assertTrue(on.found(), on.unavailableReason());
        String id = DevicePick.id("opencl-cpu", on.devices().getFirst());
        BackendCandidate off = OpenClProbe.cpu(true, 0, Set.of(id));
        assertFalse(off.found());
        assertEquals("every device of this backend is switched off", off.unavailableReason());
        assertEquals(on.devices(), off.devices(), "still listed, so its switch can be turned back on");
    }
}
