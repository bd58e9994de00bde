package org.hearth.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code hearth worker bench} on small sizes: the output format, not the speed. */
class WorkerCommandTest {

    @Test
    void benchJsonPrintsOneRecordPerLineWithTheRequiredKeys() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = HearthCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute("worker", "bench", "--json", "--sizes", "96,130", "--threads", "2");
        assertEquals(0, exit, err.toString());
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> rows = new ArrayList<>();
        for (String line : out.toString().strip().split("\n")) {
            rows.add(json.readTree(line));
        }
        assertEquals(5, rows.size(), out.toString()); // gemm + freivalds per size, then render
        for (JsonNode row : rows) {
            for (String key : List.of("kind", "backend", "n", "gflops", "peer", "peer_gflops", "ratio")) {
                assertTrue(row.has(key), key + " missing in " + row);
            }
        }
        JsonNode gemm = rows.get(0);
        assertEquals("gemm", gemm.get("kind").asText());
        assertEquals("cpu", gemm.get("backend").asText());
        assertEquals(96, gemm.get("n").asInt());
        assertTrue(gemm.get("gflops").asDouble() > 0);
        assertEquals("openblas", gemm.get("peer").asText(), "run-tests installs libopenblas0-pthread: " + gemm);
        assertEquals(gemm.get("gflops").asDouble() / gemm.get("peer_gflops").asDouble(), gemm.get("ratio").asDouble(), 0.01);
        assertEquals("freivalds", rows.get(1).get("kind").asText());
        assertTrue(rows.get(1).get("passed").asBoolean());
        JsonNode render = rows.get(4);
        assertEquals("render", render.get("kind").asText());
        assertTrue(render.get("msamples_per_s").asDouble() > 0);
        assertTrue(render.get("verified").asBoolean());
    }

    @Test
    void benchRejectsAnOversizeMatrix() {
        StringWriter err = new StringWriter();
        CommandLine cl = HearthCommand.commandLine();
        cl.setOut(new PrintWriter(new StringWriter(), true));
        cl.setErr(new PrintWriter(err, true));
        assertEquals(1, cl.execute("worker", "bench", "--sizes", "9000"));
        assertTrue(err.toString().contains("gemm size must be 1..8192"), err.toString());
    }
}
