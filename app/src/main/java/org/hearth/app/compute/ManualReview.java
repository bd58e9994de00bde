package org.hearth.app.compute;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import javafx.collections.ObservableList;
import org.hearth.app.desktop.UiThread;
import org.hearth.market.requester.ResultReview;

/**
 * The user as the judge of each checked result (automatic verification off): the requester's thread
 * puts the finding in the Requests tab's list and waits for Accept or Dispute there.
 */
final class ManualReview {

    /** A checked result waiting for the user; {@code decision} completes with true to accept, false to dispute. */
    record Waiting(ResultReview.Finding finding, CompletableFuture<Boolean> decision) {
    }

    private final ObservableList<Waiting> waiting;

    ManualReview(ObservableList<Waiting> waiting) {
        this.waiting = waiting;
    }

    boolean accept(ResultReview.Finding finding) throws InterruptedException {
        Waiting w = new Waiting(finding, new CompletableFuture<>());
        UiThread.run(() -> waiting.add(w));
        try {
            return w.decision().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            UiThread.run(() -> waiting.remove(w));
        }
    }
}
