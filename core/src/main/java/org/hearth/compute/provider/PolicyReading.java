package org.hearth.compute.provider;

import java.time.Duration;
import java.util.Optional;
import org.hearth.compute.thermal.ThermalReading;
import org.hearth.compute.thermal.ThermalSource;
import org.hearth.compute.worker.WorkerSupervisor;

/**
 * One look at the machine for the provider's policy: the CPU and power sample (the worker's own CPU
 * time taken out), the temperatures, and the sharing gate's decision, as the reason to pause (with the
 * wait before resuming) or none. Called on the agent's policy thread only.
 */
final class PolicyReading {

    /** What one look found; {@code pause} is empty when work may run. */
    record Reading(MachineState machine, String unreadable, ThermalReading heat, Optional<String> pause) {
    }

    private final MachineProbe probe;
    private final ThermalSource thermals;
    private final SharingGate gate = new SharingGate(SharingGate.DEFAULT_RESUME_AFTER);

    PolicyReading(MachineProbe probe, ThermalSource thermals) {
        this.probe = probe;
        this.thermals = thermals;
    }

    /** A first sample as a run starts, so the first figure shown covers a real interval. */
    void restart() {
        gate.reset();
        probe.sample(0);
    }

    Reading read(WorkerSupervisor worker, ProviderPolicy policy, ComputeLimits limits) {
        long workerCpu = worker.workerProcess().flatMap(h -> h.info().totalCpuDuration()).map(Duration::toNanos).orElse(0L);
        MachineState machine = probe.sample(workerCpu);
        String unreadable = probe.unavailableReason().orElse("");
        ThermalReading heat = thermals.read();
        SharingGate.Decision decision = gate.decide(policy, limits, machine, heat, System.nanoTime());
        Optional<String> reason = decision.reason().map(r -> decision.resumingIn().isZero() ? r
                : r + "; resuming after " + Math.max(1, decision.resumingIn().toSeconds()) + " s clear");
        return new Reading(machine, unreadable, heat, reason);
    }

    void setResumeAfter(Duration clear) {
        gate.setResumeAfter(clear);
    }

    ThermalSource thermals() {
        return thermals;
    }
}
