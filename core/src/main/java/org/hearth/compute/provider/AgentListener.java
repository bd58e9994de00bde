package org.hearth.compute.provider;

import org.hearth.compute.thermal.ThermalReading;
import org.hearth.compute.worker.WorkerCapabilities;

/**
 * What the provider agent publishes to a subscriber ({@link ProviderAgent.Listener}); every method has a
 * default so a subscriber implements what it shows. Called on the agent's own threads: return quickly.
 */
public interface AgentListener {
    default void status(ProviderStatus status) {
    }

    /** The worker is up and said what it found. */
    default void started(WorkerCapabilities capabilities) {
    }

    default void imageStarted(int pass) {
    }

    default void tile(LocalJobLoop.TileDone done) {
    }

    default void gemm(LocalJobLoop.GemmDone done) {
    }

    /** The machine as the policy saw it; {@code state} is null once sharing stops. {@code unreadable}: why it cannot be read, or "". */
    default void machine(MachineState state, String unreadable) {
    }

    /** A line for a log or a terminal: worker events, pauses, failures. */
    default void log(String line) {
    }

    /** Temperatures as the policy read them, each policy tick while sharing. */
    default void thermal(ThermalReading reading) {
    }
}
