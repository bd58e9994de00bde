package org.hearth.testing;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.hearth.market.agent.MarketLoop;
import org.hearth.market.agent.ProviderJob;

/**
 * Holds a provider's market loop right after it writes a claim down (inside that log line), so that a
 * test can act while the agent holds the job: stop it, restart it, turn sharing off. Armed, it holds each
 * claim until the latch is counted down or the loop's thread is interrupted by the agent's stop.
 */
public final class ClaimHold implements MarketLoop.Listener {

    private final AtomicReference<CountDownLatch> latch = new AtomicReference<>();

    /** Holds the next claims; count the latch down to let them go. */
    public CountDownLatch arm() {
        CountDownLatch l = new CountDownLatch(1);
        latch.set(l);
        return l;
    }

    /** Claims go on unheld; a claim held now is let go. */
    public void release() {
        CountDownLatch l = latch.getAndSet(null);
        if (l != null) {
            l.countDown();
        }
    }

    /** Claims go on unheld from now; a claim held now stays held until its agent stops. */
    public void disarm() {
        latch.set(null);
    }

    @Override
    public void job(ProviderJob job, String line) {
        onLine(line);
    }

    /** For listeners that see only the agent's log lines. */
    public void onLine(String line) {
        CountDownLatch l = latch.get();
        if (l != null && line.contains(": claimed ")) {
            try {
                l.await();
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
