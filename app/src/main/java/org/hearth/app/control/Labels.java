package org.hearth.app.control;

import javafx.scene.control.Label;

/** Small label factories shared by the screens. */
public final class Labels {

    private Labels() {
    }

    /** A secondary caption (field names in forms and fact lists). */
    public static Label muted(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("text-muted");
        return l;
    }

    /** A section heading inside a screen. */
    public static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("title-4");
        return l;
    }
}
