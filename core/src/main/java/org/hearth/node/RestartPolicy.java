package org.hearth.node;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Bounded exponential back-off: at most {@code maxRestarts} restarts within {@code window}; the
 * delay doubles from {@code firstDelay} up to {@code maxDelay}.
 */
public final class RestartPolicy {

    private final int maxRestarts;
    private final Duration window;
    private final Duration firstDelay;
    private final Duration maxDelay;
    private final Deque<Instant> recent = new ArrayDeque<>();

    public RestartPolicy(int maxRestarts, Duration window, Duration firstDelay, Duration maxDelay) {
        this.maxRestarts = maxRestarts;
        this.window = window;
        this.firstDelay = firstDelay;
        this.maxDelay = maxDelay;
    }

    public static RestartPolicy defaults() {
        return new RestartPolicy(5, Duration.ofMinutes(5), Duration.ofMillis(500), Duration.ofSeconds(8));
    }

    /** The delay before the next restart, or empty when the budget for the window is spent. */
    public synchronized Optional<Duration> nextDelay(Instant now) {
        while (!recent.isEmpty() && recent.peekFirst().isBefore(now.minus(window))) {
            recent.removeFirst();
        }
        if (recent.size() >= maxRestarts) {
            return Optional.empty();
        }
        Duration delay = firstDelay.multipliedBy(1L << Math.min(recent.size(), 20));
        recent.addLast(now);
        return Optional.of(delay.compareTo(maxDelay) > 0 ? maxDelay : delay);
    }

    public synchronized void reset() {
        recent.clear();
    }
}
