package org.hearth.app.compute;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.EnumSet;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.hearth.market.agent.JobOutcome;
import org.hearth.market.earnings.JobHistory;
import org.hearth.money.Amounts;

/** Job history: every market job this provider took or refused, with outcome and reason; filter, search, and a details page. */
final class JobsPane {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withZone(ZoneId.systemDefault());

    private JobsPane() {
    }

    static Node create(ResourceBundle text, MarketShareModel market, Consumer<JobHistory.Entry> open) {
        TextField search = new TextField();
        search.setId("jobs-search");
        search.setPromptText(text.getString("jobs.search"));
        ComboBox<String> outcome = new ComboBox<>();
        outcome.setId("jobs-outcome");
        outcome.getItems().add(text.getString("jobs.all"));
        for (JobOutcome o : JobOutcome.values()) {
            outcome.getItems().add(outcomeWords(text, o));
        }
        outcome.getSelectionModel().selectFirst();
        ObservableList<JobHistory.Entry> shown = FXCollections.observableArrayList();
        Runnable filter = () -> {
            int i = outcome.getSelectionModel().getSelectedIndex();
            Set<JobOutcome> only = i <= 0 ? Set.of() : EnumSet.of(JobOutcome.values()[i - 1]);
            shown.setAll(JobHistory.filter(market.history, only, search.getText()));
        };
        search.textProperty().addListener((obs, was, is) -> filter.run());
        outcome.valueProperty().addListener((obs, was, is) -> filter.run());
        market.history.addListener((ListChangeListener<JobHistory.Entry>) c -> filter.run());

        TableView<JobHistory.Entry> table = new TableView<>(shown);
        table.setId("jobs-table");
        table.setPrefHeight(360);
        table.setPlaceholder(new Label(text.getString("jobs.none")));
        table.getColumns().setAll(java.util.List.of(
                column(text, "id", e -> "#" + e.job().id()),
                column(text, "kind", JobHistory.Entry::kindName),
                column(text, "requester", e -> e.requester().isEmpty() ? "" : e.requester().substring(0, Math.min(10, e.requester().length())) + "…"),
                column(text, "price", e -> Amounts.formatShort(e.job().price(), ComputeChoices.TOKEN_DECIMALS, 4) + " " + ComputeView.TOKEN_SYMBOL),
                column(text, "claimed", e -> WHEN.format(Instant.ofEpochMilli(e.job().claimedAtMillis()))),
                column(text, "updated", e -> WHEN.format(Instant.ofEpochMilli(e.job().updatedAtMillis()))),
                column(text, "outcome", e -> outcomeWords(text, e.job().outcome())),
                column(text, "reason", e -> e.job().reason())));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setRowFactory(t -> {
            TableRow<JobHistory.Entry> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && row.getItem() != null) {
                    open.accept(row.getItem());
                }
            });
            return row;
        });
        double[] widths = {60, 70, 120, 90, 125, 125, 90};
        for (int i = 0; i < widths.length; i++) {
            table.getColumns().get(i).setPrefWidth(widths[i]);
        }
        Button details = new Button(text.getString("jobs.details"));
        details.setId("jobs-details");
        details.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        details.setOnAction(e -> open.accept(table.getSelectionModel().getSelectedItem()));
        search.setPrefColumnCount(24);
        HBox bar = new HBox(10, search, outcome, details);
        bar.setAlignment(Pos.CENTER_LEFT);
        Label hint = Wrapped.muted(new Label(text.getString("jobs.hint")));
        return new VBox(10, bar, table, hint);
    }

    static String outcomeWords(ResourceBundle text, JobOutcome o) {
        return text.getString("jobs.outcome." + o.name().toLowerCase(java.util.Locale.ROOT));
    }

    private static TableColumn<JobHistory.Entry, String> column(ResourceBundle text, String key,
                                                               java.util.function.Function<JobHistory.Entry, String> value) {
        TableColumn<JobHistory.Entry, String> c = new TableColumn<>(text.getString("jobs.col." + key));
        c.setId("jobs-col-" + key);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return c;
    }
}
