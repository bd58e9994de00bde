package org.hearth.compute.backend;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import org.hearth.compute.job.DeviceInfo;

/**
 * Which of a backend's devices the worker opens: the first one the user left on. Devices are named
 * {@code backend/device name} (as the provider's device switches store them). The device opened is
 * listed first in the backend's report, since what reads the report (the device attestation, the
 * Compute screen) takes the first device as the one in use.
 */
final class DevicePick {

    private DevicePick() {
    }

    static String id(String backend, DeviceInfo device) {
        return backend + "/" + device.name();
    }

    /** Index of the first device not switched off; empty when every one is. */
    static OptionalInt first(String backend, List<DeviceInfo> devices, Set<String> off) {
        for (int i = 0; i < devices.size(); i++) {
            if (!off.contains(id(backend, devices.get(i)))) {
                return OptionalInt.of(i);
            }
        }
        return OptionalInt.empty();
    }

    /** The devices with the one at {@code used} moved first, the rest in their order. */
    static List<DeviceInfo> usedFirst(List<DeviceInfo> devices, int used) {
        List<DeviceInfo> out = new ArrayList<>(devices.size());
        out.add(devices.get(used));
        for (int i = 0; i < devices.size(); i++) {
            if (i != used) {
                out.add(devices.get(i));
            }
        }
        return out;
    }

    static String allOff() {
        return "every device of this backend is switched off";
    }
}
