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
import org.hearth.app.desktop.Messages;
import org.hearth.app.desktop.UiThread;
import org.hearth.chain.session.ChainSession;
import org.hearth.tokens.TokenListImport;
import org.hearth.tokens.TokenListSource;
import org.hearth.tokens.TokenRegistry;

/**
 * Import a token list (Uniswap token-list schema) from a file path or an http(s) URL: read off the FX
 * thread (URLs through the one safe fetcher), refused whole when it breaks the schema (the first
 * problem is shown in the dialog); on success the dialog closes and {@code imported} gets the summary.
 */
final class ImportListDialog {

    private ImportListDialog() {
    }

    static void show(ResourceBundle text, Window owner, ChainSession session, Consumer<String> imported) {
        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(text.getString("tokens.importTitle"));
        dialog.setHeaderText(text.getString("tokens.importHeader"));
        TextField source = new TextField();
        source.setId("tokens-import-source");
        source.setPromptText(text.getString("tokens.importPrompt"));
        source.setPrefColumnCount(40);
        Label error = new Label();
        error.setId("tokens-import-error");
        error.getStyleClass().add("danger");
        error.setWrapText(true);
        error.setMaxWidth(520);
        error.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // wrap to as many lines as the refusal needs
        dialog.getDialogPane().setContent(new VBox(8, source, error));
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        Button ok = (Button) dialog.getDialogPane().lookupButton(ButtonType.OK);
        ok.setId("tokens-import-ok");
        ok.setText(text.getString("tokens.importConfirm"));
        ((Button) dialog.getDialogPane().lookupButton(ButtonType.CANCEL)).setText(text.getString("tokens.addCancel"));
        ok.disableProperty().bind(source.textProperty().map(String::isBlank));
        ok.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            e.consume(); // stay open until the list is read and checked
            error.setText(text.getString("tokens.importing"));
            String from = source.getText();
            UiThread.background(() -> new TokenRegistry(session).importList(TokenListSource.read(from)), (TokenListImport.Result r) -> {
                dialog.close();
                imported.accept(String.format(text.getString("tokens.imported"), r.name(), r.tokens().size(), r.total(), r.otherChains()));
            }, t -> {
                error.setText(Messages.describe(text, t));
                dialog.getDialogPane().getScene().getWindow().sizeToScene();
            });
        });
        dialog.show();
    }
}
