package org.hearth.app.wallet;

import java.util.ResourceBundle;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/** The wallet is locked: its accounts are listed elsewhere; signing needs the password. */
final class UnlockPane extends VBox {

    UnlockPane(ResourceBundle text, WalletModel model) {
        super(14);
        setAlignment(Pos.CENTER);
        setMaxWidth(420);
        FontIcon icon = new FontIcon("fth-lock");
        icon.getStyleClass().add("hearth-hero-icon");
        Label title = new Label(text.getString("unlock.title"));
        title.getStyleClass().add("title-3");
        PasswordField password = new PasswordField();
        password.setId("unlock-password");
        password.setPromptText(text.getString("unlock.password"));
        Button unlock = new Button(text.getString("unlock.action"), new FontIcon("fth-unlock"));
        unlock.setId("unlock-action");
        unlock.getStyleClass().add("accent");
        unlock.setDefaultButton(true);
        unlock.disableProperty().bind(model.busy.or(password.textProperty().isEmpty()));
        unlock.setOnAction(e -> {
            char[] chars = password.getText().toCharArray();
            password.clear();
            model.unlock(chars, text.getString("unlock.busy"));
        });
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(18, 18);
        spinner.visibleProperty().bind(model.busy);
        Label error = new Label();
        error.setId("unlock-error");
        error.getStyleClass().add("danger");
        error.textProperty().bind(model.error);
        HBox row = new HBox(8, password, unlock, spinner);
        row.setAlignment(Pos.CENTER);
        getChildren().addAll(icon, title, row, error);
    }
}
