package org.hearth.app.compute;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;
import javafx.collections.ObservableList;
import org.hearth.app.desktop.UiThread;
import org.hearth.market.requester.ResultReview;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The user as the judge of each checked result (automatic verification off): the requester's thread
 * puts the finding in the Requests tab's list and waits for Accept or Dispute there, until the result's
 * review window closes on the chain's clock. Then it stops waiting: the result can no longer be disputed,
 * its row goes, and the next results are reviewed (the provider is paid when anyone finalizes the job).
 */
final class ManualReview {

    private static final Logger LOG = LoggerFactory.getLogger(ManualReview.class);
    /** How often the chain's clock is read while a result waits. */
    private static final long CLOCK_POLL_MILLIS = 1_000;

    /** A checked result waiting for the user; {@code decision} completes with true to accept, false to dispute. */
    record Waiting(ResultReview.Finding finding, CompletableFuture<Boolean> decision) {
    }

    private final ObservableList<Waiting> waiting;

    ManualReview(ObservableList<Waiting> waiting) {
        this.waiting = waiting;
    }

    /** Waits for the user's decision on {@code finding}; {@code chainNow} reads the chain's clock (seconds). */
    ResultReview.Decision decide(ResultReview.Finding finding, LongSupplier chainNow) throws InterruptedException {
        Waiting w = new Waiting(finding, new CompletableFuture<>());
        UiThread.run(() -> waiting.add(w));
        try {
            while (true) {
                try {
                    return w.decision().get(CLOCK_POLL_MILLIS, TimeUnit.MILLISECONDS) ? ResultReview.Decision.ACCEPT : ResultReview.Decision.DISPUTE;
                } catch (TimeoutException e) {
                    if (windowClosed(finding, chainNow)) {
                        return ResultReview.Decision.LAPSED;
                    }
                }
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            UiThread.run(() -> waiting.remove(w));
        }
    }

    private static boolean windowClosed(ResultReview.Finding finding, LongSupplier chainNow) {
        try {
            return chainNow.getAsLong() > finding.reviewDeadline();
        } catch (RuntimeException e) { // a node down for a moment: keep waiting, the user may still decide
            LOG.debug("chain clock unreadable while a result waits: {}", e.getMessage());
            return false;
        }
    }
}
