package org.hearth.app.tokens;

import java.util.ResourceBundle;
import java.util.function.Consumer;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.hearth.chain.Addresses;

/** Add a token by its address: name, symbol and decimals are read on chain; a refusal is shown in the dialog. */
final class AddTokenDialog {

    /** What adding does: the address, where to report a failure, and what to run once it is added. */
    interface Adder {
        void add(String address, Consumer<String> failed, Runnable done);
    }

    private AddTokenDialog() {
    }

    static void show(ResourceBundle text, Window owner, Adder adder) {
        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(text.getString("tokens.addTitle"));
        dialog.setHeaderText(text.getString("tokens.addHeader"));
        TextField address = new TextField();
        address.setId("tokens-add-address");
        address.setPromptText(text.getString("tokens.addPrompt"));
        Label error = new Label();
        error.setId("tokens-add-error");
        error.getStyleClass().add("danger");
        error.setWrapText(true);
        error.setMaxWidth(460);
        dialog.getDialogPane().setContent(new VBox(8, address, error));
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        Button ok = (Button) dialog.getDialogPane().lookupButton(ButtonType.OK);
        ok.setId("tokens-add-ok");
        ok.setText(text.getString("tokens.addConfirm"));
        ((Button) dialog.getDialogPane().lookupButton(ButtonType.CANCEL)).setText(text.getString("tokens.addCancel"));
        ok.disableProperty().bind(address.textProperty().map(t -> !Addresses.isValid(t.strip())));
        ok.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            e.consume(); // stay open until the chain has answered
            error.setText(text.getString("tokens.adding"));
            adder.add(address.getText(), error::setText, dialog::close);
        });
        dialog.show();
    }
}
