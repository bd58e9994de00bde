package org.hearth.app.wallet;

import java.util.ResourceBundle;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/** First run: create a new wallet or restore one from a recovery phrase. */
final class OnboardingPane extends VBox {

    OnboardingPane(ResourceBundle text, Runnable onCreate, Runnable onRestore) {
        super(18);
        setAlignment(Pos.CENTER);
        FontIcon icon = new FontIcon("fth-shield");
        icon.getStyleClass().add("hearth-hero-icon");
        Label title = new Label(text.getString("onboarding.title"));
        title.getStyleClass().add("title-2");
        Label body = new Label(text.getString("onboarding.body"));
        body.setWrapText(true);
        body.setMaxWidth(560);
        body.getStyleClass().add("text-muted");
        Button create = new Button(text.getString("onboarding.create"), new FontIcon("fth-plus"));
        create.setId("wallet-create");
        create.getStyleClass().add("accent");
        create.setOnAction(e -> onCreate.run());
        Button restore = new Button(text.getString("onboarding.restore"), new FontIcon("fth-rotate-ccw"));
        restore.setId("wallet-restore");
        restore.setOnAction(e -> onRestore.run());
        HBox buttons = new HBox(12, create, restore);
        buttons.setAlignment(Pos.CENTER);
        getChildren().addAll(icon, title, body, buttons);
    }
}
