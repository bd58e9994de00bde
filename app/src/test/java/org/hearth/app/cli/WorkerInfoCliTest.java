package org.hearth.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code hearth worker info} starts the real worker child and prints its findings. */
class WorkerInfoCliTest {

    @TempDir
    Path dataDir;

    private record Run(int exit, String out, String err) {
    }

    private Run hearth(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = HearthCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        List<String> all = new ArrayList<>(List.of("--data-dir", dataDir.toString()));
        all.addAll(List.of(args));
        return new Run(cl.execute(all.toArray(String[]::new)), out.toString(), err.toString());
    }

    @Test
    void infoListsEveryBackendWithTheReasonAndTheChoice() {
        Run run = hearth("worker", "info", "--cuda-library", dataDir.resolve("libcuda.so.1").toString());
        assertEquals(0, run.exit(), run.err() + run.out());
        String out = run.out();
        assertTrue(out.contains("cuda        not available: the CUDA driver library " + dataDir.resolve("libcuda.so.1")
                + " is not installed (no NVIDIA driver found)"), out);
        assertTrue(Pattern.compile("(?m)^opencl-gpu  not available: no OpenCL GPU device").matcher(out).find(), out);
        assertTrue(Pattern.compile("(?m)^opencl-cpu  not available: OpenCL CPU devices are used only on request").matcher(out).find(), out);
        assertTrue(Pattern.compile("(?m)^cpu         available$").matcher(out).find(), out);
        assertTrue(Pattern.compile("(?m)^ +device: .+, \\d+ compute units, OpenCL ").matcher(out).find(), "PoCL is listed: " + out);
        assertTrue(Pattern.compile("(?m)^chosen:     cpu$").matcher(out).find(), out);
        assertTrue(Pattern.compile("(?m)^throughput: about \\d+\\.\\d GFLOP/s gemm \\(n=512\\), \\d+\\.\\d\\d Msamples/s render").matcher(out).find(), out);
    }

    @Test
    void jsonWithCpuDevicesAllowedChoosesOpenClOnPocl() throws Exception {
        Run run = hearth("worker", "info", "--allow-cpu-devices", "--json");
        assertEquals(0, run.exit(), run.err() + run.out());
        JsonNode caps = new ObjectMapper().readTree(run.out());
        assertEquals("opencl-cpu", caps.get("chosen").asText());
        assertTrue(caps.get("pid").asLong() > 0);
        assertTrue(caps.get("gemmGflops").asDouble() > 0 && caps.get("renderMsamplesPerSecond").asDouble() > 0, caps.toString());
        List<String> names = new ArrayList<>();
        for (JsonNode b : caps.get("backends")) {
            names.add(b.get("name").asText());
            assertEquals(b.get("available").asBoolean(), b.get("reason").asText().isEmpty(), b.toString());
        }
        assertEquals(List.of("cuda", "opencl-gpu", "opencl-cpu", "cpu"), names);
        JsonNode pocl = caps.get("backends").get(2).get("devices").get(0);
        assertFalse(pocl.get("name").asText().isBlank());
        assertTrue(pocl.get("memoryBytes").asLong() > 0);
    }
}
