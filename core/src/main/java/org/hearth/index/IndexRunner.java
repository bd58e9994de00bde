package org.hearth.index;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps indexers moving in the background, whatever screen is open: one virtual thread runs each
 * task in turn, again at once while any is behind, else after {@code idle}; a failure (node down)
 * is logged and retried after {@code idle}. {@link #wake()} cuts a wait short (a new account).
 */
public final class IndexRunner implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IndexRunner.class);

    /** One unit of work; returns true when caught up. */
    @FunctionalInterface
    public interface Task {
        boolean step() throws Exception;
    }

    /** A task for the log indexer: a few ranges per turn, so the other tasks get theirs. */
    public static Task of(LogIndexer indexer) {
        return () -> indexer.step(8).caughtUp();
    }

    /** A task for the block reader. */
    public static Task of(BlockIndexer indexer) {
        return () -> indexer.step(200).caughtUp();
    }

    private final List<Task> tasks;
    private final Duration idle;
    private Thread thread;
    private volatile boolean running;

    public IndexRunner(Duration idle, List<Task> tasks) {
        this.idle = idle;
        this.tasks = List.copyOf(tasks);
    }

    public synchronized void start() {
        if (thread != null) {
            return;
        }
        running = true;
        thread = Thread.ofVirtual().name("hearth-indexer").start(this::loop);
    }

    /** Stops after the current step and waits for it (a step's transaction is never cut in half). */
    public void stop() {
        Thread t;
        synchronized (this) {
            running = false;
            t = thread;
            thread = null;
        }
        if (t != null) {
            LockSupport.unpark(t);
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public synchronized boolean running() {
        return thread != null;
    }

    public void wake() {
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    @Override
    public void close() {
        stop();
    }

    private void loop() {
        while (running) {
            boolean caughtUp = true;
            for (Task task : tasks) {
                if (!running) {
                    return;
                }
                try {
                    caughtUp &= task.step();
                } catch (Exception e) {
                    LOG.warn("Indexing paused for {} ms: {}", idle.toMillis(), e.getMessage());
                    caughtUp = true; // wait before trying again
                }
            }
            if (caughtUp && running) {
                LockSupport.parkNanos(idle.toNanos());
            }
        }
    }
}
