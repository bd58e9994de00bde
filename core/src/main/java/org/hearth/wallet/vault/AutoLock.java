package org.hearth.wallet.vault;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Locks an {@link UnlockedVault} after a configurable idle time. The app calls {@link #touch()} on
 * user activity; {@link #lockIfIdle()} runs on a scheduler (see {@link #start}). The clock is
 * injected, so tests move time instead of waiting.
 */
public final class AutoLock implements AutoCloseable {

    private final UnlockedVault vault;
    private final Duration idleLimit;
    private final InstantSource clock;
    private volatile Instant lastActivity;
    private ScheduledFuture<?> task;

    public AutoLock(UnlockedVault vault, Duration idleLimit, InstantSource clock) {
        this.vault = Objects.requireNonNull(vault, "vault");
        if (idleLimit.isNegative() || idleLimit.isZero()) {
            throw new IllegalArgumentException("The auto-lock time must be positive");
        }
        this.idleLimit = idleLimit;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.lastActivity = clock.instant();
    }

    /** Records user activity: the idle time starts again. */
    public void touch() {
        lastActivity = clock.instant();
    }

    /** Locks the vault when it has been idle for the limit or longer; true when it is locked now. */
    public boolean lockIfIdle() {
        if (!clock.instant().isBefore(lastActivity.plus(idleLimit))) {
            vault.lock();
        }
        return vault.isLocked();
    }

    /** Time left before auto-lock (zero once it is due). */
    public Duration remaining() {
        Duration left = Duration.between(clock.instant(), lastActivity.plus(idleLimit));
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** Checks every {@code period} on {@code scheduler} until the vault locks or this is closed. */
    public synchronized void start(ScheduledExecutorService scheduler, Duration period) {
        close();
        task = scheduler.scheduleAtFixedRate(() -> {
            if (lockIfIdle()) {
                close();
            }
        }, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void close() {
        if (task != null) {
            task.cancel(false);
            task = null;
        }
    }
}
