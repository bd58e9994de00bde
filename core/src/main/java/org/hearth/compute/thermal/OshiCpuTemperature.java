package org.hearth.compute.thermal;

import oshi.SystemInfo;

/** The CPU temperature through OSHI; 0 or NaN where the OS has no sensor OSHI can read (VMs, many desktops). */
final class OshiCpuTemperature {

    private static volatile oshi.hardware.Sensors sensors;

    private OshiCpuTemperature() {
    }

    static double read() {
        if (sensors == null) {
            sensors = new SystemInfo().getHardware().getSensors();
        }
        return sensors.getCpuTemperature();
    }
}
