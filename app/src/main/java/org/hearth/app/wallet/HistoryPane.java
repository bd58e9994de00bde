package org.hearth.app.wallet;

import java.util.ResourceBundle;
import java.util.function.Consumer;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.hearth.chain.Addresses;
import org.hearth.chain.tx.TxStatus;
import org.hearth.history.HistoryItem;
import org.kordamp.ikonli.javafx.FontIcon;

/** An account's history as a list: direction, counterparty, amount, status; speed-up and cancel on pending sends. */
public final class HistoryPane extends ListView<HistoryItem> {

    public HistoryPane(ResourceBundle text, ObservableList<HistoryItem> items, Consumer<HistoryItem> speedUp, Consumer<HistoryItem> cancel) {
        super(items);
        setId("history-list");
        setPlaceholder(new Label(text.getString("history.empty")));
        setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(HistoryItem item, boolean empty) {
                super.updateItem(item, empty);
                setText(null);
                setGraphic(empty || item == null ? null : row(text, item, speedUp, cancel));
            }
        });
    }

    private static HBox row(ResourceBundle text, HistoryItem item, Consumer<HistoryItem> speedUp, Consumer<HistoryItem> cancel) {
        boolean sent = item.direction() == HistoryItem.Direction.SENT;
        FontIcon icon = new FontIcon(sent ? "fth-arrow-up-right" : "fth-arrow-down-left");
        String who = item.counterparty() == null ? text.getString("history.contract") : Addresses.checksummed(item.counterparty());
        Label title = new Label(text.getString(sent ? "history.sentTo" : "history.receivedFrom") + " " + shorten(who));
        Label detail = new Label(status(text, item)
                + (item.nonce() == null ? "" : " · " + String.format(text.getString("history.nonce"), item.nonce()))
                + (item.block() == null ? "" : " · " + String.format(text.getString("history.block"), item.block()))
                + (item.fee() == null ? "" : " · " + text.getString("history.fee") + " " + SendModel.ethExact(item.fee())));
        detail.getStyleClass().add("text-muted");
        String sign = item.value().signum() == 0 ? "" : sent ? "−" : "+";
        Label amount = new Label(sign + SendModel.eth(item.value()));
        amount.getStyleClass().add(sent ? "text-default" : "success");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox row = new HBox(10, icon, new VBox(2, title, detail), spacer, amount);
        row.setAlignment(Pos.CENTER_LEFT);
        row.setPadding(new Insets(4, 6, 4, 6));
        if (sent && item.status() == TxStatus.PENDING) {
            Button faster = new Button(text.getString("history.speedUp"));
            faster.setId("history-speed-up");
            faster.getStyleClass().add("small");
            Button stop = new Button(text.getString("history.cancel"));
            stop.setId("history-cancel");
            stop.getStyleClass().add("small");
            // one replacement per click: the row is rebuilt once the history shows the new transaction
            faster.setOnAction(e -> {
                faster.setDisable(true);
                stop.setDisable(true);
                speedUp.accept(item);
            });
            stop.setOnAction(e -> {
                faster.setDisable(true);
                stop.setDisable(true);
                cancel.accept(item);
            });
            row.getChildren().addAll(faster, stop);
        }
        return row;
    }

    private static String status(ResourceBundle text, HistoryItem item) {
        String status = text.getString("status.tx." + item.status().name().toLowerCase());
        return switch (item.kind()) {
            case SPEED_UP -> status + " (" + text.getString("history.kind.speedUp") + ")";
            case CANCEL -> status + " (" + text.getString("history.kind.cancel") + ")";
            default -> status;
        };
    }

    private static String shorten(String address) {
        return address.length() > 14 ? address.substring(0, 8) + "…" + address.substring(address.length() - 6) : address;
    }
}
