package org.hearth.app.shell;

import java.util.List;
import java.util.ResourceBundle;
import javafx.scene.Cursor;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import org.hearth.app.desktop.ChainModel;
import org.hearth.app.desktop.UiThread;
import org.hearth.chain.network.Network;

/** Clicking the network name in the status bar lists the networks; choosing one switches to it. */
final class NetworkMenu {

    private NetworkMenu() {
    }

    static void attach(Label label, ResourceBundle text, ChainModel chain) {
        label.setCursor(Cursor.HAND);
        label.setTooltip(new Tooltip(text.getString("network.switch.tooltip")));
        ContextMenu menu = new ContextMenu();
        menu.setId("network-menu");
        label.setOnMouseClicked(e -> {
            if (chain.busy.get()) {
                return;
            }
            UiThread.background(() -> chain.networks().list(), (List<Network> all) -> {
                menu.getItems().setAll(items(all, text, chain));
                menu.show(label, javafx.geometry.Side.TOP, 0, 0);
            }, failure -> chain.message.set(failure.getMessage()));
        });
    }

    private static List<MenuItem> items(List<Network> all, ResourceBundle text, ChainModel chain) {
        ToggleGroup group = new ToggleGroup();
        String current = chain.network().map(Network::name).orElse(null);
        List<MenuItem> items = new java.util.ArrayList<>();
        for (Network n : all) {
            RadioMenuItem item = new RadioMenuItem(NetworkLabels.of(text, n) + "  ·  " + String.format(text.getString("status.chainId"), n.chainId()));
            item.setId("network-item-" + n.name().replaceAll("[^A-Za-z0-9]", "-"));
            item.setToggleGroup(group);
            item.setSelected(n.name().equals(current));
            item.setOnAction(e -> {
                if (!n.name().equals(current)) {
                    chain.useNetwork(n, n.local() ? text.getString("status.starting")
                            : String.format(text.getString("status.connecting"), n.name()), text.getString("status.deploying"));
                }
            });
            items.add(item);
        }
        items.add(new SeparatorMenuItem());
        MenuItem hint = new MenuItem(text.getString("network.switch.manage"));
        hint.setDisable(true);
        items.add(hint);
        return items;
    }
}
