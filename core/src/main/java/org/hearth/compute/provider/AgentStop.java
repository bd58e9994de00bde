package org.hearth.compute.provider;

import java.util.OptionalLong;

/**
 * Stopping the provider agent while its source holds a market job: finish it first (drain), or give it up
 * (release: the work stops and the claim is left to expire, with the market's penalty on the bond).
 * Kept out of {@link ProviderAgent} so the agent stays one job: running the worker.
 */
public final class AgentStop {

    private AgentStop() {
    }

    /** The job the running source holds, if any. */
    public static OptionalLong heldJob(ProviderAgent agent) {
        return agent.source().map(JobSource::heldJob).orElse(OptionalLong.empty());
    }

    /** Takes nothing new and stops once the held job is done. Returns at once. */
    public static void whenDrained(ProviderAgent agent) {
        agent.source().ifPresentOrElse(l -> l.drain(() -> Thread.ofVirtual().name("provider-drained").start(agent::stop)),
                () -> { });
    }

    /** Gives the held job up and stops; blocks like {@link ProviderAgent#stop()}. */
    public static void releasing(ProviderAgent agent) {
        agent.source().ifPresent(JobSource::release);
        agent.stop();
    }
}
