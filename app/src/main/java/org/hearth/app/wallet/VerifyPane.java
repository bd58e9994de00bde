package org.hearth.app.wallet;

import java.nio.charset.StandardCharsets;
import java.util.ResourceBundle;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.hearth.app.control.TwoModeSwitch;
import org.hearth.app.control.TypedDataTree;
import org.hearth.wallet.sign.SignatureCheck;
import org.hearth.wallet.sign.TypedData;

/**
 * The Verify tab: was a personal_sign message or EIP-712 v4 typed data signed by this address?
 * Typed data is shown as a tree, so the user sees what the signature covers. The result names the
 * recovered signer (checksummed) either way.
 */
final class VerifyPane extends VBox {

    private final ResourceBundle text;
    private final Label result = new Label();
    private final StackPane shown = new StackPane();

    VerifyPane(ResourceBundle text) {
        super(8);
        this.text = text;
        setPadding(new Insets(8, 0, 0, 0));
        TwoModeSwitch modes = new TwoModeSwitch("verify-mode", "message", text.getString("sign.message"), "typed",
                text.getString("sign.typed"));

        TextField signer = new TextField();
        signer.setId("verify-address");
        signer.setPromptText(text.getString("verify.address"));
        TextArea signed = new TextArea();
        signed.setId("verify-message");
        signed.setPrefRowCount(5);
        signed.promptTextProperty().bind(javafx.beans.binding.Bindings.when(modes.secondSelected())
                .then(text.getString("verify.typedPrompt")).otherwise(text.getString("verify.message")));
        TextField signature = new TextField();
        signature.setId("verify-signature");
        signature.setPromptText(text.getString("verify.signature"));
        result.setId("verify-result");
        result.setWrapText(true);
        Button verify = new Button(text.getString("verify.action"));
        verify.setId("verify-action");
        verify.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        verify.setOnAction(e -> verify(modes.isSecondSelected(), signed.getText(), signature.getText(), signer.getText()));
        // a result belongs to the inputs it was computed from
        for (var input : new javafx.beans.Observable[] {signer.textProperty(), signed.textProperty(), signature.textProperty(),
                modes.changes()}) {
            input.addListener(o -> clear());
        }
        Label title = new Label(text.getString("verify.title"));
        title.getStyleClass().add("title-4");
        HBox verifyRow = new HBox(8, verify, result);
        verifyRow.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(title, modes, signer, signed, signature, verifyRow, shown);
    }

    private void verify(boolean typedData, String input, String signatureHex, String address) {
        clear();
        try {
            SignatureCheck check;
            if (typedData) {
                TypedData data = TypedData.parse(input);
                TypedDataTree tree = new TypedDataTree(data.tree());
                tree.setPrefHeight(220);
                shown.getChildren().setAll(tree);
                check = SignatureCheck.ofTypedData(data, signatureHex, address);
            } else {
                check = SignatureCheck.ofMessage(input.getBytes(StandardCharsets.UTF_8), signatureHex, address);
            }
            show(check.valid() ? String.format(text.getString("verify.valid"), check.recovered())
                    : String.format(text.getString("verify.invalid"), check.claimed(), check.recovered()), check.valid());
        } catch (RuntimeException e) {
            show(org.hearth.app.desktop.Messages.describe(e), false);
        }
    }

    private void show(String message, boolean good) {
        result.setText(message);
        result.getStyleClass().add(good ? "success" : "danger");
    }

    private void clear() {
        result.setText("");
        result.getStyleClass().removeAll("success", "danger");
        shown.getChildren().clear();
    }
}
