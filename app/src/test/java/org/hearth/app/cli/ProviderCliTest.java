package org.hearth.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hearth provider start} as a real child JVM: it runs verified jobs on the CPU backend, reports them to
 * {@code hearth provider status} (another process), and on SIGTERM stops its worker child and records that.
 */
class ProviderCliTest {

    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final Pattern JOBS = Pattern.compile("^running +backend=cpu jobs=(\\d+) verified=(\\d+) failed=0", Pattern.MULTILINE);
    private static final Pattern WORKER_PID = Pattern.compile("Worker ready \\(pid (\\d+)\\)");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Process agent;

    @AfterEach
    void kill() {
        if (agent != null) {
            agent.destroyForcibly();
        }
    }

    @Test
    void runsJobsReportsThemAndStopsCleanlyOnSigterm() throws Exception {
        Path data = dir.resolve("data");
        Cli.Run none = CliProcess.run(data, "provider", "status", "--json");
        assertEquals(3, none.exit(), none.err());
        assertFalse(JSON.readTree(none.out()).get("running").asBoolean());

        Path out = dir.resolve("agent.out");
        Path err = dir.resolve("agent.err");
        agent = CliProcess.start(data, out, err, "provider", "start", "--backends", "cpu", "--max-share", "100", "--status-every", "1");
        await("five verified jobs", () -> jobs(out) >= 5);
        String printed = Files.readString(out);
        assertTrue(printed.startsWith("Provider agent started (pid " + agent.pid() + ")"), printed);
        Matcher pid = WORKER_PID.matcher(printed);
        assertTrue(pid.find(), printed);
        long workerPid = Long.parseLong(pid.group(1));
        assertTrue(ProcessHandle.of(workerPid).map(ProcessHandle::isAlive).orElse(false), "the worker child runs");

        Cli.Run status = CliProcess.run(data, "provider", "status", "--json");
        assertEquals(0, status.exit(), status.err());
        JsonNode s = JSON.readTree(status.out());
        assertTrue(s.get("running").asBoolean(), status.out());
        assertEquals("running", s.get("state").asText());
        assertEquals(agent.pid(), s.get("pid").asLong());
        assertEquals("cpu", s.get("backend").asText());
        assertTrue(s.get("jobs").asLong() >= 5 && s.get("verified").asLong() == s.get("jobs").asLong(), status.out());
        assertTrue(s.get("gemm_gflops").asDouble() > 0 || s.get("render_msamples_per_s").asDouble() > 0, status.out());
        assertEquals("false,true,100,0,24", s.get("policy").asText());

        Cli.Run second = CliProcess.run(data, "provider", "start", "--backends", "cpu");
        assertEquals(1, second.exit());
        assertTrue(second.err().contains("error: A provider agent already runs for this data dir (pid " + agent.pid() + ")."), second.err());

        agent.destroy(); // SIGTERM
        assertTrue(agent.waitFor(60, TimeUnit.SECONDS), "the agent exits on SIGTERM");
        assertEquals(143, agent.exitValue(), "128 + SIGTERM, after the shutdown hook ran");
        String all = Files.readString(out);
        assertTrue(all.contains("Stopping...") && all.strip().endsWith("Stopped."), all);
        await("the worker child gone", () -> ProcessHandle.of(workerPid).map(h -> !h.isAlive()).orElse(true));
        assertEquals("", Files.readString(err).lines().filter(l -> l.contains("Exception")).reduce("", String::concat));

        Cli.Run after = CliProcess.run(data, "provider", "status");
        assertEquals(3, after.exit(), after.out() + after.err());
        assertTrue(after.out().startsWith("state:    stopped\npid:      " + agent.pid() + " (not running)"), after.out());
        assertTrue(after.out().contains("jobs:     "), after.out());
    }

    @Test
    void aScheduleThatLeavesOutThisHourKeepsItPaused() throws Exception {
        int start = (LocalTime.now().getHour() + 2) % 24;
        Path out = dir.resolve("agent.out");
        agent = CliProcess.start(dir.resolve("data"), out, dir.resolve("agent.err"), "provider", "start", "--backends", "cpu",
                "--hours", start + "-" + (start + 1), "--status-every", "1");
        await("paused by the schedule", () -> read(out).contains("paused   backend=cpu"));
        assertTrue(read(out).contains("(outside the schedule (" + start + ":00 to " + (start + 1) + ":00))"), read(out));
        Cli.Run status = CliProcess.run(dir.resolve("data"), "provider", "status", "--json");
        assertEquals("paused", JSON.readTree(status.out()).get("state").asText(), status.out());
        agent.destroy();
        assertTrue(agent.waitFor(60, TimeUnit.SECONDS));
        assertTrue(read(out).strip().endsWith("Stopped."), read(out));
    }

    private static int jobs(Path out) {
        Matcher m = JOBS.matcher(read(out));
        int last = 0;
        while (m.find()) {
            last = Integer.parseInt(m.group(1));
            assertEquals(m.group(1), m.group(2), "every job verified");
        }
        return last;
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void await(String what, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline || !agent.isAlive()) {
                throw new AssertionError("no " + what + " (agent alive: " + agent.isAlive() + "); output:\n" + read(dir.resolve("agent.out"))
                        + read(dir.resolve("agent.err")));
            }
            Thread.sleep(100);
        }
    }
}
