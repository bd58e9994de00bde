package org.hearth.compute.job;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Cooperative cancel, pause/resume and duty-cycle throttle for a running kernel. Kernels call
 * {@link #checkpoint()} between blocks of work (each well under 100 ms), which throws
 * {@link JobCancelledException} once cancelled, blocks while paused, and sleeps to keep the busy share
 * at or under the duty cycle. Safe to use from any number of kernel threads and a controlling thread.
 */
public final class CancelToken {

    /** Work slice after which the throttle sleeps; short so a throttled job still looks smooth. */
    private static final long THROTTLE_SLICE_NANOS = 50_000_000L;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private volatile boolean cancelled;
    private volatile boolean paused;
    private volatile int dutyPercent = 100;
    private long sliceStart = System.nanoTime();
    private volatile long idleNanos;

    /** A token that is never cancelled by anyone but its holder. */
    public static CancelToken none() {
        return new CancelToken();
    }

    public void cancel() {
        lock.lock();
        try {
            cancelled = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    public void pause() {
        paused = true;
    }

    public void resume() {
        lock.lock();
        try {
            paused = false;
            sliceStart = System.nanoTime();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Busy share in percent (1..100): at 25 the kernel sleeps three times as long as it works. */
    public void dutyCycle(int percent) {
        if (percent < 1 || percent > 100) {
            throw new IllegalArgumentException("duty cycle must be 1..100 %, got " + percent);
        }
        lock.lock();
        try {
            dutyPercent = percent;
            sliceStart = System.nanoTime(); // measure the busy share afresh under the new cycle
        } finally {
            lock.unlock();
        }
    }

    public boolean isCancelled() {
        return cancelled;
    }

    public boolean isPaused() {
        return paused;
    }

    /** Total time the throttle has held the kernel threads idle, for reports and tests. */
    public long throttledNanos() {
        return idleNanos;
    }

    /** Called by kernels between blocks: throws when cancelled, waits while paused, throttles. */
    public void checkpoint() {
        if (cancelled) {
            throw new JobCancelledException();
        }
        if (paused) {
            awaitResume();
        }
        if (dutyPercent < 100) {
            throttle();
        }
    }

    private void awaitResume() {
        lock.lock();
        try {
            while (paused && !cancelled) {
                changed.await(100, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JobCancelledException();
        } finally {
            lock.unlock();
        }
        if (cancelled) {
            throw new JobCancelledException();
        }
    }

    private void throttle() {
        long sleepNanos;
        lock.lock();
        try {
            long busy = System.nanoTime() - sliceStart;
            if (busy < THROTTLE_SLICE_NANOS) {
                return;
            }
            int duty = dutyPercent;
            sleepNanos = busy * (100 - duty) / duty;
            // Sleeping under the lock makes every kernel thread wait out the same idle share.
            long idleStart = System.nanoTime();
            long deadline = idleStart + sleepNanos;
            long left;
            while ((left = deadline - System.nanoTime()) > 0 && !cancelled) {
                changed.awaitNanos(left);
            }
            sliceStart = System.nanoTime();
            idleNanos += sliceStart - idleStart;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JobCancelledException();
        } finally {
            lock.unlock();
        }
        if (cancelled) {
            throw new JobCancelledException();
        }
    }
}
