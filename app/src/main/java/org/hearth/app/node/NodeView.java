package org.hearth.app.node;

import java.util.Map;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.hearth.app.control.CopyableText;
import org.hearth.app.control.Labels;
import org.hearth.app.control.ScreenHeader;
import org.hearth.app.desktop.ChainModel;
import org.hearth.app.shell.Page;
import org.hearth.node.NodeState;
import org.kordamp.ikonli.javafx.FontIcon;

/** The Node screen: state, endpoint, chain id, live height, start/stop, demo contracts, log tail. */
public final class NodeView {

    private NodeView() {
    }

    public static Page create(ResourceBundle text, ChainModel chain) {
        Label state = new Label();
        state.setId("node-state");
        state.textProperty().bind(Bindings.createStringBinding(
                () -> text.getString("state." + chain.state.get().name().toLowerCase()), chain.state));
        state.getStyleClass().add("hearth-badge");

        Label height = new Label();
        height.setId("node-height");
        height.getStyleClass().add("title-1");
        height.textProperty().bind(Bindings.createStringBinding(
                () -> chain.height.get() == null ? "—" : String.format("%,d", chain.height.get()), chain.height));

        Label chainId = new Label();
        chainId.setId("node-chain-id");
        chainId.textProperty().bind(Bindings.createStringBinding(
                () -> chain.chainId.get() == null ? "—" : Long.toString(chain.chainId.get()), chain.chainId));

        GridPane facts = new GridPane(16, 8);
        facts.addRow(0, Labels.muted(text.getString("node.state")), state);
        facts.addRow(1, Labels.muted(text.getString("node.rpc")), new CopyableText(chain.rpcUrl, text.getString("action.copy")));
        facts.addRow(2, Labels.muted(text.getString("node.chainId")), chainId);
        facts.addRow(3, Labels.muted(text.getString("node.height")), height);

        Button start = new Button(text.getString("node.start"), new FontIcon("fth-play"));
        start.setId("node-start");
        start.getStyleClass().add("accent");
        start.disableProperty().bind(chain.busy.or(Bindings.createBooleanBinding(() -> isUp(chain.state.get()), chain.state)));
        start.setOnAction(e -> chain.start(chain.startingText(text), text.getString("status.deploying")));
        Button stop = new Button(text.getString("node.stop"), new FontIcon("fth-square"));
        stop.setId("node-stop");
        stop.disableProperty().bind(chain.busy.or(Bindings.createBooleanBinding(
                () -> chain.state.get() != NodeState.RUNNING, chain.state)));
        stop.setOnAction(e -> chain.stop(text.getString("status.stopping")));
        HBox actions = new HBox(8, start, stop);

        Label message = new Label();
        message.textProperty().bind(chain.message);
        message.getStyleClass().add("danger");
        message.setWrapText(true);
        message.managedProperty().bind(message.textProperty().isNotEmpty()); // no gap while there is nothing to say

        TableView<Map.Entry<String, String>> contracts = new TableView<>(chain.contracts);
        contracts.setId("node-contracts");
        TableColumn<Map.Entry<String, String>, String> name = new TableColumn<>(text.getString("node.contract"));
        name.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().getKey()));
        name.setPrefWidth(200);
        TableColumn<Map.Entry<String, String>, String> address = new TableColumn<>(text.getString("node.address"));
        address.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().getValue()));
        address.setPrefWidth(420);
        contracts.getColumns().setAll(java.util.List.of(name, address));
        contracts.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        contracts.setPlaceholder(new Label(text.getString("node.noContracts")));
        contracts.setPrefHeight(200);
        contracts.setMinHeight(150); // four rows stay visible on a short window; the log gives way first

        TextArea log = new TextArea();
        log.setId("node-log");
        log.setEditable(false);
        log.getStyleClass().add("hearth-mono");
        // Follow the end of the log, like `tail -f`, while the screen is shown (the model reads it only then).
        javafx.beans.value.ChangeListener<String> follow = (obs, was, is) -> {
            log.setText(is);
            log.positionCaret(is.length());
            log.setScrollTop(Double.MAX_VALUE); // also when the text did not change (shown again after a while)
        };
        VBox.setVgrow(log, Priority.ALWAYS);
        log.setMinHeight(90);

        Label logTitle = Labels.section(text.getString("node.log"));
        // The log is the embedded anvil's: on another network it says nothing about the chain shown here.
        var onLocalChain = Bindings.createBooleanBinding(() -> chain.state.get() != NodeState.ATTACHED, chain.state);
        for (Node n : new Node[] {logTitle, log}) {
            n.visibleProperty().bind(onLocalChain);
            n.managedProperty().bind(onLocalChain);
        }
        ScreenHeader header = new ScreenHeader(text.getString("node.title"), text.getString("node.subtitle"));
        header.subtitleProperty().bind(Bindings.createStringBinding(() -> text.getString(
                onLocalChain.get() ? "node.subtitle" : "node.subtitleNetwork"), onLocalChain));
        VBox box = new VBox(14, header,
                facts, actions, message,
                Labels.section(text.getString("node.endpoints")), EndpointsTable.create(text, chain),
                Labels.section(text.getString("node.contracts")), contracts,
                logTitle, log);
        box.setPadding(new Insets(24));
        // On a short window the tables keep a few rows and the screen scrolls rather than squeezing them.
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        return new Page() {
            @Override
            public Node view() {
                return scroll;
            }

            @Override
            public void onActivate() {
                chain.logText.addListener(follow);
                follow.changed(chain.logText, null, chain.logText.get());
                chain.followLog(true);
            }

            @Override
            public void onDeactivate() {
                chain.followLog(false);
                chain.logText.removeListener(follow);
            }
        };
    }

    private static boolean isUp(NodeState s) {
        return s == NodeState.RUNNING || s == NodeState.STARTING || s == NodeState.ATTACHED || s == NodeState.RESTARTING;
    }
}
