package org.hearth.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.nio.file.Path;
import org.hearth.compute.provider.MachineProbe;
import org.hearth.compute.provider.ProviderAgent;
import org.hearth.compute.provider.ProviderPolicy;
import org.hearth.compute.provider.ProviderStatus;
import org.hearth.compute.provider.ProviderStatusFile;
import org.hearth.compute.worker.WorkerOptions;
import org.hearth.config.DataDir;
import org.hearth.market.agent.ProviderJobs;
import org.hearth.market.agent.ProviderReport;
import org.hearth.money.Amounts;
import org.hearth.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code hearth provider start|status}: the compute provider without a window, for servers. {@code start}
 * runs the same agent as the Compute toggle in the foreground until SIGINT or SIGTERM, printing status
 * lines, and records its state in the data dir, where {@code status} (another process) reads it.
 */
@Command(name = "provider", description = "Run this machine as a compute provider without a window.")
public final class ProviderCommand {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParentCommand
    HearthCommand root;

    @Spec
    CommandSpec spec;

    @Command(name = "start", description = "Run the provider agent in the foreground until interrupted (Ctrl-C or SIGTERM) or "
            + "--for ends, printing status lines: with --account, taking jobs from the ComputeMarket (staking, claiming, running, "
            + "submitting, finalizing, withdrawing; one line per job step); without, local benchmark jobs.")
    int start(@Option(names = "--account", paramLabel = "ADDRESS", description = "The wallet account that stakes, claims and is paid.")
              String account,
              @Option(names = "--password-file", paramLabel = "FILE", description = "The wallet password (with --account).") Path passwordFile,
              @Option(names = "--stake", paramLabel = "HRTH", description = "Stake to add at start (default: the market's minimum for a "
                      + "new provider, or what tops an existing one up to it).") String stake,
              @Option(names = "--for", paramLabel = "SECONDS", defaultValue = "0", description = "Stop cleanly after this long (default: "
                      + "run until interrupted).") long forSeconds,
              @Option(names = "--allow-cpu-devices", description = "Also use OpenCL CPU devices (PoCL).") boolean allowCpuDevices,
              @Option(names = "--backends", split = ",", paramLabel = "NAME",
                      description = "Only these backends, in order of preference (cuda, opencl-gpu, opencl-cpu, cpu); default: all.")
              List<String> backends,
              @Option(names = "--max-threads", defaultValue = "0", description = "Most CPU threads the CPU backend uses (default: all).")
              int maxThreads,
              @Option(names = "--only-when-idle", negatable = true, defaultValue = "false",
                      description = "Pause while other programs keep the CPU busy (default: ${DEFAULT-VALUE}).") boolean onlyWhenIdle,
              @Option(names = "--pause-on-battery", negatable = true, defaultValue = "true",
                      description = "Pause while the computer runs on battery (default: ${DEFAULT-VALUE}).") boolean pauseOnBattery,
              @Option(names = "--max-share", defaultValue = "100", paramLabel = "PCT",
                      description = "At most this share of the time, 10 to 100 percent (default: ${DEFAULT-VALUE}).") int maxShare,
              @Option(names = "--hours", defaultValue = "0-24", paramLabel = "START-END",
                      description = "Share only between these hours, e.g. 22-6 (default: ${DEFAULT-VALUE}, all day).") String hours,
              @Option(names = "--status-every", defaultValue = "10", paramLabel = "SECONDS",
                      description = "Print a status line this often (default: ${DEFAULT-VALUE}).") int statusEvery) throws Exception {
        ProviderPolicy policy = policy(onlyWhenIdle, pauseOnBattery, maxShare, hours);
        if (statusEvery < 1) {
            throw new IllegalArgumentException("--status-every must be at least 1 second");
        }
        WorkerOptions worker = WorkerOptions.defaults().withAllowCpuDevices(allowCpuDevices)
                .withBackends(backends == null ? List.of() : backends).withMaxThreads(maxThreads);
        DataDir dataDir = root.dataDir();
        ProviderStatusFile file = new ProviderStatusFile(dataDir.root());
        Optional<ProviderStatusFile.Entry> other = file.read().filter(e -> e.alive() && e.status().active()
                && e.pid() != ProcessHandle.current().pid());
        if (other.isPresent()) {
            throw new IllegalStateException("A provider agent already runs for this data dir (pid " + other.get().pid() + ").");
        }
        if (account == null && (passwordFile != null || stake != null)) {
            throw new IllegalArgumentException("--password-file and --stake go with --account (market mode)");
        }
        if (account != null && passwordFile == null) {
            throw new IllegalArgumentException("--account needs --password-file");
        }
        if (forSeconds < 0) {
            throw new IllegalArgumentException("--for must be a positive number of seconds");
        }
        ProviderAgent.Settings settings = ProviderAgent.Settings.defaults().withWorker(worker);
        if (account == null) {
            return new ForegroundRun(out(), file, new ProviderAgent(settings, policy), policy, null, () -> { })
                    .run(Duration.ofSeconds(statusEvery), forSeconds);
        }
        ProviderMarketMode market = new ProviderMarketMode(root, out(), account, passwordFile, stake);
        return new ForegroundRun(out(), file, new ProviderAgent(settings, policy, new MachineProbe(), market.sources), policy, market.ref, market)
                .run(Duration.ofSeconds(statusEvery), forSeconds);
    }

