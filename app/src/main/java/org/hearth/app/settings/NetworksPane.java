package org.hearth.app.settings;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.ResourceBundle;
import java.util.stream.Collectors;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.hearth.app.control.Labels;
import org.hearth.app.desktop.ChainModel;
import org.hearth.app.desktop.UiThread;
import org.hearth.chain.network.Network;
import org.hearth.chain.network.NetworkException;
import org.hearth.chain.network.NetworkPresets;

/**
 * The networks in Settings: choose the one in use, add one (from a preset or by hand; each URL is
 * checked before anything is saved), edit or remove one the user added.
 */
final class NetworksPane {

    private NetworksPane() {
    }

    static Node create(ResourceBundle text, ChainModel chain) {
        ComboBox<Network> choice = new ComboBox<>();
        choice.setId("settings-network");
        choice.setConverter(names(text));
        Button use = new Button(text.getString("settings.network.use"));
        use.setId("settings-network-use");
        use.disableProperty().bind(chain.busy);
        Button add = new Button(text.getString("settings.network.add"));
        add.setId("settings-network-add");
        Button edit = new Button(text.getString("settings.network.edit"));
        edit.setId("settings-network-edit");
        Button remove = new Button(text.getString("settings.network.remove"));
        remove.setId("settings-network-remove");
        edit.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> choice.getValue() == null || choice.getValue().local(), choice.valueProperty()));
        remove.disableProperty().bind(edit.disableProperty());
        Label error = new Label();
        error.setId("settings-network-error");
        error.getStyleClass().add("danger");
        error.setWrapText(true);
        error.managedProperty().bind(error.textProperty().isNotEmpty());

        Form form = new Form(text);
        Runnable reload = () -> UiThread.background(() -> chain.networks().list(), all -> {
            choice.getItems().setAll(all);
            String current = chain.network().map(Network::name).orElse(null);
            choice.setValue(all.stream().filter(n -> n.name().equals(current)).findFirst().orElse(all.getFirst()));
        }, failure -> error.setText(failure.getMessage()));
        reload.run();
        chain.networkName.addListener((obs, was, is) -> reload.run());

        use.setOnAction(e -> {
            Network n = choice.getValue();
            if (n != null && !chain.network().map(Network::name).filter(n.name()::equals).isPresent()) {
                chain.useNetwork(n, startingText(text, n), text.getString("status.deploying"));
            }
        });
        add.setOnAction(e -> form.open(null));
        edit.setOnAction(e -> form.open(choice.getValue()));
        remove.setOnAction(e -> {
            Network n = choice.getValue();
            boolean inUse = chain.network().map(Network::name).filter(n.name()::equals).isPresent();
            UiThread.background(() -> {
                chain.networks().remove(n.name());
                return chain.networks().local();
            }, local -> {
                error.setText("");
                if (inUse) {
                    chain.useNetwork(local, startingText(text, local), text.getString("status.deploying"));
                } else {
                    reload.run();
                }
            }, failure -> error.setText(describe(text, failure)));
        });
        form.onSave = (previous, network) -> UiThread.background(
                () -> previous == null ? chain.networks().add(network) : chain.networks().edit(previous.name(), network),
                saved -> {
                    form.close();
                    reload.run();
                }, failure -> form.error.setText(describe(text, failure)));

        HBox row = new HBox(8, choice, use, add, edit, remove);
        row.setAlignment(Pos.CENTER_LEFT);
        return new VBox(6, row, error, form.root);
    }

    static String startingText(ResourceBundle text, Network n) {
        return n.local() ? text.getString("status.starting") : String.format(text.getString("status.connecting"), n.name());
    }

    /** A core reason worded from the bundle when it has the key, else the English message. */
    static String describe(ResourceBundle text, Throwable failure) {
        if (failure instanceof NetworkException e && text.containsKey("network.error." + e.key())) {
            return String.format(text.getString("network.error." + e.key()), e.args().stream().map(String::valueOf).toArray());
        }
        return org.hearth.app.desktop.Messages.describe(text, failure);
    }

    private static StringConverter<Network> names(ResourceBundle text) {
        return new StringConverter<>() {
            @Override
            public String toString(Network n) {
                return n == null ? "" : org.hearth.app.shell.NetworkLabels.of(text, n) + "  ·  " + String.format(text.getString("status.chainId"), n.chainId());
            }

            @Override
            public Network fromString(String s) {
                return null;
            }
        };
    }

    /** The add/edit form, shown under the row while open. */
    private static final class Form {
        final VBox root = new VBox(8);
        final Label error = new Label();
        final ComboBox<Network> preset = new ComboBox<>();
        final TextField name = new TextField();
        final TextField chainId = new TextField();
        final TextArea urls = new TextArea();
        final TextField currency = new TextField("ETH");
        final TextField explorer = new TextField();
        Network editing;
        java.util.function.BiConsumer<Network, Network> onSave;

        Form(ResourceBundle text) {
            preset.setId("network-form-preset");
            preset.setPromptText(text.getString("settings.network.preset"));
            preset.getItems().setAll(NetworkPresets.all());
            preset.setConverter(names(text));
            preset.valueProperty().addListener((obs, was, p) -> {
                if (p != null) {
                    fill(p);
                }
            });
            name.setId("network-form-name");
            chainId.setId("network-form-chain-id");
            urls.setId("network-form-urls");
            urls.setPrefRowCount(3);
            urls.setPromptText(text.getString("settings.network.urls.prompt"));
            currency.setId("network-form-currency");
            explorer.setId("network-form-explorer");
            explorer.setPromptText("https://…/tx/{tx}");
            error.setId("network-form-error");
            error.getStyleClass().add("danger");
            error.setWrapText(true);
            error.managedProperty().bind(error.textProperty().isNotEmpty());
            GridPane grid = new GridPane(10, 6);
            grid.addRow(0, Labels.muted(text.getString("settings.network.preset")), preset);
            grid.addRow(1, Labels.muted(text.getString("settings.network.name")), name);
            grid.addRow(2, Labels.muted(text.getString("settings.network.chainId")), chainId);
            grid.addRow(3, Labels.muted(text.getString("settings.network.urls")), urls);
            grid.addRow(4, Labels.muted(text.getString("settings.network.currency")), currency);
            grid.addRow(5, Labels.muted(text.getString("settings.network.explorer")), explorer);
            Button save = new Button(text.getString("settings.network.save"));
            save.setId("network-form-save");
            save.setDefaultButton(false);
            Button cancel = new Button(text.getString("action.cancel"));
            cancel.setId("network-form-cancel");
            cancel.setOnAction(e -> close());
            save.setOnAction(e -> {
                error.setText("");
                try {
                    onSave.accept(editing, read());
                } catch (IllegalArgumentException bad) {
                    error.setText(text.getString("settings.network.invalid"));
                }
            });
            root.getChildren().setAll(grid, new HBox(8, save, cancel), error);
            close();
        }

        void open(Network network) {
            editing = network;
            preset.setValue(null);
            preset.setDisable(network != null);
            if (network != null) {
                fill(network);
            } else {
                name.clear();
                chainId.clear();
                urls.clear();
                currency.setText("ETH");
                explorer.clear();
            }
            error.setText("");
            root.setVisible(true);
            root.setManaged(true);
        }

        void close() {
            root.setVisible(false);
            root.setManaged(false);
        }

        private void fill(Network n) {
            name.setText(n.name());
            chainId.setText(Long.toString(n.chainId()));
            urls.setText(n.rpcUrls().stream().map(URI::toString).collect(Collectors.joining("\n")));
            currency.setText(n.currency());
            explorer.setText(n.explorer() == null ? "" : n.explorer());
        }

        /** Throws IllegalArgumentException on a chain id or URL that does not parse; the registry checks the rest. */
        private Network read() {
            long id = Long.parseLong(chainId.getText().strip());
            List<URI> list = Arrays.stream(urls.getText().split("\\s+")).filter(s -> !s.isBlank()).map(URI::create).toList();
            return new Network(name.getText(), id, list, currency.getText(), explorer.getText(), false);
        }
    }
}
