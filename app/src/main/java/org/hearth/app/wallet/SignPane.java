package org.hearth.app.wallet;

import java.nio.charset.StandardCharsets;
import java.util.ResourceBundle;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.hearth.app.control.CopyableText;
import org.hearth.app.control.TwoModeSwitch;
import org.hearth.app.control.TypedDataTree;
import org.hearth.wallet.sign.Signature;
import org.hearth.wallet.sign.TypedData;

/**
 * Sign a message (EIP-191) or typed data (EIP-712, shown as a tree first); {@link VerifyPane} checks signatures.
 * Signing is a separate click after the preview: nothing is signed that was not shown.
 */
final class SignPane extends VBox {

    private final ResourceBundle text;
    private final WalletModel model;
    private final String address;
    private final StringProperty signature = new SimpleStringProperty("");
    private final Label error = new Label();
    private final StackPane preview = new StackPane();

    SignPane(ResourceBundle text, WalletModel model, String address) {
        super(10);
        this.text = text;
        this.model = model;
        this.address = address;
        setPadding(new Insets(8, 0, 0, 0));
        TwoModeSwitch modes = new TwoModeSwitch("sign-mode", "message", text.getString("sign.message"), "typed",
                text.getString("sign.typed"));
        TextArea input = new TextArea();
        input.setId("sign-input");
        input.setPrefRowCount(5);
        input.setPromptText(text.getString("sign.prompt"));
        input.textProperty().addListener((o, w, i) -> {
            preview.getChildren().clear();
            signature.set("");
        });
        Button show = new Button(text.getString("sign.preview"));
        show.setId("sign-preview");
        show.setOnAction(e -> preview(input.getText(), modes.isSecondSelected()));
        error.getStyleClass().add("danger");
        error.setId("sign-error");
        error.setWrapText(true);
        CopyableText output = new CopyableText(signature, text.getString("action.copy"));
        output.valueLabel().setId("sign-output");
        output.valueLabel().setWrapText(true);
        getChildren().addAll(modes, input, show, preview, error, output);
    }

    private void preview(String input, boolean typedData) {
        error.setText("");
        try {
            if (typedData) {
                TypedData data = TypedData.parse(input);
                TypedDataTree tree = new TypedDataTree(data.tree());
                tree.setPrefHeight(200);
                preview.getChildren().setAll(new VBox(8, tree, signButton(() -> model.signTypedData(address, data))));
            } else {
                byte[] bytes = input.getBytes(StandardCharsets.UTF_8);
                Label shown = new Label(input);
                shown.setWrapText(true);
                shown.getStyleClass().add("hearth-mono");
                preview.getChildren().setAll(new VBox(8, shown, signButton(() -> model.signMessage(address, bytes))));
            }
        } catch (RuntimeException e) {
            error.setText(org.hearth.app.desktop.Messages.describe(e));
        }
    }

    private Button signButton(java.util.function.Supplier<Signature> sign) {
        Button b = new Button(text.getString("sign.action"));
        b.setId("sign-action");
        b.getStyleClass().add("accent");
        b.setOnAction(e -> {
            try {
                signature.set(sign.get().toHex());
            } catch (RuntimeException ex) {
                error.setText(org.hearth.app.desktop.Messages.describe(ex));
            }
        });
        return b;
    }
}
