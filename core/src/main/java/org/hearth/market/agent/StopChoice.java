package org.hearth.market.agent;

/**
 * How the market loop stops while it holds a claimed job: drain (claim nothing more, finish and submit
 * the held job, then call back once) or release (the work stops and the claim is left to expire, so the
 * contract takes its expiry penalty from the bond and reopens the job for other providers).
 */
final class StopChoice {

    /** The reason stored on a released job (the expiry's penalty is added when the settlement sees it). */
    static final String RELEASED = "released when sharing stopped: not submitted; the claim expires after its exec window";

    private volatile boolean draining;
    private Runnable drained;

    boolean draining() {
        return draining;
    }

    /** Starts draining; {@code idle}: no job is held now, so it is drained at once. */
    void drain(Runnable then, boolean idle) {
        synchronized (this) {
            draining = true;
            drained = then;
        }
        if (idle) {
            jobDone();
        }
    }

    /** The held job is done (submitted, failed or given up): a pending drain calls back, once. */
    void jobDone() {
        Runnable then;
        synchronized (this) {
            then = draining ? drained : null;
            drained = null;
        }
        if (then != null) {
            then.run();
        }
    }
}
