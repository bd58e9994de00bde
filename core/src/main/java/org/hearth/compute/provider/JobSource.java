package org.hearth.compute.provider;

import org.hearth.compute.worker.WorkerCapabilities;
import org.hearth.compute.worker.WorkerSupervisor;

/**
 * Where the provider agent's jobs come from once its worker is up: local benchmark jobs
 * ({@link LocalJobLoop}, the default) or the on-chain market ({@code org.hearth.market.agent.MarketLoop}).
 * It reports finished jobs through the agent's {@link LocalJobLoop.Listener}.
 */
public interface JobSource extends AutoCloseable {

    /** Makes the source for one run of the worker. */
    @FunctionalInterface
    interface Factory {
        JobSource create(WorkerSupervisor worker, WorkerCapabilities capabilities, LocalJobLoop.Listener listener);

        /** Local benchmark jobs (the Compute toggle's mode until the user joins the market). */
        Factory LOCAL = (worker, capabilities, listener) -> new LocalJobLoop(worker, listener);
    }

    void start();

    /** The policy paused (true) or resumed (false) the worker: a source that takes new work should stop taking it meanwhile. */
    default void paused(boolean paused) {
    }

    /** The (oldest) market job it holds now (claimed, maybe running), if any: stopping then asks to finish it or release it. */
    default java.util.OptionalLong heldJob() {
        return java.util.OptionalLong.empty();
    }

    /** Every market job it holds now, oldest first (a source may hold several, run one after another). */
    default java.util.List<Long> heldJobs() {
        java.util.OptionalLong one = heldJob();
        return one.isPresent() ? java.util.List.of(one.getAsLong()) : java.util.List.of();
    }

    /** Takes no new work and calls {@code drained} once the held jobs are done (at once when none is held). */
    default void drain(Runnable drained) {
        drained.run();
    }

    /** Gives the held jobs up before a close: its work stops, it is not resumed after a restart, its claim is left to expire. */
    default void release() {
    }

    /** What the agent logs when the source starts. */
    default String description() {
        return "running local benchmark jobs";
    }

    @Override
    void close();
}
