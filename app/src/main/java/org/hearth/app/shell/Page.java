package org.hearth.app.shell;

import javafx.scene.Node;

/**
 * A screen or a nested page with a lifecycle (Bisq 2's Controller: onActivate/onDeactivate). Its view
 * is built once; {@link #onActivate()} binds listeners and starts polling when it is shown,
 * {@link #onDeactivate()} releases them when it is hidden, so nothing refreshes for a page no one sees.
 */
public interface Page {

    Node view();

    default void onActivate() {
    }

    default void onDeactivate() {
    }

    /** A page with nothing to bind or poll. */
    static Page of(Node view) {
        return () -> view;
    }
}
