package org.hearth.compute.backend;

import java.util.List;
import org.hearth.compute.job.Backend;
import org.hearth.compute.job.BackendReport;
import org.hearth.compute.job.DeviceInfo;

/**
 * What probing found for one backend: its devices and how to open it, or the plain reason it cannot
 * be used. Opening may still fail (kernel build, context); the selector reports that too.
 */
public record BackendCandidate(String name, List<DeviceInfo> devices, String unavailableReason, Opener opener) {

    /** Opens the backend; any exception becomes the reason in the report. */
    @FunctionalInterface
    public interface Opener {
        Backend open() throws Exception;
    }

    public static BackendCandidate unavailable(String name, String reason) {
        return new BackendCandidate(name, List.of(), reason, null);
    }

    public static BackendCandidate unavailable(String name, List<DeviceInfo> devices, String reason) {
        return new BackendCandidate(name, devices, reason, null);
    }

    public static BackendCandidate available(String name, List<DeviceInfo> devices, Opener opener) {
        return new BackendCandidate(name, devices, null, opener);
    }

    public boolean found() {
        return opener != null;
    }

    public BackendReport unavailableReport() {
        return new BackendReport(name, false, unavailableReason, devices);
    }
}
