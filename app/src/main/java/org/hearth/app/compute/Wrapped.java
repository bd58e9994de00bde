package org.hearth.app.compute;

import javafx.scene.control.Label;
import javafx.scene.layout.Region;

/** A muted label that wraps instead of ending in "…" (a wrapping label needs its preferred height kept). */
final class Wrapped {

    private Wrapped() {
    }

    static Label muted(Label label) {
        label.getStyleClass().add("text-muted");
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }
}
