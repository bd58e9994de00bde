package org.hearth.app.governance;

import java.math.BigInteger;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.function.BiConsumer;
import javafx.collections.ListChangeListener;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import org.hearth.dao.GovernanceNotices;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The governance notices as a menu beside the governor (it never pushes the screen around while a
 * person reads or clicks): its title counts them, each item shows its proposal and governor.
 */
final class NoticeList {

    private static final int MAX_SHOWN = 12;

    private NoticeList() {
    }

    static MenuButton of(ResourceBundle text, GovernanceWatch watch, BiConsumer<String, BigInteger> show) {
        MenuButton menu = new MenuButton(String.format(text.getString("governance.notices"), 0), new FontIcon("fth-bell"));
        menu.setId("governance-notices");
        if (watch == null) {
            menu.setDisable(true);
            return menu;
        }
        Runnable fill = () -> {
            menu.getItems().clear();
            for (GovernanceNotices.Notice n : watch.notices.subList(0, Math.min(MAX_SHOWN, watch.notices.size()))) {
                MenuItem item = new MenuItem(String.format(text.getString("governance.notice." + n.kind().name().toLowerCase(Locale.ROOT)),
                        MarkdownView.plain(n.title())));
                item.setOnAction(e -> show.accept(n.governor(), n.proposalId()));
                menu.getItems().add(item);
            }
            menu.setText(String.format(text.getString("governance.notices"), watch.notices.size()));
            menu.setDisable(watch.notices.isEmpty());
        };
        fill.run();
        watch.notices.addListener((ListChangeListener<GovernanceNotices.Notice>) c -> fill.run());
        return menu;
    }
}
