package org.hearth.app.settings;

import java.util.ResourceBundle;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.hearth.app.control.CopyableText;
import org.hearth.app.control.Labels;
import org.hearth.app.control.ScreenHeader;
import org.hearth.app.desktop.AppServices;
import org.hearth.app.desktop.ChainModel;
import org.hearth.app.shell.Theme;

/** Settings: theme, where Hearth keeps its files, auto-lock, and the chain's RPC endpoint. */
public final class SettingsView {

    private SettingsView() {
    }

    public static Node create(ResourceBundle text, AppServices services, ChainModel chain) {
        ToggleGroup themes = new ToggleGroup();
        RadioButton light = new RadioButton(text.getString("settings.theme.light"));
        light.setId("theme-light");
        RadioButton dark = new RadioButton(text.getString("settings.theme.dark"));
        dark.setId("theme-dark");
        light.setToggleGroup(themes);
        dark.setToggleGroup(themes);
        (Theme.load(services.settings()) == Theme.DARK ? dark : light).setSelected(true);
        themes.selectedToggleProperty().addListener((obs, was, is) -> {
            Theme theme = is == dark ? Theme.DARK : Theme.LIGHT;
            theme.apply();
            theme.save(services.settings());
        });

        GridPane grid = new GridPane(16, 10);
        grid.addRow(0, Labels.muted(text.getString("settings.theme")), new HBox(16, light, dark));
        grid.addRow(1, Labels.muted(text.getString("settings.dataDir")),
                new CopyableText(new ReadOnlyStringWrapper(services.dataDir().root().toString()), text.getString("action.copy")));
        grid.addRow(2, Labels.muted(text.getString("settings.database")),
                new CopyableText(new ReadOnlyStringWrapper(services.database().file().toString()), text.getString("action.copy")));
        grid.addRow(3, Labels.muted(text.getString("settings.schema")), new Label(services.database().schemaVersion()));
        javafx.scene.control.Spinner<Integer> autoLock = new javafx.scene.control.Spinner<>(1, 24 * 60,
                (int) org.hearth.app.wallet.WalletModel.autoLockMinutes(services));
        autoLock.setId("settings-auto-lock");
        autoLock.setEditable(true);
        autoLock.valueProperty().addListener((obs, was, is) -> services.settings().put(org.hearth.app.wallet.WalletModel.AUTO_LOCK_KEY, is.toString()));
        HBox autoLockRow = new HBox(8, autoLock, new Label(text.getString("settings.minutes")));
        autoLockRow.setAlignment(Pos.CENTER_LEFT);
        grid.addRow(4, Labels.muted(text.getString("settings.autoLock")), autoLockRow);
        grid.addRow(5, Labels.muted(text.getString("settings.rpc")), RpcEndpointField.create(text, chain));
        grid.addRow(6, Labels.muted(text.getString("settings.network")), NetworksPane.create(text, chain));
        grid.addRow(7, Labels.muted(text.getString("settings.history.startBlock")), HistoryStartField.create(text, services, chain));

        VBox box = new VBox(18, new ScreenHeader(text.getString("nav.settings"), text.getString("settings.subtitle")), grid);
        box.setPadding(new Insets(24));
        return box;
    }
}
