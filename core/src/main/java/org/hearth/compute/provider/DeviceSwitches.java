package org.hearth.compute.provider;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.hearth.compute.job.BackendReport;
import org.hearth.compute.job.DeviceInfo;

/**
 * Which compute devices the user let the provider use: the ones switched off, by id
 * ({@code backend/device name}). The worker is offered only backends with at least one device on.
 */
public record DeviceSwitches(Set<String> off) {

    public static final DeviceSwitches ALL_ON = new DeviceSwitches(Set.of());

    public DeviceSwitches {
        off = Set.copyOf(off);
    }

    public static String id(String backend, DeviceInfo device) {
        return backend + "/" + device.name();
    }

    public boolean on(String deviceId) {
        return !off.contains(deviceId);
    }

    public DeviceSwitches with(String deviceId, boolean enabled) {
        Set<String> next = new TreeSet<>(off);
        if (enabled) {
            next.remove(deviceId);
        } else {
            next.add(deviceId);
        }
        return new DeviceSwitches(next);
    }

    /**
     * Backends (in {@code preference} order) the worker may choose from: every backend not probed yet,
     * and every probed one with a device left on. Empty when the user switched every device off.
     */
    public Optional<List<String>> allowedBackends(List<String> preference, List<BackendReport> probed) {
        List<String> allowed = new ArrayList<>();
        for (String backend : preference) {
            Optional<BackendReport> report = probed.stream().filter(r -> r.name().equals(backend)).findFirst();
            boolean anyOn = report.map(r -> r.devices().isEmpty() || r.devices().stream().anyMatch(d -> on(id(backend, d))))
                    .orElse(true);
            if (anyOn) {
                allowed.add(backend);
            }
        }
        boolean anyAvailableOn = probed.isEmpty() || probed.stream().filter(BackendReport::available)
                .anyMatch(r -> allowed.contains(r.name()));
        return allowed.isEmpty() || !anyAvailableOn ? Optional.empty() : Optional.of(allowed);
    }

    /** Stored as text in the settings table, one id a line (device names may hold commas). */
    public String encode() {
        return String.join("\n", new TreeSet<>(off));
    }

    public static DeviceSwitches decode(String text) {
        return new DeviceSwitches(new TreeSet<>(Arrays.stream(text.split("\n")).map(String::strip).filter(s -> !s.isEmpty()).toList()));
    }
}
