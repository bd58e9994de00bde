package org.hearth.compute.provider;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.hearth.compute.thermal.MachineThermals;
import org.hearth.compute.thermal.ThermalSource;
import org.hearth.compute.worker.SupervisorSettings;
import org.hearth.compute.worker.WorkerCapabilities;
import org.hearth.compute.worker.WorkerEvent;
import org.hearth.compute.worker.WorkerOptions;
import org.hearth.compute.worker.WorkerSupervisor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The compute provider: the worker child under its supervisor, the job loop that feeds it, and the
 * policy applied every few seconds (pause with a reason, duty cycle). One agent serves the Compute
 * toggle and {@code hearth provider start}; it keeps running whatever screen is open, and screens only
 * subscribe. Listeners are called on the agent's own threads and must return quickly.
 */
public final class ProviderAgent implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ProviderAgent.class);

    /** How the agent runs its worker and how often it looks at the machine. */
    public record Settings(WorkerOptions worker, SupervisorSettings supervisor, Duration policyInterval, Duration startTimeout) {
        public static Settings defaults() {
            return new Settings(WorkerOptions.defaults(), SupervisorSettings.defaults(), Duration.ofSeconds(5), Duration.ofMinutes(2));
        }

        public Settings withWorker(WorkerOptions options) {
            return new Settings(options, supervisor, policyInterval, startTimeout);
        }

        public Settings withPolicyInterval(Duration interval) {
            return new Settings(worker, supervisor, interval, startTimeout);
        }
    }

    /** What the agent publishes ({@link AgentListener}: every method has a default, so a subscriber implements what it shows). */
    public interface Listener extends AgentListener {
    }

    private final Settings settings;
    private final AgentListeners listeners = new AgentListeners();
    private final ThroughputHistory history = new ThroughputHistory();
    private final ScheduledExecutorService policyTimer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "provider-policy");
        t.setDaemon(true);
        return t;
    });
    private final Object lock = new Object();
    private ProviderPolicy policy;
    private WorkerSupervisor worker;
    private JobSource loop;
    /** Where jobs come from; switched between runs (local benchmark jobs or the market). */
    private volatile JobSource.Factory sources;
    private boolean pausedByPolicy;
    /** Bumped by every start and stop, so a start that finishes after a stop closes what it started. */
    private int generation;
    private ProviderStatus status = ProviderStatus.stopped();
    private final PolicyReading reading;
    private volatile ComputeLimits limits = ComputeLimits.NONE;
    /** Backends the device switches leave on; null: the settings' own list. */
    private volatile List<String> allowedBackends;
    private volatile java.util.Set<String> skippedDevices = java.util.Set.of();

    public ProviderAgent(Settings settings, ProviderPolicy policy) {
        this(settings, policy, new MachineProbe());
    }

    public ProviderAgent(Settings settings, ProviderPolicy policy, MachineProbe probe) {
        this(settings, policy, probe, JobSource.Factory.LOCAL, new MachineThermals());
    }

    /** {@code sources}: where jobs come from ({@link JobSource.Factory#LOCAL}, or the market's loop). */
    public ProviderAgent(Settings settings, ProviderPolicy policy, MachineProbe probe, JobSource.Factory sources) {
        this(settings, policy, probe, sources, new MachineThermals());
    }

    public ProviderAgent(Settings settings, ProviderPolicy policy, MachineProbe probe, ThermalSource thermals) {
        this(settings, policy, probe, JobSource.Factory.LOCAL, thermals);
    }

    /** {@code thermals}: where the temperature limits read (NVML and OSHI on a real machine). */
    public ProviderAgent(Settings settings, ProviderPolicy policy, MachineProbe probe, JobSource.Factory sources, ThermalSource thermals) {
        this.settings = settings;
        this.sources = sources;
        this.policy = policy;
        this.reading = new PolicyReading(probe, thermals);
        long every = settings.policyInterval().toMillis();
        policyTimer.scheduleWithFixedDelay(this::applyPolicy, every, every, TimeUnit.MILLISECONDS);
    }

    /** Adds a listener and tells it the current status at once; run the returned action to unsubscribe. */
    public Runnable subscribe(Listener listener) {
        Runnable remove = listeners.add(listener);
        listener.status(status());
        return remove;
    }

    public ProviderStatus status() {
        synchronized (lock) {
            return status;
        }
    }

    public ProviderPolicy policy() {
        synchronized (lock) {
            return policy;
        }
    }

    /** Recent throughput samples, oldest first, for a subscriber that arrives while the agent runs. */
    public ThroughputHistory.Snapshot history() {
        return history.snapshot();
    }

    /** Takes effect within a moment: the policy is applied at once, not at the next tick. */
    public void setPolicy(ProviderPolicy next) {
        synchronized (lock) {
            policy = next;
        }
        onPolicyThread(this::applyPolicy);
    }

    /** Starts the worker in the background; returns at once. Does nothing while starting or running. */
    public void start() {
        int gen;
        synchronized (lock) {
            if (status.state() == ProviderStatus.State.STARTING || worker != null) {
                return;
            }
            gen = ++generation;
            history.clear();
            publish(ProviderStatus.stopped().with(ProviderStatus.State.STARTING, "", ""));
        }
        // a first reading while the worker starts, so the first figure shown covers a real interval
        onPolicyThread(reading::restart);
        Thread.ofVirtual().name("provider-start").start(() -> launch(gen));
    }

    private void launch(int gen) {
        List<String> only = allowedBackends;
        WorkerOptions options = (only == null ? settings.worker() : settings.worker().withBackends(only)).withSkipDevices(skippedDevices);
        WorkerSupervisor w = WorkerSupervisor.start(options, settings.supervisor(), this::onWorkerEvent);
        WorkerCapabilities caps;
        try {
            caps = w.awaitReady(settings.startTimeout());
        } catch (Exception e) {
            w.close();
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            synchronized (lock) {
                if (gen == generation) {
                    publish(status.with(ProviderStatus.State.FAILED, "", message));
                }
            }
            log("The worker did not start: " + message);
            return;
        }
        JobSource l;
        synchronized (lock) {
            if (gen != generation) {
                w.close(); // stopped while it started
                return;
            }
            worker = w;
            loop = l = sources.create(w, caps, new RunReports(this, gen));
            publish(status.with(ProviderStatus.State.RUNNING, caps.chosen(), ""));
        }
        listeners.each(x -> x.started(caps));
        log("Worker ready (pid " + caps.pid() + "), backend " + caps.chosen() + "; " + l.description());
        applyPolicyNow(); // a source that takes work must not take any before the policy had its say
        l.start();
    }

    /** Stops the job loop and the worker child; blocks until the child is gone (call it off any UI thread). */
    public void stop() {
        stopWith(ProviderStatus.State.STOPPED, "");
    }

    private void stopWith(ProviderStatus.State end, String reason) {
        WorkerSupervisor w;
        JobSource l;
        synchronized (lock) {
            generation++;
            w = worker;
            l = loop;
            worker = null;
            loop = null;
            pausedByPolicy = false;
            if (status.state() == ProviderStatus.State.STOPPED && w == null) {
                return;
            }
            publish(status.with(end, status.backend(), reason));
        }
        listeners.each(x -> x.machine(null, ""));
        if (l != null) {
            l.close();
        }
        if (w != null) {
            w.close();
        }
    }

    /** The worker child's pid while it runs. */
    public Optional<Long> workerPid() {
        synchronized (lock) {
            return worker == null ? Optional.empty() : worker.workerProcess().map(ProcessHandle::pid);
        }
    }

    /** Pauses the worker while the policy says so, resumes it otherwise, and sets its duty cycle. */
    private void applyPolicy() {
        WorkerSupervisor w;
        JobSource l;
        ProviderPolicy p;
        synchronized (lock) {
            w = worker;
            l = loop;
            p = policy;
        }
        if (w == null) {
            return;
        }
        PolicyReading.Reading seen = reading.read(w, p, limits);
        Optional<String> reason = seen.pause();
        String change = null;
        synchronized (lock) {
            if (worker != w) {
                return; // stopped meanwhile
            }
            w.dutyCycle(p.maxSharePercent());
            if (reason.isPresent() && !pausedByPolicy) {
                w.pause();
                l.paused(true);
                pausedByPolicy = true;
                change = "Paused: " + reason.get();
            } else if (reason.isEmpty() && pausedByPolicy) {
                w.resume();
                l.paused(false);
                pausedByPolicy = false;
                change = "Resumed";
            }
            ProviderStatus.State state = reason.isPresent() ? ProviderStatus.State.PAUSED : ProviderStatus.State.RUNNING;
            if (state != status.state() || !reason.orElse("").equals(status.reason())) {
                publish(status.with(state, status.backend(), reason.orElse("")));
            }
        }
        if (change != null) {
            log(change);
        }
        listeners.each(x -> x.machine(seen.machine(), seen.unreadable()));
        listeners.each(x -> x.thermal(seen.heat()));
    }

    /** Applies the policy on its thread and waits for it. */
    private void applyPolicyNow() {
        try {
            policyTimer.submit(this::applyPolicy).get();
        } catch (RejectedExecutionException closing) {
            // the agent is closing: nothing to apply
        } catch (java.util.concurrent.ExecutionException e) {
            LOG.warn("Applying the provider policy failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void onWorkerEvent(WorkerEvent event) {
        if (event.kind() == WorkerEvent.Kind.JOB_STARTED) {
            return; // one per job: too frequent to read
        }
        log("Worker " + event);
        if (event.kind() == WorkerEvent.Kind.GAVE_UP) {
            // not on the supervisor's thread: closing the supervisor waits for its threads
            Thread.ofVirtual().name("provider-gave-up").start(() -> stopFailed(event.message()));
        }
    }

    /** Called with the lock held. */
    void publish(ProviderStatus next) {
        status = next;
        listeners.each(x -> x.status(next));
    }

    private void log(String line) {
        listeners.log(line);
    }

    AgentListeners listeners() {
        return listeners;
    }

    ThroughputHistory throughput() {
        return history;
    }

    boolean isCurrent(int gen) {
        synchronized (lock) {
            return gen == generation;
        }
    }

    /** Runs {@code change} under the lock if run {@code gen} is still the current one; false when it is not. */
    boolean ifCurrent(int gen, Runnable change) {
        synchronized (lock) {
            if (gen != generation) {
                return false;
            }
            change.run();
            return true;
        }
    }

    void stopFailed(String reason) {
        stopWith(ProviderStatus.State.FAILED, reason);
    }

    private void onPolicyThread(Runnable work) {
        try {
            policyTimer.execute(work);
        } catch (RejectedExecutionException closing) {
            // the agent is closing: nothing to apply
        }
    }

    /** The running job source, for {@link AgentStop}'s drain or release before a stop; empty while stopped. */
    public Optional<JobSource> source() {
        synchronized (lock) {
            return Optional.ofNullable(loop);
        }
    }

    /** A line from the job source (the market loop's job steps) into the agent's log and its listeners. */
    public void note(String line) {
        log(line);
    }

    /** Where the next run's jobs come from (the Compute screen switches to the market once set up). */
    public void setSource(JobSource.Factory next) {
        sources = next;
    }

    /** Temperature limits; applied at the next policy tick. */
    public void setLimits(ComputeLimits next) {
        limits = next;
        onPolicyThread(this::applyPolicy);
    }

    public ComputeLimits limits() {
        return limits;
    }

    /** Backends the worker may choose from at its next start (the device switches); null for the settings' list. */
    public void setAllowedBackends(List<String> backends) {
        allowedBackends = backends == null ? null : List.copyOf(backends);
    }

    /** Devices switched off ({@code backend/device name}) at the worker's next start: it opens the first one left on. */
    public void setSkippedDevices(java.util.Set<String> off) {
        skippedDevices = java.util.Set.copyOf(off);
    }

    /** How long every rule must stay clear before a policy pause ends. */
    public void setResumeAfter(Duration clear) {
        reading.setResumeAfter(clear);
    }

    /** Where the policy reads temperatures; a screen may read it too (off its UI thread). */
    public ThermalSource thermals() {
        return reading.thermals();
    }

    /** The agent's recent log lines, oldest first. */
    public List<AgentLog.Line> recentLog() {
        return listeners.recentLog();
    }

    @Override
    public void close() {
        policyTimer.shutdownNow();
        stop();
    }
}
