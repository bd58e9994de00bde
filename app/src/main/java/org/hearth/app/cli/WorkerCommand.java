package org.hearth.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hearth.compute.bench.ComputeBench;
import org.hearth.compute.backend.BackendCandidates;
import org.hearth.compute.backend.BackendSelector;
import org.hearth.compute.cpu.CpuBackend;
import org.hearth.compute.job.BackendReport;
import org.hearth.compute.job.Backend;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code hearth worker ...}: the compute worker's backends, measured. */
@Command(name = "worker", description = "The compute worker: backends and benchmarks.", subcommands = WorkerInfoCommand.class)
public final class WorkerCommand {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParentCommand
    HearthCommand root;

    @Spec
    CommandSpec spec;

    @Command(name = "bench", description = "Measure gemm (beside OpenBLAS sgemm, same run, same threads), render and verification.")
    int bench(@Option(names = "--json", description = "One JSON object per line.") boolean json,
              @Option(names = "--sizes", split = ",", defaultValue = "1024,2048,4096",
                      description = "Square gemm sizes (default: ${DEFAULT-VALUE}).") int[] sizes,
              @Option(names = "--threads", defaultValue = "0",
                      description = "Threads for every backend and OpenBLAS (default: all cores).") int threads,
              @Option(names = "--allow-cpu-devices", description = "Also bench OpenCL CPU devices (PoCL).") boolean allowCpuDevices) {
        PrintWriter out = spec.commandLine().getOut();
        for (int n : sizes) {
            if (n < 1 || n > 8192) {
                throw new IllegalArgumentException("gemm size must be 1..8192, got " + n);
            }
        }
        int used = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        List<Backend> backends = new ArrayList<>();
        // The GPU backends that pass their self-test run beside the CPU one; the others say why not.
        BackendSelector.Selection gpus = BackendSelector.select(BackendCandidates.probe(
                List.of("cuda", "opencl-gpu", "opencl-cpu"), null, 0, allowCpuDevices, used), true);
        try (CpuBackend cpu = new CpuBackend(used)) {
            backends.addAll(gpus.open());
            backends.add(cpu);
            for (BackendReport report : gpus.reports()) {
                if (!report.available()) {
                    spec.commandLine().getErr().println(report.name() + ": not benched (" + report.reason() + ")");
                }
            }
            if (!json) {
                out.printf("%-10s %-8s %6s %12s %-9s %12s %7s  %s%n", "kind", "backend", "n", "value", "peer", "peer value", "ratio", "notes");
            }
            new ComputeBench(backends, cpu.threads(), sizes, row -> {
                out.println(json ? toJson(row) : toLine(row));
                out.flush();
            }).run();
        } finally {
            gpus.open().forEach(Backend::close);
        }
        return 0;
    }

    private static String toJson(Map<String, Object> row) {
        try {
            return JSON.writeValueAsString(row);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String toLine(Map<String, Object> row) {
        String kind = (String) row.get("kind");
        String value = switch (kind) {
            case "gemm" -> row.get("gflops") + " GFLOP/s";
            case "render" -> row.get("msamples_per_s") + " Ms/s";
            default -> row.get("ms") + " ms";
        };
        String notes = switch (kind) {
            case "gemm" -> row.get("threads") + " threads, best " + row.get("seconds") + " s, load " + row.get("load_avg")
                    + (row.containsKey("peer_missing") ? "; no OpenBLAS: " + row.get("peer_missing") : "");
            case "freivalds" -> row.get("rounds") + " rounds, " + pct(row.get("share_of_gemm")) + " of gemm time, passed=" + row.get("passed");
            case "render" -> row.get("n") + "x" + row.get("n") + " at " + row.get("spp") + " spp; verify "
                    + row.get("verify_ms") + " ms (" + pct(row.get("verify_share")) + "), verified=" + row.get("verified");
            default -> "";
        };
        Object peerGflops = row.get("peer_gflops");
        return String.format("%-10s %-8s %6s %12s %-9s %12s %7s  %s", kind, row.get("backend"), row.get("n"), value,
                row.get("peer") == null ? "-" : row.get("peer"), peerGflops == null ? "-" : peerGflops + " GFLOP/s",
                row.get("ratio") == null ? "-" : row.get("ratio"), notes);
    }

    private static String pct(Object share) {
        return share instanceof Number n ? String.format("%.2f%%", n.doubleValue() * 100) : "?";
    }
}
