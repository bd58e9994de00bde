package org.hearth.compute.worker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Collects a supervisor's events so tests can wait for one. */
final class EventLog implements Consumer<WorkerEvent> {

    private final List<WorkerEvent> events = new ArrayList<>();

    @Override
    public synchronized void accept(WorkerEvent e) {
        events.add(e);
        notifyAll();
    }

    /** Waits for the {@code nth} (1-based) event of a kind. */
    synchronized WorkerEvent await(WorkerEvent.Kind kind, int nth, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<WorkerEvent> matching = events.stream().filter(e -> e.kind() == kind).toList();
            if (matching.size() >= nth) {
                return matching.get(nth - 1);
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no " + kind + " #" + nth + " within " + timeout + "; events: " + events);
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    synchronized long count(WorkerEvent.Kind kind) {
        return events.stream().filter(e -> e.kind() == kind).count();
    }

    @Override
    public synchronized String toString() {
        return events.toString();
    }
}
