package org.hearth.app.compute;

import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import javafx.beans.property.SimpleBooleanProperty;
import org.hearth.app.control.AddressNames;
import org.hearth.app.desktop.UiThread;
import org.hearth.app.review.ReviewPane;
import org.hearth.app.shell.Navigator;
import org.hearth.app.shell.Page;
import org.hearth.app.shell.Screen;
import org.hearth.chain.review.TxReview;
import org.hearth.market.requester.TxGate;

/**
 * The requester's transactions (approve, post, accept, dispute) each shown in the one {@link ReviewPane}
 * before it is signed: the requester's thread waits for the user's confirm or back.
 */
final class RequestGate implements TxGate {

    private final ResourceBundle text;
    private final Navigator<Screen> navigator;

    RequestGate(ResourceBundle text, Navigator<Screen> navigator) {
        this.text = text;
        this.navigator = navigator;
    }

    @Override
    public boolean approve(TxReview review) {
        CompletableFuture<Boolean> answer = new CompletableFuture<>();
        UiThread.run(() -> navigator.push(Page.of(new ReviewPane(text, review, AddressNames.NONE, new SimpleBooleanProperty(false), () -> {
            navigator.back();
            answer.complete(true);
        }, () -> {
            navigator.back();
            answer.complete(false);
        }))));
        try {
            return answer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            return false;
        }
    }
}
