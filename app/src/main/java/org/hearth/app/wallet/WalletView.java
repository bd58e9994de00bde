package org.hearth.app.wallet;

import java.util.ResourceBundle;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.hearth.app.control.ScreenHeader;

/** The Wallet screen: onboarding, create, restore, unlock, or the accounts, following the model's state. */
public final class WalletView {

    private WalletView() {
    }

    public static Node create(ResourceBundle text, WalletModel model) {
        StackPane content = new StackPane();
        Runnable showState = () -> content.getChildren().setAll(forState(text, model, content));
        model.state.addListener((obs, was, is) -> showState.run());
        showState.run();

        ProgressBar progress = new ProgressBar(ProgressBar.INDETERMINATE_PROGRESS);
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.visibleProperty().bind(model.busy);
        progress.managedProperty().bind(model.busy);
        Label busy = new Label();
        busy.textProperty().bind(model.busyText);
        busy.visibleProperty().bind(model.busy);
        busy.managedProperty().bind(model.busy);

        VBox box = new VBox(14, new ScreenHeader(text.getString("nav.wallet"), text.getString("screen.wallet.subtitle")), progress, busy, content);
        VBox.setVgrow(content, javafx.scene.layout.Priority.ALWAYS);
        box.setPadding(new Insets(24));
        box.setId("wallet-screen");
        return box;
    }

    private static Node forState(ResourceBundle text, WalletModel model, StackPane content) {
        return switch (model.state.get()) {
            case NONE -> new OnboardingPane(text,
                    () -> content.getChildren().setAll(new CreateWalletPane(text, model, () -> content.getChildren().setAll(forState(text, model, content)))),
                    () -> content.getChildren().setAll(new RestoreWalletPane(text, model, () -> content.getChildren().setAll(forState(text, model, content)))));
            case LOCKED -> new UnlockPane(text, model);
            case UNLOCKED -> new AccountsPane(text, model);
        };
    }
}
