package org.hearth.compute.worker;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.hearth.compute.job.BackendReport;

/**
 * What the worker found at start (the HELLO message): every backend's report, the one chosen, and a
 * rough throughput of the chosen one (0 when none was chosen; `hearth worker bench` measures properly).
 */
public record WorkerCapabilities(long pid, String chosen, List<BackendReport> backends, double gemmGflops,
                                 double renderMsamplesPerSecond) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public WorkerCapabilities {
        backends = List.copyOf(backends);
    }

    public boolean hasBackend() {
        return !"none".equals(chosen);
    }

    public byte[] toJson() {
        try {
            return JSON.writeValueAsBytes(this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static WorkerCapabilities fromJson(byte[] json) {
        try {
            return JSON.readValue(json, WorkerCapabilities.class);
        } catch (IOException e) {
            throw new ProtocolException("malformed HELLO from the worker: " + e.getMessage());
        }
    }
}