    @Command(name = "status", description = "What the provider agent of this data dir is doing (exit 3 when none runs).")
    int status(@Option(names = "--json", description = "One JSON object.") boolean json) throws Exception {
        PrintWriter out = out();
        Optional<ProviderStatusFile.Entry> entry = new ProviderStatusFile(root.dataDir().root()).read();
        if (entry.isEmpty()) {
            out.println(json ? JSON.writeValueAsString(Map.of("running", false, "state", "stopped"))
                    : "state:    stopped (no provider agent has run in this data dir)");
            return 3;
        }
        Map<String, Object> m = entry.get().toMap();
        addMarket(entry.get(), m);
        if (json) {
            out.println(JSON.writeValueAsString(m));
        } else {
            out.printf("state:    %s%s%n", m.get("state"), ((String) m.get("reason")).isEmpty() ? "" : " (" + m.get("reason") + ")");
            out.printf("pid:      %s%s%n", m.get("pid"), Boolean.TRUE.equals(m.get("running")) ? "" : " (not running)");
            out.printf("backend:  %s%n", m.get("backend"));
            out.printf("jobs:     %s done, %s verified, %s failed%n", m.get("jobs"), m.get("verified"), m.get("failures"));
            out.printf("last:     render %.2f Msamples/s, gemm %.2f GFLOP/s%n", m.get("render_msamples_per_s"), m.get("gemm_gflops"));
            out.printf("policy:   %s%n", entry.get().policy());
            printMarket(out, m);
            out.printf("updated:  %s%n", m.get("updated"));
        }
        return Boolean.TRUE.equals(m.get("running")) ? 0 : 3;
    }

    /** The market fields (earnings, outcomes, jobs) of a market-mode agent, from the data dir's database. */
    private void addMarket(ProviderStatusFile.Entry entry, Map<String, Object> m) {
        if (entry.market() == null) {
            return;
        }
        ProviderStatusFile.MarketRef ref = entry.market();
        Database db = Database.open(root.dataDir().databaseFile());
        m.putAll(ProviderReport.fields(new ProviderJobs(db), ref.chainId(), ref.market(), ref.account()));
    }

