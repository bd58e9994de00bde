package org.hearth.app.wallet;

import java.util.ResourceBundle;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.VBox;

/** Two password fields with the rules spelled out: at least 8 characters, both the same. */
final class PasswordChoice extends VBox {

    static final int MIN_LENGTH = 8;

    private final PasswordField first = new PasswordField();
    private final PasswordField second = new PasswordField();
    private final BooleanBinding valid;

    PasswordChoice(ResourceBundle text) {
        super(8);
        first.setId("password-new");
        first.setPromptText(text.getString("password.new"));
        second.setId("password-repeat");
        second.setPromptText(text.getString("password.repeat"));
        valid = Bindings.createBooleanBinding(() -> first.getText().length() >= MIN_LENGTH && first.getText().equals(second.getText()),
                first.textProperty(), second.textProperty());
        Label hint = new Label();
        hint.getStyleClass().add("text-muted");
        hint.textProperty().bind(Bindings.createStringBinding(() -> {
            if (first.getText().length() < MIN_LENGTH) {
                return String.format(text.getString("password.tooShort"), MIN_LENGTH);
            }
            return first.getText().equals(second.getText()) ? text.getString("password.ok") : text.getString("password.mismatch");
        }, first.textProperty(), second.textProperty()));
        getChildren().addAll(new Label(text.getString("password.title")), first, second, hint);
    }

    BooleanBinding valid() {
        return valid;
    }

    /** The chosen password; the fields are cleared so the text does not linger in the scene graph. */
    char[] take() {
        char[] password = first.getText().toCharArray();
        first.clear();
        second.clear();
        return password;
    }
}
