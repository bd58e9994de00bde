package org.hearth.app.wallet;

import java.util.ResourceBundle;
import java.util.function.Consumer;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.hearth.app.control.AddressLabel;
import org.hearth.app.control.AddressNames;
import org.hearth.app.control.AmountLabel;
import org.hearth.chain.tx.TxStatus;
import org.hearth.history.HistoryItem;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * An account's history as a list: direction, counterparty, amount, status; speed-up and cancel on
 * pending sends. Above it, a note when the node offers no traces, so ether paid by contracts is missing.
 */
public final class HistoryPane extends VBox {

    /** Says which blocks the node could not trace (shown only when there are some). */
    private final Label gapNote = new Label();

    /** Shows, above the list, the runs of blocks whose traces the node could not give (ether paid by contracts in them is unknown). */
    public HistoryPane withTraceGaps(ResourceBundle text, ObservableList<org.hearth.index.BlockRange> gaps) {
        gapNote.setId("history-trace-gaps");
        gapNote.setGraphic(new FontIcon("fth-info"));
        gapNote.getStyleClass().add("text-muted");
        gapNote.setWrapText(true);
        gapNote.setMinHeight(Region.USE_PREF_SIZE);
        gapNote.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> gaps.stream()
                .map(g -> String.format(text.getString("history.traceGap"), g.from(), g.to()))
                .collect(java.util.stream.Collectors.joining("\n")), gaps));
        gapNote.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(gaps));
        gapNote.managedProperty().bind(gapNote.visibleProperty());
        return this;
    }

    public HistoryPane(ResourceBundle text, ObservableList<HistoryItem> items, ObservableBooleanValue internalTransfersHidden,
                       Consumer<HistoryItem> speedUp, Consumer<HistoryItem> cancel, AddressNames names) {
        super(6);
        gapNote.setVisible(false);
        gapNote.setManaged(false);
        Label note = new Label(text.getString("history.noInternalTransfers"), new FontIcon("fth-info"));
        note.setId("history-no-internal");
        note.getStyleClass().add("text-muted");
        note.setWrapText(true);
        note.setMinHeight(Region.USE_PREF_SIZE); // wrap onto more lines rather than being cut short by the list below
        note.visibleProperty().bind(internalTransfersHidden);
        note.managedProperty().bind(internalTransfersHidden);
        ListView<HistoryItem> list = new ListView<>(items);
        list.setId("history-list");
        list.setPlaceholder(new Label(text.getString("history.empty")));
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(HistoryItem item, boolean empty) {
                super.updateItem(item, empty);
                setText(null);
                setGraphic(empty || item == null ? null : row(text, item, speedUp, cancel, names));
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        getChildren().addAll(note, gapNote, list);
    }

    private static HBox row(ResourceBundle text, HistoryItem item, Consumer<HistoryItem> speedUp, Consumer<HistoryItem> cancel,
                            AddressNames names) {
        boolean sent = item.direction() == HistoryItem.Direction.SENT;
        FontIcon icon = new FontIcon(switch (item.direction()) {
            case SENT -> "fth-arrow-up-right";
            case RECEIVED -> "fth-arrow-down-left";
            case RECEIVED_FROM_CONTRACT -> "fth-corner-down-left";
        });
        Label title = new Label(text.getString(switch (item.direction()) {
            case SENT -> "history.sentTo";
            case RECEIVED -> "history.receivedFrom";
            case RECEIVED_FROM_CONTRACT -> "history.receivedFromContract";
        }));
        HBox heading = new HBox(6, title, item.counterparty() == null ? new Label(text.getString("history.contract"))
                : new AddressLabel(item.counterparty(), names, false, text.getString("action.copy")).withIds("history-counterparty"));
        heading.setAlignment(Pos.CENTER_LEFT);
        Label detail = new Label(status(text, item)
                + (item.nonce() == null ? "" : " · " + String.format(text.getString("history.nonce"), item.nonce()))
                + (item.block() == null ? "" : " · " + String.format(text.getString("history.block"), item.block()))
                + (item.fee() == null ? "" : " · " + text.getString("history.fee") + " " + SendModel.ethExact(item.fee())));
        detail.getStyleClass().add("text-muted");
        Label amount = amount(text, item, sent);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        // The hash is what explorers and support chats ask for: one click copies it in full.
        Button copyHash = new Button(null, new FontIcon("fth-hash"));
        copyHash.setId("history-copy-hash");
        copyHash.getStyleClass().addAll("flat", "button-icon");
        copyHash.setTooltip(new Tooltip(text.getString("history.copyHash") + "\n" + item.hash()));
        copyHash.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(item.hash());
            Clipboard.getSystemClipboard().setContent(content);
        });
        HBox row = new HBox(10, icon, new VBox(2, heading, detail), spacer, amount, copyHash);
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

    /**
     * Signed like the balance moved; a failed or replaced send moved no value (only a failed one's fee),
     * so it has no sign, and neither has a zero value (a cancel), which would read "−0".
     */
    private static Label amount(ResourceBundle text, HistoryItem item, boolean sent) {
        boolean undone = item.status() == TxStatus.FAILED || item.status() == TxStatus.REPLACED;
        boolean unsigned = undone || item.value().signum() == 0;
        AmountLabel amount = new AmountLabel(item.value(), SendModel.ETH_DECIMALS, text.getString("unit.eth")).rounded(6).withPrefix(unsigned ? "" : sent ? "−" : "+");
        amount.setId("history-amount");
        amount.getStyleClass().add(undone ? "text-muted" : sent ? "text-default" : "success");
        return amount;
    }

    private static String status(ResourceBundle text, HistoryItem item) {
        String status = text.getString("status.tx." + item.status().name().toLowerCase());
        return switch (item.kind()) {
            case SPEED_UP -> status + " (" + text.getString("history.kind.speedUp") + ")";
            case CANCEL -> status + " (" + text.getString("history.kind.cancel") + ")";
            default -> status;
        };
    }
}
