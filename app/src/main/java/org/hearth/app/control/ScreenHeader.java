package org.hearth.app.control;

import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** Title and one-line description at the top of every screen. */
public final class ScreenHeader extends VBox {

    public ScreenHeader(String title, String subtitle) {
        super(2);
        Label t = new Label(title);
        t.getStyleClass().add("title-2");
        Label s = new Label(subtitle);
        s.getStyleClass().add("text-muted");
        s.setWrapText(true);
        getChildren().addAll(t, s);
    }
}
