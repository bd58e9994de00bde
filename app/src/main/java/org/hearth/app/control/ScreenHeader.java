package org.hearth.app.control;

import javafx.beans.property.StringProperty;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** Title and one-line description at the top of every screen. */
public final class ScreenHeader extends VBox {

    private final Label subtitle;

    public ScreenHeader(String title, String subtitle) {
        super(2);
        Label t = new Label(title);
        t.getStyleClass().add("title-2");
        this.subtitle = new Label(subtitle);
        this.subtitle.getStyleClass().add("text-muted");
        this.subtitle.setWrapText(true);
        getChildren().addAll(t, this.subtitle);
    }

    /** The description line, for screens whose description follows what they show. */
    public StringProperty subtitleProperty() {
        return subtitle.textProperty();
    }
}
