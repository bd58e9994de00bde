package org.hearth.chain;

/**
 * One RPC endpoint as the failover client last saw it: {@code endpoint} is the display form (no
 * path, query or credentials); {@code latencyMillis} and {@code head} are null until it answered;
 * {@code problem} says why it is failing or dropped (null otherwise).
 */
public record EndpointStatus(String endpoint, State state, Long latencyMillis, Long head, String problem) {

    /** In the order the client prefers them: healthy, then stale, then failing; dropped ones are never used. */
    public enum State {
        /** Not asked yet. */
        UNKNOWN,
        /** Answers, with a head near the others'. */
        HEALTHY,
        /** Answers, but its head lags the others by more than a few blocks: used last. */
        STALE,
        /** Its last call failed (connection, timeout, 5xx): skipped until its back-off runs out. */
        FAILING,
        /** It answered with another chain id: never used again by this client. */
        DROPPED
    }
}
