package org.hearth.compute.job;

import java.util.List;

/**
 * What probing a backend found: available with its devices, or not available with the reason in
 * plain words (no driver, stub library, no device, native access denied, self-test failed...).
 */
public record BackendReport(String name, boolean available, String reason, List<DeviceInfo> devices) {

    public BackendReport {
        reason = reason == null ? "" : reason;
        devices = devices == null ? List.of() : List.copyOf(devices);
    }

    public static BackendReport available(String name, List<DeviceInfo> devices) {
        return new BackendReport(name, true, "", devices);
    }

    public static BackendReport unavailable(String name, String reason) {
        return new BackendReport(name, false, reason, List.of());
    }
}
