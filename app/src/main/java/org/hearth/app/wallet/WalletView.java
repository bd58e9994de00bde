package org.hearth.app.wallet;

import java.util.ResourceBundle;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.VBox;
import org.hearth.app.control.ScreenHeader;
import org.hearth.app.shell.Page;
import org.hearth.app.shell.PageHost;

/**
 * The Wallet screen: onboarding, create, restore, unlock, or the accounts, following the model's
 * state. The content in place is active only while the screen is: a locked wallet shows the unlock
 * pane, which polls nothing, and the accounts pane polls only while it is on screen.
 */
public final class WalletView {

    private WalletView() {
    }

    public static Page create(ResourceBundle text, WalletModel model) {
        PageHost content = new PageHost();
        Runnable showState = () -> content.set(forState(text, model, content));
        // the state may change while the screen is hidden (auto-lock): the host activates the new content only when shown
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
        return new Page() {
            @Override
            public Node view() {
                return box;
            }

            @Override
            public void onActivate() {
                content.onActivate();
            }

            @Override
            public void onDeactivate() {
                content.onDeactivate();
            }
        };
    }

    private static Page forState(ResourceBundle text, WalletModel model, PageHost content) {
        Runnable back = () -> content.set(forState(text, model, content));
        return switch (model.state.get()) {
            case NONE -> Page.of(new OnboardingPane(text,
                    () -> content.set(Page.of(new CreateWalletPane(text, model, back))),
                    () -> content.set(Page.of(new RestoreWalletPane(text, model, back)))));
            case LOCKED -> new UnlockPane(text, model);
            case UNLOCKED -> new AccountsPane(text, model);
        };
    }
}
