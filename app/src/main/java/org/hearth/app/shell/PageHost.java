package org.hearth.app.shell;

import javafx.scene.layout.StackPane;

/**
 * A place inside a page whose content changes (a wallet that is locked, then unlocked): the content
 * that leaves is deactivated, and the content that comes is activated only while the host is.
 */
public final class PageHost extends StackPane implements Page {

    private Page content;
    private boolean active;

    public void set(Page next) {
        if (content != null && active) {
            content.onDeactivate();
        }
        content = next;
        getChildren().setAll(next.view());
        if (active) {
            next.onActivate();
        }
    }

    @Override
    public javafx.scene.Node view() {
        return this;
    }

    @Override
    public void onActivate() {
        active = true;
        if (content != null) {
            content.onActivate();
        }
    }

    @Override
    public void onDeactivate() {
        active = false;
        if (content != null) {
            content.onDeactivate();
        }
    }
}
