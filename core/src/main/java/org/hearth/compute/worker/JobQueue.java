package org.hearth.compute.worker;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;

/**
 * The supervisor's jobs: waiting ones in order, and the one the worker is running. Not thread-safe:
 * the supervisor's lock guards it.
 */
final class JobQueue {

    static final class Pending {
        final long id;
        final Frame frame;
        final CompletableFuture<JobResult> future = new CompletableFuture<>();
        int attempts;

        Pending(long id, Frame frame) {
            this.id = id;
            this.frame = frame;
        }
    }

    private final Deque<Pending> waiting = new ArrayDeque<>();
    private Pending running;

    void add(Pending p) {
        waiting.addLast(p);
    }

    /** The next job to send, now counted as running; null when one is running or none waits. */
    Pending start() {
        if (running != null || waiting.isEmpty()) {
            return null;
        }
        running = waiting.pollFirst();
        running.attempts++;
        return running;
    }

    /** The running job if it has this id, which is no longer running; else null. */
    Pending finish(long id) {
        if (running == null || running.id != id) {
            return null;
        }
        Pending p = running;
        running = null;
        return p;
    }

    /** Puts a job back at the front (the worker was busy: that attempt does not count). */
    void retry(Pending p) {
        p.attempts--;
        waiting.addFirst(p);
    }

    /** The id of the running job if it is {@code future}, else -1; fails it at once if it is still waiting. */
    long cancel(CompletableFuture<JobResult> future) {
        for (Pending p : waiting) {
            if (p.future == future) {
                waiting.remove(p);
                p.future.completeExceptionally(new WorkerJobException(WorkerError.CANCELLED, "job " + p.id + " was cancelled before it started"));
                return -1;
            }
        }
        return running != null && running.future == future ? running.id : -1;
    }

    /** The worker died for {@code reason}: its job goes back to the front, unless it has had its tries. */
    void workerLost(String reason, int maxAttempts) {
        if (running == null) {
            return;
        }
        Pending lost = running;
        running = null;
        if (lost.attempts < maxAttempts) {
            waiting.addFirst(lost);
        } else {
            lost.future.completeExceptionally(new WorkerJobException(WorkerError.WORKER_LOST, "the worker " + reason
                    + " while running job " + lost.id + "; it was tried " + lost.attempts + " times and is not retried again"));
        }
    }

    void failAll(WorkerJobException e) {
        if (running != null) {
            running.future.completeExceptionally(e);
            running = null;
        }
        waiting.forEach(p -> p.future.completeExceptionally(e));
        waiting.clear();
    }
}
