package org.hearth.compute.provider;

import java.time.Duration;
import java.util.Optional;
import org.hearth.compute.thermal.ThermalReading;

/**
 * The policy with hysteresis, so sharing does not flap on and off: it pauses at once when a rule says
 * so (the user gets the machine back), but resumes only once every rule has stayed clear for
 * {@code resumeAfter}, and clear means past a lower mark than the one that paused it (other programs
 * under {@link #RESUME_BELOW} of the CPU, temperatures more than {@link #COOL_MARGIN} degrees under the limit).
 * One instance per agent; called from the agent's policy thread only.
 */
public final class SharingGate {

    /** Other programs' CPU share under which a pause for "in use" may end (it starts above {@link PolicyGate#BUSY_THRESHOLD}). */
    public static final double RESUME_BELOW = 0.15;
    /** Degrees under a temperature limit before a heat pause may end. */
    public static final int COOL_MARGIN = 5;
    public static final Duration DEFAULT_RESUME_AFTER = Duration.ofSeconds(30);

    /**
     * @param reason     why work may not run now; empty when it may
     * @param resumingIn while paused and every rule is clear: how long it must stay clear; zero otherwise
     */
    public record Decision(Optional<String> reason, Duration resumingIn) {
        public boolean paused() {
            return reason.isPresent();
        }
    }

    private volatile Duration resumeAfter;
    private String pausedFor;
    private long clearSince = -1;

    public SharingGate(Duration resumeAfter) {
        this.resumeAfter = resumeAfter;
    }

    public void setResumeAfter(Duration next) {
        resumeAfter = next;
    }

    /** A fresh start: not paused, nothing remembered. */
    public void reset() {
        pausedFor = null;
        clearSince = -1;
    }

    public Decision decide(ProviderPolicy policy, ComputeLimits limits, MachineState machine, ThermalReading heat, long nowNanos) {
        if (pausedFor == null) {
            Optional<String> strict = reason(policy, limits, machine, heat, PolicyGate.BUSY_THRESHOLD, 0);
            strict.ifPresent(r -> pausedFor = r);
            return new Decision(strict, Duration.ZERO);
        }
        Optional<String> relaxed = reason(policy, limits, machine, heat, RESUME_BELOW, COOL_MARGIN);
        if (relaxed.isPresent()) {
            pausedFor = relaxed.get();
            clearSince = -1;
            return new Decision(relaxed, Duration.ZERO);
        }
        if (clearSince < 0) {
            clearSince = nowNanos;
        }
        Duration clear = Duration.ofNanos(nowNanos - clearSince);
        if (clear.compareTo(resumeAfter) >= 0) {
            reset();
            return new Decision(Optional.empty(), Duration.ZERO);
        }
        return new Decision(Optional.of(pausedFor), resumeAfter.minus(clear));
    }

    private static Optional<String> reason(ProviderPolicy policy, ComputeLimits limits, MachineState machine, ThermalReading heat,
                                           double busy, int margin) {
        Optional<String> base = PolicyGate.pauseReason(policy, machine, busy);
        if (base.isPresent()) {
            return base;
        }
        if (limits.gpuMaxCelsius() > 0 && heat.hottestGpu().isPresent() && heat.hottestGpu().getAsInt() >= limits.gpuMaxCelsius() - margin) {
            return Optional.of("the GPU is at " + heat.hottestGpu().getAsInt() + " °C (limit " + limits.gpuMaxCelsius() + " °C)");
        }
        if (limits.cpuMaxCelsius() > 0 && heat.cpu().isPresent() && heat.cpu().getAsInt() >= limits.cpuMaxCelsius() - margin) {
            return Optional.of("the CPU is at " + heat.cpu().getAsInt() + " °C (limit " + limits.cpuMaxCelsius() + " °C)");
        }
        return Optional.empty();
    }
}
