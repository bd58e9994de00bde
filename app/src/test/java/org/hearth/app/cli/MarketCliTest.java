package org.hearth.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.hearth.config.DataDir;
import org.hearth.market.JobState;
import org.hearth.market.MarketContract;
import org.hearth.node.DemoWorld;
import org.hearth.testing.DevTx;
import org.hearth.testing.MarketWorld;
import org.hearth.testing.TestRequester;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hearth provider start --account ...} as a real child JVM taking a job from the demo world's market on
 * anvil (posted by a dev account) to payment, {@code provider status --json} with its earnings and outcomes,
 * {@code market jobs|job}, a clean stop on SIGTERM, and {@code --for}.
 */
class MarketCliTest {

    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** anvil's mnemonic: its first account is the demo world's owner, rich in HRTH. */
    private static final String JUNK = "test test test test test test test test test test test junk";
    private static final String PROVIDER = DevTx.ACCOUNTS[0];
    private static final String REQUESTER = DevTx.ACCOUNTS[4];
    private static final BigInteger PRICE = MarketWorld.HRTH.multiply(BigInteger.valueOf(5));

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
    void aProviderTakesAJobToPaymentReportsItAndStopsOnSigtermOrAfterItsTime() throws Exception {
        Path data = dir.resolve("hearth");
        try (MarketWorld w = MarketWorld.start(dir, null, new DataDir(data).ensureExists().databaseFile()).automine();
             TestRequester requester = new TestRequester(w, REQUESTER, dir.resolve("requester-blobs"))) {
            String rpc = w.chain.rpc().endpoint().toString();
            w.fund(REQUESTER, 1_000);
            Path password = Files.writeString(dir.resolve("pw.txt"), "correct horse\n");
            ok(data, rpc, "wallet", "restore", "--mnemonic-file", Files.writeString(dir.resolve("words.txt"), JUNK).toString(),
                    "--password-file", password.toString());
            JsonNode none = JSON.readTree(ok(data, rpc, "market", "jobs", "--json"));
            assertEquals(0, none.size());

            Path out = dir.resolve("agent.out");
            Path err = dir.resolve("agent.err");
            agent = CliProcess.start(data, out, err, "--rpc", rpc, "provider", "start", "--account", PROVIDER, "--password-file",
                    password.toString(), "--stake", "150", "--backends", "cpu", "--max-share", "100", "--status-every", "1");
            await("the registration", out, () -> read(out).contains("registered on " + w.market.address()));
            assertTrue(read(out).contains("stake 150 HRTH (added 150 HRTH)"), read(out));
            TestRequester.Gemm gemm = requester.postGemm(24, 16, 8, 3, PRICE, 600, 120);
            await("the result", out, () -> w.market.jobState(gemm.id()) == JobState.SUBMITTED);
            w.marketCall(REQUESTER, MarketContract.accept(gemm.id()));
            await("the payment", out, () -> read(out).contains("job " + gemm.id() + ": paid (accepted by the requester"));
            await("the withdrawal", out, () -> read(out).contains("withdrew "));
            String printed = read(out);
            assertTrue(printed.contains("job " + gemm.id() + ": claimed gemm 24x16x8 for 5 HRTH"), printed);
            assertTrue(printed.contains("job " + gemm.id() + ": submitted bafkrei"), printed);

            BigInteger paid = PRICE.subtract(PRICE.multiply(BigInteger.valueOf(DemoWorld.MARKET_FEE_BPS)).divide(BigInteger.valueOf(10_000)));
            JsonNode status = JSON.readTree(CliProcess.run(data, "provider", "status", "--json").out());
            assertEquals("running", status.get("state").asText(), status.toString());
            assertEquals(agent.pid(), status.get("pid").asLong());
            assertTrue(status.has("jobs") && status.has("verified") && status.has("gemm_gflops"), "the old fields stay");
            assertEquals(PROVIDER, status.get("account").asText());
            assertEquals(w.market.address(), status.get("market").asText());
            assertEquals(paid.toString(), status.get("earned_wei").asText());
            assertEquals(1, status.get("outcomes").get("paid").asInt());
            assertEquals(0, status.get("outcomes").get("failed").asInt());
            JsonNode job = status.get("market_jobs").get(0);
            assertEquals(gemm.id().longValue(), job.get("id").asLong());
            assertEquals("gemm", job.get("kind").asText());
            assertEquals("paid", job.get("outcome").asText());
            assertEquals(paid.toString(), job.get("paid_wei").asText());

            JsonNode jobs = JSON.readTree(ok(data, rpc, "market", "jobs", "--json"));
            assertEquals(1, jobs.size());
            assertEquals("settled", jobs.get(0).get("state").asText());
            assertEquals(PROVIDER.toLowerCase(Locale.ROOT), jobs.get(0).get("provider").asText());
            assertEquals(PRICE.toString(), jobs.get(0).get("price_wei").asText());
            JsonNode one = JSON.readTree(ok(data, rpc, "market", "job", gemm.id().toString(), "--json"));
            List<String> events = new ArrayList<>();
            one.get("events").forEach(e -> events.add(e.get("event").asText()));
            assertEquals(List.of("JobPosted", "JobClaimed", "ResultSubmitted", "JobAccepted"), events);
            assertEquals(paid.toString(), one.get("paid_wei").asText());
            String text = ok(data, rpc, "market", "job", gemm.id().toString());
            assertTrue(text.contains("state:         settled") && text.contains("timeline:") && text.contains("JobAccepted"), text);
            Cli.Run unknown = Cli.run(data, "--rpc", rpc, "market", "job", "99");
            assertTrue(unknown.exit() != 0 && unknown.err().contains("The market has no job 99"), unknown.err());

            agent.destroy(); // SIGTERM
            assertTrue(agent.waitFor(60, TimeUnit.SECONDS), "the agent exits on SIGTERM");
            assertEquals(143, agent.exitValue());
            assertTrue(read(out).strip().endsWith("Stopped."), read(out));
            Cli.Run after = CliProcess.run(data, "provider", "status");
            assertEquals(3, after.exit(), after.out() + after.err());
            assertTrue(after.out().contains("earned:   4.875 HRTH") && after.out().contains("1 paid"), after.out());

            Path out2 = dir.resolve("agent2.out");
            agent = CliProcess.start(data, out2, dir.resolve("agent2.err"), "--rpc", rpc, "provider", "start", "--account", PROVIDER,
                    "--password-file", password.toString(), "--backends", "cpu", "--for", "5");
            assertTrue(agent.waitFor(120, TimeUnit.SECONDS), "--for stops the agent by itself");
            assertEquals(0, agent.exitValue(), read(out2) + read(dir.resolve("agent2.err")));
            assertTrue(read(out2).contains("added 0 HRTH") && read(out2).strip().endsWith("Stopped."), read(out2));
        }
    }

    private static String ok(Path data, String rpc, String... args) {
        List<String> all = new ArrayList<>(List.of("--rpc", rpc));
        all.addAll(List.of(args));
        Cli.Run run = Cli.run(data, all.toArray(String[]::new));
        assertEquals(0, run.exit(), run.err() + run.out());
        return run.out();
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void await(String what, Path out, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline || !agent.isAlive()) {
                throw new AssertionError("no " + what + " (agent alive: " + agent.isAlive() + "); output:\n" + read(out)
                        + read(dir.resolve("agent.err")));
            }
            Thread.sleep(250);
        }
    }
}
