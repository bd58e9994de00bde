package org.hearth.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.hearth.compute.job.BackendReport;
import org.hearth.compute.job.DeviceInfo;
import org.hearth.compute.worker.WorkerCapabilities;
import org.hearth.compute.worker.WorkerInfo;
import org.hearth.compute.worker.WorkerOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hearth worker info}: starts the worker child as the provider would and prints what it found:
 * every backend, available or the reason it is not, its devices, and the backend chosen.
 */
@Command(name = "info", description = "List every compute backend (available, or why not), its devices and the one chosen.")
public final class WorkerInfoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--allow-cpu-devices", description = "Also use OpenCL CPU devices such as PoCL (off by default).")
    boolean allowCpuDevices;

    @Option(names = "--cuda-library", paramLabel = "PATH", description = "CUDA driver library to load (default: libcuda.so.1, nvcuda.dll on Windows).")
    String cudaLibrary;

    @Option(names = "--json", description = "Print the worker's report as one JSON object.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        WorkerOptions options = WorkerOptions.defaults().withAllowCpuDevices(allowCpuDevices).withCudaLibrary(cudaLibrary);
        WorkerCapabilities caps = WorkerInfo.inspect(options, Duration.ofMinutes(2));
        if (json) {
            out.println(new ObjectMapper().writeValueAsString(caps));
        } else {
            for (BackendReport r : caps.backends()) {
                out.printf("%-11s %s%n", r.name(), r.available() ? "available" : "not available: " + r.reason());
                for (DeviceInfo d : r.devices()) {
                    out.printf("%-11s   device: %s (%s), %s, %d compute units, %s%n", "", d.name(), d.vendor(),
                            memory(d.memoryBytes()), d.computeUnits(), d.driver());
                }
            }
            out.println("chosen:     " + caps.chosen() + (caps.hasBackend() ? "" : " (no backend passed its self-test)"));
            if (caps.hasBackend()) {
                out.printf(Locale.ROOT, "throughput: about %.1f GFLOP/s gemm (n=512), %.2f Msamples/s render (a quick look at start; "
                        + "`hearth worker bench` measures)%n", caps.gemmGflops(), caps.renderMsamplesPerSecond());
            }
        }
        out.flush();
        return caps.hasBackend() ? 0 : 3;
    }

    private static String memory(long bytes) {
        return bytes >= 1L << 30 ? String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30))
                : String.format(Locale.ROOT, "%d MiB", bytes >> 20);
    }
}
