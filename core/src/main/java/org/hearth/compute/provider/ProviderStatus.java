package org.hearth.compute.provider;

/**
 * What the provider agent is doing, as one value: published to listeners on every change and written
 * to the data dir by a headless agent for {@code hearth provider status}.
 *
 * @param state       starting, running, paused by the policy, stopped, or failed
 * @param backend     the worker's chosen backend ("" before it is known)
 * @param reason      why it is paused or failed; "" otherwise
 * @param jobs        jobs completed since the agent started (tiles and gemms)
 * @param verified    of those, how many passed the requester's check (re-rendered pixels, Freivalds)
 * @param failures    jobs that failed (the worker is restarted by its supervisor)
 * @param renderMsps  the last render job's throughput, Msamples/s (0 before the first)
 * @param gemmGflops  the last gemm's throughput, GFLOP/s (0 before the first)
 */
public record ProviderStatus(State state, String backend, String reason, long jobs, long verified, long failures,
                             double renderMsps, double gemmGflops) {

    public enum State { STOPPED, STARTING, RUNNING, PAUSED, FAILED }

    public static ProviderStatus stopped() {
        return new ProviderStatus(State.STOPPED, "", "", 0, 0, 0, 0, 0);
    }

    public boolean active() {
        return state == State.STARTING || state == State.RUNNING || state == State.PAUSED;
    }

    ProviderStatus with(State next, String nextBackend, String nextReason) {
        return new ProviderStatus(next, nextBackend, nextReason, jobs, verified, failures, renderMsps, gemmGflops);
    }

    ProviderStatus withTile(boolean ok, double msps) {
        return new ProviderStatus(state, backend, reason, jobs + 1, verified + (ok ? 1 : 0), failures, msps, gemmGflops);
    }

    ProviderStatus withGemm(boolean ok, double gflops) {
        return new ProviderStatus(state, backend, reason, jobs + 1, verified + (ok ? 1 : 0), failures, renderMsps, gflops);
    }

    ProviderStatus withFailure() {
        return new ProviderStatus(state, backend, reason, jobs, verified, failures + 1, renderMsps, gemmGflops);
    }
}
