package org.hearth.app.wallet;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.ResourceBundle;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.hearth.app.control.SecretClipboard;
import org.hearth.config.OwnerOnlyFiles;
import org.hearth.wallet.keystore.KeystoreV3;
import org.hearth.wallet.vault.VaultAccount;
import org.kordamp.ikonli.javafx.FontIcon;

/** The account menu (rename, hide, export) and the wallet menu (import, watch, change password). */
final class AccountActions {

    private final ResourceBundle text;
    private final WalletModel model;

    AccountActions(ResourceBundle text, WalletModel model) {
        this.text = text;
        this.model = model;
    }

    MenuButton accountMenu(VaultAccount account) {
        MenuButton menu = new MenuButton(null, new FontIcon("fth-more-horizontal"));
        menu.setId("account-menu");
        menu.getItems().addAll(
                item("account.rename", "menu-rename", () -> ask("account.rename", account.label()).ifPresent(l -> model.rename(account, l))),
                item("account.hide", "menu-hide", () -> model.hide(account)),
                item("account.exportKey", "menu-export-key", () -> exportKey(account)),
                item("account.exportKeystore", "menu-export-keystore", () -> exportKeystore(account)));
        return menu;
    }

    MenuButton walletMenu() {
        MenuButton menu = new MenuButton(text.getString("wallet.menu"), new FontIcon("fth-settings"));
        menu.setId("wallet-menu");
        menu.getItems().addAll(
                item("wallet.importKey", "menu-import-key", () -> password("wallet.importKey", "wallet.importKeyPrompt")
                        .ifPresent(key -> model.importPrivateKey(new String(key), text.getString("wallet.imported")))),
                item("wallet.importKeystore", "menu-import-keystore", this::importKeystore),
                item("wallet.watch", "menu-watch", () -> ask("wallet.watchPrompt", "")
                        .ifPresent(a -> model.addWatchOnly(a, text.getString("wallet.watched")))),
                item("wallet.unhide", "menu-unhide", model::unhideAll),
                item("wallet.addressBook", "menu-address-book", () -> new AddressBookDialog(text,
                        new org.hearth.store.AddressBookRepository(model.services().database())).showAndWait()),
                item("wallet.changePassword", "menu-change-password", this::changePassword));
        return menu;
    }

    private void exportKey(VaultAccount account) {
        if (!warned("export.keyWarning")) {
            return;
        }
        password("export.passwordAgain", "unlock.password").ifPresent(pw -> model.exportPrivateKey(account.address(), pw, key -> {
            Alert shown = new Alert(Alert.AlertType.INFORMATION);
            shown.setHeaderText(text.getString("export.keyShown"));
            TextArea area = new TextArea(key);
            area.setEditable(false);
            area.setWrapText(true);
            area.setPrefRowCount(2);
            Button copy = new Button(text.getString("export.copySecret"));
            copy.setOnAction(e -> SecretClipboard.copy(key));
            shown.getDialogPane().setContent(new VBox(8, area, copy, new Label(text.getString("export.clipboardNote"))));
            shown.showAndWait();
        }));
    }

    private void exportKeystore(VaultAccount account) {
        if (!warned("export.keystoreWarning")) {
            return;
        }
        Optional<char[]> walletPassword = password("export.passwordAgain", "unlock.password");
        Optional<char[]> keystorePassword = walletPassword.flatMap(p -> password("export.keystorePassword", "password.new"));
        if (walletPassword.isEmpty() || keystorePassword.isEmpty()) {
            return;
        }
        model.exportKeystore(account.address(), walletPassword.get(), new String(keystorePassword.get()), json -> {
            FileChooser chooser = new FileChooser();
            chooser.setInitialFileName("UTC--" + account.address().substring(2).toLowerCase() + ".json");
            java.io.File file = chooser.showSaveDialog(null);
            if (file != null) {
                try {
                    // the save dialog already asked before replacing a file; either way only its owner can read it
                    OwnerOnlyFiles.replace(file.toPath(), json.getBytes(StandardCharsets.UTF_8));
                } catch (java.io.IOException e) {
                    model.error.set(org.hearth.app.desktop.Messages.describe(e));
                }
            }
        }, text.getString("export.busy"));
    }

    private void importKeystore() {
        FileChooser chooser = new FileChooser();
        java.io.File file = chooser.showOpenDialog(null);
        if (file == null) {
            return;
        }
        try {
            String json = KeystoreV3.readFile(file.toPath());
            password("wallet.keystorePassword", "unlock.password")
                    .ifPresent(pw -> model.importKeystore(json, new String(pw), text.getString("wallet.imported"), text.getString("export.busy")));
        } catch (RuntimeException e) {
            model.error.set(org.hearth.app.desktop.Messages.describe(e));
        }
    }

    private void changePassword() {
        Optional<char[]> current = password("wallet.currentPassword", "unlock.password");
        Optional<char[]> next = current.flatMap(c -> password("wallet.newPassword", "password.new"));
        if (current.isPresent() && next.isPresent()) {
            if (next.get().length < PasswordChoice.MIN_LENGTH) {
                model.error.set(String.format(text.getString("password.tooShort"), PasswordChoice.MIN_LENGTH));
                return;
            }
            model.changePassword(current.get(), next.get(), () -> model.error.set(""), text.getString("create.busy"));
        }
    }

    private boolean warned(String key) {
        Alert warning = new Alert(Alert.AlertType.WARNING, text.getString(key), ButtonType.CANCEL, ButtonType.OK);
        warning.setHeaderText(text.getString("export.title"));
        return warning.showAndWait().filter(b -> b == ButtonType.OK).isPresent();
    }

    private Optional<String> ask(String titleKey, String initial) {
        TextInputDialog dialog = new TextInputDialog(initial);
        dialog.setHeaderText(text.getString(titleKey));
        return dialog.showAndWait().map(String::strip).filter(s -> !s.isEmpty());
    }

    private Optional<char[]> password(String titleKey, String promptKey) {
        Dialog<char[]> dialog = new Dialog<>();
        dialog.setHeaderText(text.getString(titleKey));
        PasswordField field = new PasswordField();
        field.setPromptText(text.getString(promptKey));
        dialog.getDialogPane().setContent(field);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.CANCEL, ButtonType.OK);
        dialog.setResultConverter(b -> b == ButtonType.OK ? field.getText().toCharArray() : null);
        Optional<char[]> result = dialog.showAndWait();
        field.clear();
        return result.filter(chars -> chars.length > 0);
    }

    private MenuItem item(String key, String id, Runnable action) {
        MenuItem item = new MenuItem(text.getString(key));
        item.setId(id);
        item.setOnAction(e -> action.run());
        return item;
    }
}
