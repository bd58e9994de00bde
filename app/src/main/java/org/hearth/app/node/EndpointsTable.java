package org.hearth.app.node;

import java.util.List;
import java.util.ResourceBundle;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.hearth.app.desktop.ChainModel;
import org.hearth.chain.EndpointStatus;

/** Every RPC endpoint of the session with its state, latency and head (a network fails over between them). */
final class EndpointsTable {

    private EndpointsTable() {
    }

    static TableView<EndpointStatus> create(ResourceBundle text, ChainModel chain) {
        TableView<EndpointStatus> table = new TableView<>(chain.endpoints);
        table.setId("node-endpoints");
        table.getColumns().setAll(List.of(
                column(text.getString("node.rpc"), 260, EndpointStatus::endpoint),
                column(text.getString("node.state"), 200, e -> text.getString("node.endpoint.state." + e.state().name().toLowerCase())
                        + (e.problem() == null ? "" : " \u2014 " + e.problem())),
                column(text.getString("node.endpoint.latencyColumn"), 90, e -> e.latencyMillis() == null ? "\u2014" : String.format(text.getString("node.endpoint.latency"), e.latencyMillis())),
                column(text.getString("node.endpoint.headColumn"), 130, e -> e.head() == null ? "\u2014" : String.format(text.getString("node.endpoint.head"), e.head()))));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("\u2014"));
        table.setFixedCellSize(28);
        // header plus one row per endpoint (a network has a few): never squeezed by the log below
        table.prefHeightProperty().bind(javafx.beans.binding.Bindings.size(chain.endpoints).multiply(28).add(44));
        table.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        return table;
    }

    private static TableColumn<EndpointStatus, String> column(String title, double width, Function<EndpointStatus, String> value) {
        TableColumn<EndpointStatus, String> c = new TableColumn<>(title);
        c.setCellValueFactory(row -> new ReadOnlyStringWrapper(value.apply(row.getValue())));
        c.setPrefWidth(width);
        return c;
    }
}
