package org.hearth.market.agent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import org.hearth.compute.worker.JobResult;

/**
 * The claimed jobs the market loop holds, in the order they went to the worker, which runs them one
 * after another. A new job fits only if the jobs ahead of it (what is left of their estimates) and its
 * own estimate end within its exec window, and fewer than the cap are held: so the agent never holds
 * more than it can run before each job's window closes. Thread-safe: the loop adds and removes, a stop
 * reads.
 */
final class HeldJobs {

    /** One held job: its row, its inputs, the worker's future, its estimated seconds and when it went to the worker. */
    record Held(ProviderJob job, JobInputs.Loaded loaded, CompletableFuture<JobResult> result, double seconds, long sentNanos) {
    }

    private final int max;
    private final Map<Long, Held> jobs = new LinkedHashMap<>();

    HeldJobs(int max) {
        this.max = max;
    }

    synchronized boolean holds(long jobId) {
        return jobs.containsKey(jobId);
    }

    synchronized void add(Held held) {
        jobs.put(held.job().id(), held);
    }

    synchronized void remove(long jobId) {
        jobs.remove(jobId);
    }

    synchronized boolean isEmpty() {
        return jobs.isEmpty();
    }

    synchronized int size() {
        return jobs.size();
    }

    /** Whether a job estimated at {@code seconds} with an exec window of {@code execWindow} seconds may be claimed now. */
    synchronized boolean fits(double seconds, long execWindow, long nowNanos) {
        return jobs.size() < max && secondsAhead(nowNanos) + seconds <= execWindow;
    }

    /**
     * Estimated seconds until the worker is free: the estimates of the unfinished jobs, less the time the
     * first of them has been at the worker (at most its estimate: one late job counts as just ending).
     */
    synchronized double secondsAhead(long nowNanos) {
        double ahead = 0;
        boolean first = true;
        for (Held h : jobs.values()) {
            if (h.result().isDone()) {
                continue;
            }
            ahead += first ? Math.max(0, h.seconds() - (nowNanos - h.sentNanos()) / 1e9) : h.seconds();
            first = false;
        }
        return ahead;
    }

    /** The held jobs whose work has ended (result, failure or cancellation), oldest first. */
    synchronized List<Held> finished() {
        return jobs.values().stream().filter(h -> h.result().isDone()).toList();
    }

    synchronized List<Held> all() {
        return new ArrayList<>(jobs.values());
    }

    /** The oldest held job (the one a stop asks about first). */
    synchronized OptionalLong first() {
        return jobs.isEmpty() ? OptionalLong.empty() : OptionalLong.of(jobs.keySet().iterator().next());
    }

    synchronized List<Long> ids() {
        return List.copyOf(jobs.keySet());
    }
}
