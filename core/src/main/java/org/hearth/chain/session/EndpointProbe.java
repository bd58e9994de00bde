package org.hearth.chain.session;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.hearth.chain.RpcClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks every URL of a multi-endpoint session for its chain id and head now and then, so a lagging
 * one is marked stale and one that turned into another chain is dropped before a call lands there.
 * Owned (and stopped) by the session.
 */
final class EndpointProbe implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EndpointProbe.class);
    static final Duration EVERY = Duration.ofSeconds(15);

    private final ScheduledExecutorService timer;

    private EndpointProbe(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    static EndpointProbe start(RpcClient rpc) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("endpoint-probe").factory());
        timer.scheduleWithFixedDelay(() -> {
            try {
                rpc.probe();
            } catch (RuntimeException e) {
                LOG.debug("Endpoint probe failed: {}", e.getMessage());
            }
        }, 0, EVERY.toMillis(), TimeUnit.MILLISECONDS);
        return new EndpointProbe(timer);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
