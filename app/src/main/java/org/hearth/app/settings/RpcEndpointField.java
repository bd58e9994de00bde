package org.hearth.app.settings;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ResourceBundle;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.hearth.app.desktop.ChainModel;

/** The chain's JSON-RPC URL; empty for the embedded local chain. Applying it replaces the session at once. */
final class RpcEndpointField {

    private RpcEndpointField() {
    }

    static Node create(ResourceBundle text, ChainModel chain) {
        TextField url = new TextField(chain.endpoint().map(URI::toString).orElse(""));
        url.setId("settings-rpc");
        url.setPromptText(text.getString("settings.rpc.prompt"));
        url.setPrefColumnCount(32);
        HBox.setHgrow(url, Priority.ALWAYS);
        Label error = new Label();
        error.setId("settings-rpc-error");
        error.getStyleClass().add("danger");
        error.setWrapText(true);
        error.managedProperty().bind(error.textProperty().isNotEmpty());
        Button apply = new Button(text.getString("settings.rpc.apply"));
        apply.setId("settings-rpc-apply");
        apply.disableProperty().bind(chain.busy);
        Runnable use = () -> {
            URI endpoint;
            try {
                endpoint = parse(url.getText());
            } catch (IllegalArgumentException notAUrl) {
                error.setText(text.getString("settings.rpc.invalid"));
                return;
            }
            error.setText("");
            chain.useEndpoint(endpoint, text.getString("status.starting"), text.getString("status.deploying"));
        };
        apply.setOnAction(e -> use.run());
        url.setOnAction(e -> use.run());
        HBox row = new HBox(8, url, apply);
        row.setAlignment(Pos.CENTER_LEFT);
        return new VBox(4, row, error);
    }

    /** Null for blank text (the local chain); throws when the text is not an http(s) URL with a host. */
    static URI parse(String typed) {
        String t = typed == null ? "" : typed.strip();
        if (t.isEmpty()) {
            return null;
        }
        try {
            URI uri = new URI(t);
            boolean web = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
            if (!web || uri.getHost() == null) {
                throw new IllegalArgumentException("not an http(s) URL with a host");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
