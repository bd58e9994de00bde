package org.hearth.app.control;

import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.javafx.FontIcon;

/** A monospaced value (address, URL, hash) with a copy button beside it. */
public final class CopyableText extends HBox {

    private final Label value = new Label();

    public CopyableText(ObservableValue<String> text, String copyTooltip) {
        super(4);
        value.textProperty().bind(text);
        value.getStyleClass().add("hearth-mono");
        Button copy = new Button(null, new FontIcon("fth-copy"));
        copy.getStyleClass().addAll("flat", "button-icon");
        copy.setTooltip(new Tooltip(copyTooltip));
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(value.getText());
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
        });
        copy.disableProperty().bind(value.textProperty().isEmpty());
        setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(value, copy);
    }

    public Label valueLabel() {
        return value;
    }
}
