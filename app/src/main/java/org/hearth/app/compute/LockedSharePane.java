package org.hearth.app.compute;

import java.util.ResourceBundle;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.hearth.app.wallet.WalletModel;

/**
 * Set up on the market but the wallet is locked: says plainly that market sharing needs it unlocked
 * (the market account signs each claim and result), offers the unlock right here, and runs local
 * benchmark jobs instead only when the user ticks that choice.
 */
final class LockedSharePane {

    private LockedSharePane() {
    }

    static Node create(ResourceBundle text, ComputeModel model, MarketShareModel market) {
        WalletModel wallet = market.wallet();
        Label why = new Label(text.getString("market.lockedShare"));
        why.setId("market-locked-share");
        why.setWrapText(true);
        why.setMinHeight(Region.USE_PREF_SIZE); // wrap instead of ending in "…"
        why.getStyleClass().add("warning");
        PasswordField password = new PasswordField();
        password.setId("market-unlock-password");
        password.setPromptText(text.getString("unlock.password"));
        Button unlock = new Button(text.getString("market.unlockWallet"));
        unlock.setId("market-unlock");
        unlock.disableProperty().bind(wallet.busy.or(password.textProperty().isEmpty()));
        unlock.setOnAction(e -> {
            char[] chars = password.getText().toCharArray();
            password.clear();
            wallet.unlock(chars, text.getString("unlock.busy"));
        });
        password.setOnAction(e -> unlock.fire());
        Label error = new Label();
        error.setId("market-unlock-error");
        error.getStyleClass().add("danger");
        error.setWrapText(true);
        error.textProperty().bind(wallet.error);
        error.managedProperty().bind(error.textProperty().isNotEmpty());
        CheckBox local = new CheckBox(text.getString("market.localWhileLocked"));
        local.setId("market-local-while-locked");
        local.setWrapText(true);
        local.setMinHeight(Region.USE_PREF_SIZE);
        local.selectedProperty().bindBidirectional(model.localWhileLocked);
        HBox row = new HBox(8, password, unlock);
        row.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(8, why, row, error, local);
        box.setId("market-locked-box");
        box.visibleProperty().bind(market.account.isNotEmpty().and(wallet.state.isNotEqualTo(WalletModel.State.UNLOCKED)));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }
}
