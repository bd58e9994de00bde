package org.hearth.compute.worker;

import java.time.Duration;

/**
 * Timings and retry policy of a {@link WorkerSupervisor}; tests shorten them.
 *
 * @param pingInterval           how often the worker is pinged
 * @param hangTimeout            silence (no frame, no bytes either way) after which a running worker counts as hung
 * @param startTimeout           silence allowed before the first HELLO (backend self-tests compile kernels)
 * @param maxAttemptsPerJob      workers a job may take down before it fails with the reason
 * @param firstBackoff           wait before the first restart; doubles with each failure in a row
 * @param maxBackoff             longest wait between restarts
 * @param maxConsecutiveFailures failures in a row after which the supervisor gives up
 */
public record SupervisorSettings(Duration pingInterval, Duration hangTimeout, Duration startTimeout, int maxAttemptsPerJob,
                                 Duration firstBackoff, Duration maxBackoff, int maxConsecutiveFailures) {

    public static SupervisorSettings defaults() {
        return new SupervisorSettings(Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofMinutes(2), 2,
                Duration.ofMillis(500), Duration.ofSeconds(30), 5);
    }
}
