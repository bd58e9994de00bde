package org.hearth.app.wallet;

import java.util.List;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.hearth.wallet.hd.AddressScheme;
import org.hearth.wallet.mnemonic.Bip39Wordlist;
import org.hearth.wallet.mnemonic.Mnemonic;
import org.hearth.wallet.mnemonic.MnemonicException;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Restore from a recovery phrase: words checked as they are typed (wordlist and checksum), the
 * last word completed from the wordlist, an optional BIP-39 passphrase, the path family, a password.
 * Used accounts are found on the chain (gap limit 20).
 */
final class RestoreWalletPane extends VBox {

    RestoreWalletPane(ResourceBundle text, WalletModel model, Runnable onCancel) {
        super(12);
        setPadding(new Insets(8));
        Label title = new Label(text.getString("restore.title"));
        title.getStyleClass().add("title-3");
        TextArea words = new TextArea();
        words.setId("restore-words");
        words.setWrapText(true);
        words.setPrefRowCount(3);
        words.setPromptText(text.getString("restore.prompt"));

        Label suggestions = new Label();
        suggestions.setId("restore-suggest");
        suggestions.getStyleClass().add("text-muted");
        suggestions.textProperty().bind(Bindings.createStringBinding(() -> suggest(words.getText()), words.textProperty()));
        Label status = new Label();
        status.setId("restore-status");
        status.setWrapText(true);
        status.textProperty().bind(Bindings.createStringBinding(() -> check(text, words.getText()), words.textProperty()));
        BooleanBinding phraseValid = Bindings.createBooleanBinding(() -> Mnemonic.isValid(normalise(words.getText())), words.textProperty());

        PasswordField passphrase = new PasswordField();
        passphrase.setId("restore-passphrase");
        passphrase.setPromptText(text.getString("restore.passphrase"));
        // Wide enough for the whole prompt, which otherwise reads "BIP-39 passphrase (opti".
        passphrase.setPrefColumnCount(18);
        ChoiceBox<AddressScheme> scheme = new ChoiceBox<>();
        scheme.setId("restore-scheme");
        scheme.getItems().setAll(AddressScheme.values());
        scheme.setValue(AddressScheme.BIP44);
        scheme.setConverter(new StringConverter<>() {
            @Override
            public String toString(AddressScheme s) {
                return s == null ? "" : text.getString("scheme." + s.name().toLowerCase()) + "  " + s.template();
            }

            @Override
            public AddressScheme fromString(String s) {
                return null;
            }
        });
        PasswordChoice password = new PasswordChoice(text);

        Button restore = new Button(text.getString("restore.confirm"), new FontIcon("fth-rotate-ccw"));
        restore.setId("restore-confirm");
        restore.getStyleClass().add("accent");
        restore.disableProperty().bind(phraseValid.not().or(password.valid().not()).or(model.busy));
        restore.setOnAction(e -> {
            Mnemonic mnemonic = Mnemonic.parse(normalise(words.getText()));
            words.clear();
            model.restore(mnemonic, passphrase.getText(), scheme.getValue(), password.take(), text.getString("restore.busy"));
            passphrase.clear();
        });
        Button cancel = new Button(text.getString("action.cancel"));
        cancel.setId("restore-cancel");
        cancel.setOnAction(e -> {
            words.clear();
            onCancel.run();
        });
        Label error = new Label();
        error.getStyleClass().add("danger");
        error.textProperty().bind(model.error);
        getChildren().addAll(title, words, suggestions, status, new Label(text.getString("restore.options")),
                new HBox(8, passphrase, scheme), password, new HBox(8, cancel, restore), error);
    }

    static String normalise(String typed) {
        return String.join(" ", typed.toLowerCase().trim().split("\\s+"));
    }

    /** Candidates for the word being typed (the last one, when the text does not end in a space). */
    private static String suggest(String typed) {
        if (typed.isEmpty() || Character.isWhitespace(typed.charAt(typed.length() - 1))) {
            return "";
        }
        String[] parts = typed.trim().toLowerCase().split("\\s+");
        List<String> candidates = Bip39Wordlist.complete(parts[parts.length - 1]);
        return candidates.size() > 8 ? String.join("  ", candidates.subList(0, 8)) + "  …" : String.join("  ", candidates);
    }

    private static String check(ResourceBundle text, String typed) {
        String phrase = normalise(typed);
        if (phrase.isEmpty()) {
            return "";
        }
        try {
            Mnemonic m = Mnemonic.parse(phrase);
            return String.format(text.getString("restore.ok"), m.size());
        } catch (MnemonicException e) {
            return org.hearth.app.desktop.Messages.describe(e);
        }
    }
}
