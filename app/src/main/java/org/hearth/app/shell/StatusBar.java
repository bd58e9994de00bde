package org.hearth.app.shell;

import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tooltip;
import javafx.scene.control.Separator;
import javafx.geometry.Orientation;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.hearth.app.desktop.ChainModel;
import org.hearth.node.NodeState;
import org.kordamp.ikonli.javafx.FontIcon;

/** Network, block height and background progress along the bottom of the window. */
public final class StatusBar {

    private StatusBar() {
    }

    public static Node create(ResourceBundle text, ChainModel chain) {
        Label network = new Label();
        network.setId("status-network");
        network.setGraphic(new FontIcon("fth-globe"));
        network.textProperty().bind(Bindings.createStringBinding(() -> networkText(text, chain), chain.state, chain.chainId, chain.networkName));
        NetworkMenu.attach(network, text, chain);

        Label height = new Label();
        height.setId("status-height");
        height.setGraphic(new FontIcon("fth-box"));
        height.textProperty().bind(Bindings.createStringBinding(() -> chain.height.get() == null
                ? text.getString("status.height.unknown")
                : String.format(text.getString("status.height"), chain.height.get()), chain.height));

        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(16, 16);
        spinner.visibleProperty().bind(chain.busy);
        spinner.managedProperty().bind(chain.busy);
        Label busy = new Label();
        busy.setId("status-busy");
        busy.textProperty().bind(Bindings.when(chain.busy).then(chain.busyText).otherwise(chain.message));
        busy.getStyleClass().add("text-muted");

        Node indexing = indexing(text, chain);

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(10, network, new Separator(Orientation.VERTICAL), height, indexing, spacer, spinner, busy);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 12, 4, 12));
        bar.getStyleClass().add("hearth-status-bar");
        return bar;
    }

    /** A progress bar with the blocks scanned while the background indexer catches up; hidden once it has. */
    private static Node indexing(ResourceBundle text, ChainModel chain) {
        ProgressBar bar = new ProgressBar();
        bar.setId("status-index-progress");
        bar.setPrefWidth(140);
        Label label = new Label();
        label.setId("status-index");
        label.getStyleClass().add("text-muted");
        Tooltip tip = new Tooltip();
        label.setTooltip(tip);
        Tooltip.install(bar, tip);
        HBox box = new HBox(6, bar, label);
        box.setAlignment(Pos.CENTER_LEFT);
        box.setVisible(false);
        box.setManaged(false);
        chain.indexProgress.subscribe(p -> {
            boolean behind = p != null && !p.caughtUp() && p.head() >= 0;
            box.setVisible(behind);
            box.setManaged(behind);
            if (!behind) {
                return;
            }
            bar.setProgress(p.fraction());
            label.setText(String.format(text.getString("status.index"), Math.max(p.scannedTo(), 0), p.head()));
            tip.setText(String.format(text.getString("status.index.detail"), Math.max(p.scannedTo(), 0), p.head(),
                    p.head() - p.scannedTo(), p.events(), Math.round(p.eventsPerSecond())));
        });
        return box;
    }

    private static String networkText(ResourceBundle text, ChainModel chain) {
        NodeState state = chain.state.get();
        Long id = chain.chainId.get();
        String name = NetworkLabels.current(text, chain);
        return id == null ? name + " · " + text.getString("state." + state.name().toLowerCase()) : name + " · " + String.format(text.getString("status.chainId"), id);
    }
}
