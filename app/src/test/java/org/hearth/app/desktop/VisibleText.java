package org.hearth.app.desktop;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.chart.Axis;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Text;

/**
 * Every piece of text a person can read in a scene: labels, buttons, headings, tab and column titles,
 * prompts, tooltips, menu items and free text. What the user typed (text fields' content) is not
 * the app's text and is left out. Read on the FX thread.
 */
final class VisibleText {

    record Piece(String where, String text) {
    }

    private final List<Piece> pieces = new ArrayList<>();

    static List<Piece> of(Node root) {
        VisibleText found = new VisibleText();
        found.walk(root);
        return found.pieces;
    }

    private void walk(Node node) {
        if (!node.isVisible()) {
            return;
        }
        String where = describe(node);
        if (node instanceof Control control && control.getTooltip() != null) {
            tooltip(where, control.getTooltip());
        }
        if (node instanceof TextInputControl input) {
            add(where + " prompt", input.getPromptText());
            return; // the content is the user's
        }
        if (node instanceof ComboBoxBase<?> combo) {
            add(where + " prompt", combo.getPromptText());
        }
        if (node instanceof Labeled labeled) {
            add(where, labeled.getText());
        }
        if (node instanceof MenuButton menu) {
            items(where, menu.getItems());
        }
        if (node instanceof TabPane tabs) {
            for (Tab tab : tabs.getTabs()) {
                add(where + " tab", tab.getText());
                tooltip(where + " tab", tab.getTooltip());
            }
        }
        if (node instanceof TableView<?> table) {
            columns(where, table.getColumns());
        }
        if (node instanceof Axis<?> axis) {
            add(where + " axis", axis.getLabel());
        }
        // a Labeled draws its text with a Text node of its own: counted once, above
        if (node instanceof Text text && !text.getClass().getSimpleName().equals("LabeledText")) {
            add(where, text.getText());
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                walk(child);
            }
        }
    }

    private void columns(String where, List<? extends TableColumnBase<?, ?>> columns) {
        for (TableColumnBase<?, ?> column : columns) {
            add(where + " column", column.getText());
            columns(where, column.getColumns());
        }
    }

    private void items(String where, List<MenuItem> items) {
        for (MenuItem item : items) {
            add(where + " menu", item.getText());
            if (item instanceof Menu sub) {
                items(where, sub.getItems());
            }
        }
    }

    private void tooltip(String where, Tooltip tooltip) {
        if (tooltip != null) {
            add(where + " tooltip", tooltip.getText());
        }
    }

    private void add(String where, String text) {
        if (text != null && !text.isBlank()) {
            pieces.add(new Piece(where, text));
        }
    }

    private static String describe(Node node) {
        return node.getClass().getSimpleName() + (node.getId() == null ? "" : "#" + node.getId());
    }
}
