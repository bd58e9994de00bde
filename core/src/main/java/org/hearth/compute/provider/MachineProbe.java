package org.hearth.compute.provider;

import java.time.LocalTime;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The machine's state for the provider policy, read through OSHI on Linux, macOS and Windows: how
 * busy other programs keep the CPU (all CPU time minus the worker's own) and whether the computer runs
 * on battery ({@link BatteryRule}). Where OSHI cannot run (an OS it does not know, JNA missing) the
 * probe reports an idle machine on mains power, says why in {@link #unavailableReason()}, and never throws.
 */
public final class MachineProbe {

    private static final Logger LOG = LoggerFactory.getLogger(MachineProbe.class);

    /** What the probe reads; OSHI in the app, fixed numbers in tests. */
    record Sources(CpuTicksSource cpu, PowerSources power) {
    }

    private final Supplier<Sources> opener;
    private Sources sources;
    private String unavailable;
    private CpuTicksSource.CpuTicks last;
    private long lastWorkerNanos;

    /** Loads OSHI on first use (a few hundred milliseconds), not here. */
    public MachineProbe() {
        this(OshiMachine::sources);
    }

    MachineProbe(Supplier<Sources> opener) {
        this.opener = opener;
    }

    /** Whether this machine's load and power can be read; false means it is taken as idle and on mains. */
    public synchronized boolean supported() {
        return open() != null;
    }

    /** Why the machine's load and power cannot be read here; empty where they can. */
    public synchronized Optional<String> unavailableReason() {
        open();
        return Optional.ofNullable(unavailable);
    }

    /** {@code workerCpuNanos}: total CPU time of the worker process so far (0 when none runs). */
    public synchronized MachineState sample(long workerCpuNanos) {
        int hour = LocalTime.now().getHour();
        Sources s = open();
        if (s == null) {
            return new MachineState(0, false, hour);
        }
        try {
            return new MachineState(othersBusy(s.cpu(), workerCpuNanos), onBattery(s.power()), hour);
        } catch (LinkageError e) {
            giveUp(e); // a native part OSHI needs only on its first read
            return new MachineState(0, false, hour);
        }
    }

    private double othersBusy(CpuTicksSource cpu, long workerCpuNanos) {
        CpuTicksSource.CpuTicks now;
        try {
            now = cpu.ticks();
        } catch (RuntimeException e) {
            last = null; // one failed read: count this sample as idle and start the next interval afresh
            return 0;
        }
        // A restarted worker counts its CPU time from zero again; all of it fell in this interval.
        long workerNanos = workerCpuNanos >= lastWorkerNanos ? workerCpuNanos - lastWorkerNanos : workerCpuNanos;
        double share = last == null ? 0 : othersShare(last, now, workerNanos, cpu.nanosPerTick());
        last = now;
        lastWorkerNanos = workerCpuNanos;
        return share;
    }

    /**
     * Share (0..1) of all CPU time between two readings that went to programs other than the worker:
     * busy ticks minus the worker's CPU time converted to ticks, over all ticks.
     */
    static double othersShare(CpuTicksSource.CpuTicks before, CpuTicksSource.CpuTicks after, long workerNanos, long nanosPerTick) {
        long total = after.total() - before.total();
        if (total <= 0) {
            return 0; // the counters did not move (or went backwards): nothing to measure
        }
        double workerTicks = workerNanos / (double) nanosPerTick;
        return Math.clamp((after.busy() - before.busy() - workerTicks) / total, 0.0, 1.0);
    }

    private static boolean onBattery(PowerSources power) {
        try {
            return BatteryRule.onBattery(power.states());
        } catch (RuntimeException e) {
            return false; // unreadable power sources: never pause a machine that may be on mains
        }
    }

    private Sources open() {
        if (sources == null && unavailable == null) {
            try {
                sources = opener.get();
            } catch (RuntimeException | LinkageError e) {
                giveUp(e);
            }
        }
        return sources;
    }

    private void giveUp(Throwable e) {
        sources = null;
        unavailable = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
        LOG.warn("This machine's CPU load and power cannot be read ({}); the provider policy takes it as idle and on mains", unavailable);
    }
}
