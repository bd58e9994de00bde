package org.hearth.app.wallet;

import java.time.Instant;
import java.util.ResourceBundle;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.hearth.app.shell.Page;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The wallet is locked: its accounts are listed elsewhere; signing needs the password. After wrong
 * passwords (also ones entered before the app was restarted) it counts down the wait before the next try.
 */
final class UnlockPane extends VBox implements Page {

    private final Timeline tick = new Timeline(new KeyFrame(Duration.seconds(1), e -> showWait()));
    private final ResourceBundle text;
    private final WalletModel model;
    private final Label wait = new Label();
    private boolean active;
    /** Held here so the model's property does not keep a replaced pane alive. */
    private final InvalidationListener onNextAttempt = o -> showWait();

    UnlockPane(ResourceBundle text, WalletModel model) {
        super(14);
        this.text = text;
        this.model = model;
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
            long seconds = secondsToWait();
            model.unlock(chars, seconds > 0 ? String.format(text.getString("unlock.waiting"), seconds) : text.getString("unlock.busy"));
        });
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(18, 18);
        spinner.visibleProperty().bind(model.busy);
        Label error = new Label();
        error.setId("unlock-error");
        error.getStyleClass().add("danger");
        error.textProperty().bind(model.error);
        wait.setId("unlock-wait");
        wait.getStyleClass().add("text-muted");
        wait.managedProperty().bind(wait.visibleProperty());
        HBox row = new HBox(8, password, unlock, spinner);
        row.setAlignment(Pos.CENTER);
        getChildren().addAll(icon, title, row, error, wait);
        tick.setCycleCount(Animation.INDEFINITE);
        model.nextAttemptAt.addListener(new WeakInvalidationListener(onNextAttempt));
        showWait();
    }

    @Override
    public javafx.scene.Node view() {
        return this;
    }

    /** The countdown ticks only while someone can read it. */
    @Override
    public void onActivate() {
        active = true;
        showWait();
    }

    @Override
    public void onDeactivate() {
        active = false;
        tick.stop();
    }

    /** Whole seconds left, rounded up, so it never says 0 while a wait remains. */
    private long secondsToWait() {
        long millis = java.time.Duration.between(Instant.now(), model.nextAttemptAt.get()).toMillis();
        return millis <= 0 ? 0 : (millis + 999) / 1000;
    }

    private void showWait() {
        long seconds = secondsToWait();
        wait.setText(seconds > 0 ? String.format(text.getString("unlock.wait"), seconds) : "");
        wait.setVisible(seconds > 0);
        if (seconds == 0) {
            tick.stop();
        } else if (active && tick.getStatus() != Animation.Status.RUNNING) {
            tick.play();
        }
    }
}
