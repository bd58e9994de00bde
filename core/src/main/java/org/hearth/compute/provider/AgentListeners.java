package org.hearth.compute.provider;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The provider agent's subscribers and its log: every call goes to each listener, and a listener that
 * throws stops neither the agent nor the others; log lines also go to the agent's logger and its recent
 * lines ({@link AgentLog}).
 */
final class AgentListeners {

    private static final Logger LOG = LoggerFactory.getLogger(ProviderAgent.class);

    private final List<ProviderAgent.Listener> listeners = new CopyOnWriteArrayList<>();
    private final AgentLog recent = new AgentLog();

    /** Adds a listener; run the returned action to remove it. */
    Runnable add(ProviderAgent.Listener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    void each(Consumer<ProviderAgent.Listener> call) {
        for (ProviderAgent.Listener l : listeners) {
            try {
                call.accept(l);
            } catch (RuntimeException e) {
                LOG.warn("A provider listener failed", e);
            }
        }
    }

    void log(String line) {
        LOG.info(line);
        recent.add(line);
        each(x -> x.log(line));
    }

    List<AgentLog.Line> recentLog() {
        return recent.snapshot();
    }
}
