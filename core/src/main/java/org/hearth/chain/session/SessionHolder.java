package org.hearth.chain.session;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The current session of an app or a headless service, observable: whoever owns the endpoint
 * (the app's chain model) replaces the session, and listeners (screens, the provider agent) hear
 * the new one, or null while there is none. The replaced session is closed after they heard it.
 */
public final class SessionHolder implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SessionHolder.class);

    private final List<Consumer<ChainSession>> listeners = new CopyOnWriteArrayList<>();
    /** Serialises replacements, so listeners hear sessions in the order they became current. */
    private final Object replacing = new Object();
    private ChainSession current;

    public synchronized Optional<ChainSession> current() {
        return Optional.ofNullable(current);
    }

    /**
     * Calls {@code listener} with each new session (null: none now), on the thread that replaced it;
     * the returned action unsubscribes.
     */
    public Runnable subscribe(Consumer<ChainSession> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Makes {@code next} (may be null) current, tells the listeners, then closes the one it replaces. */
    public void replace(ChainSession next) {
        ChainSession previous;
        synchronized (replacing) {
            synchronized (this) {
                previous = current;
                if (previous == next) {
                    return;
                }
                current = next;
            }
            LOG.info("Chain session now {} (was {})", next, previous);
            for (Consumer<ChainSession> l : listeners) {
                try {
                    l.accept(next);
                } catch (RuntimeException e) {
                    LOG.warn("Session listener failed", e);
                }
            }
        }
        if (previous != null) {
            previous.close();
        }
    }

    @Override
    public void close() {
        replace(null);
        listeners.clear();
    }
}