    @SuppressWarnings("unchecked")
    private static void printMarket(PrintWriter out, Map<String, Object> m) {
        if (!m.containsKey("earned_wei")) {
            return;
        }
        out.printf("account:  %s on market %s (chain %s)%n", m.get("account"), m.get("market"), m.get("chain_id"));
        out.printf("earned:   %s HRTH%n", Amounts.format(new java.math.BigInteger((String) m.get("earned_wei")), 18));
        Map<String, Object> outcomes = (Map<String, Object>) m.get("outcomes");
        out.printf("outcomes: %s%n", String.join(", ", outcomes.entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).toList()));
        for (Map<String, Object> job : (List<Map<String, Object>>) m.get("market_jobs")) {
            out.printf("  job %s %s: %s (%s)%n", job.get("id"), job.get("kind"), job.get("outcome"), job.get("reason"));
        }
    }

    static ProviderPolicy policy(boolean onlyWhenIdle, boolean pauseOnBattery, int maxShare, String hours) {
        String[] parts = hours.split("-");
        int start;
        int end;
        try {
            start = Integer.parseInt(parts[0].trim());
            end = Integer.parseInt(parts[1].trim());
            if (parts.length != 2) {
                throw new NumberFormatException();
            }
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("--hours takes START-END, e.g. 22-6, not " + hours);
        }
        return new ProviderPolicy(onlyWhenIdle, pauseOnBattery, maxShare, start, end);
    }

    private PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** One agent in the foreground: prints what it does, records it in the data dir, stops on a signal. */
    private static final class ForegroundRun {
        private final PrintWriter out;
        private final ProviderStatusFile file;
        private final ProviderAgent agent;
        private final ProviderPolicy policy;
        private final ProviderStatusFile.MarketRef market;
        private final AutoCloseable resources;
        private final long pid = ProcessHandle.current().pid();
        private final CountDownLatch stopped = new CountDownLatch(1);
        private boolean stopping;
        private ProviderStatus.State shown;

        ForegroundRun(PrintWriter out, ProviderStatusFile file, ProviderAgent agent, ProviderPolicy policy,
                      ProviderStatusFile.MarketRef market, AutoCloseable resources) {
            this.out = out;
            this.file = file;
            this.agent = agent;
            this.policy = policy;
            this.market = market;
            this.resources = resources;
        }

        /** {@code forSeconds}: stop cleanly after this long (0: until a signal). */
        int run(Duration statusEvery, long forSeconds) throws Exception {
            Thread hook = new Thread(this::shutDown, "hearth-provider-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            agent.subscribe(new ProviderAgent.Listener() {
                @Override
                public void log(String line) {
                    print(line);
                }
            });
            print("Provider agent started (pid " + pid + "); policy " + policy + ". Stop with Ctrl-C or SIGTERM.");
            agent.start();
            long nextLine = System.nanoTime() + statusEvery.toNanos();
            long end = forSeconds == 0 ? Long.MAX_VALUE : System.nanoTime() + TimeUnit.SECONDS.toNanos(forSeconds);
            while (!stopped.await(1, TimeUnit.SECONDS)) {
                if (System.nanoTime() >= end) {
                    Runtime.getRuntime().removeShutdownHook(hook);
                    shutDown();
                    return 0;
                }
                ProviderStatus s = agent.status();
                boolean changed = record(s);
                if (changed || System.nanoTime() >= nextLine) {
                    print(line(s));
                    nextLine = System.nanoTime() + statusEvery.toNanos();
                }
                if (s.state() == ProviderStatus.State.FAILED) {
                    agent.close();
                    resources.close();
                    Runtime.getRuntime().removeShutdownHook(hook);
                    return 1;
                }
            }
            return 0;
        }

        /** Writes the status file unless stopping; true when the state changed since last shown. */
        private synchronized boolean record(ProviderStatus s) {
            if (stopping) {
                return false;
            }
            file.write(pid, s, policy, market);
            boolean changed = s.state() != shown;
            shown = s.state();
            return changed;
        }

        /** The shutdown hook (SIGINT, SIGTERM): stop the worker child, record it, say so. */
        private void shutDown() {
            synchronized (this) {
                stopping = true;
            }
            print("Stopping...");
            agent.close();
            try {
                resources.close();
            } catch (Exception e) {
                print("Could not release everything: " + e.getMessage());
            }
            ProviderStatus s = agent.status();
            file.write(pid, s, policy, market);
            print(line(s));
            print("Stopped.");
            stopped.countDown();
        }

        private synchronized void print(String line) {
            out.println(line);
            out.flush();
        }

        private static String line(ProviderStatus s) {
            return String.format("%-8s backend=%s jobs=%d verified=%d failed=%d render=%.2f Msamples/s gemm=%.2f GFLOP/s%s",
                    s.state().name().toLowerCase(), s.backend().isEmpty() ? "-" : s.backend(), s.jobs(), s.verified(), s.failures(),
                    s.renderMsps(), s.gemmGflops(), s.reason().isEmpty() ? "" : " (" + s.reason() + ")");
        }
    }
}
