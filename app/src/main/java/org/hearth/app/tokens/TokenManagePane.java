package org.hearth.app.tokens;

import java.util.ResourceBundle;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.hearth.app.control.CopyableText;
import org.hearth.app.control.Labels;
import org.hearth.app.desktop.Messages;
import org.hearth.app.desktop.UiThread;
import org.hearth.chain.Addresses;
import org.hearth.tokens.Token;
import org.hearth.tokens.TokenRegistry;

/**
 * The token detail's Manage tab: where the token came from, whether it is hidden and why (a spam
 * rule's reason), and Hide / Show again (undoing a spam rule too). A hidden token never counts in totals.
 */
final class TokenManagePane extends VBox {

    private final TokenContext context;
    private final Label state = new Label();
    private final Button toggle = new Button();
    private Token token;

    TokenManagePane(TokenContext context, Token token, Runnable changed) {
        super(12);
        this.context = context;
        this.token = token;
        ResourceBundle text = context.text();
        setPadding(new Insets(16));
        GridPane grid = new GridPane(16, 8);
        CopyableText address = new CopyableText(new ReadOnlyStringWrapper(Addresses.checksummed(token.address())), context.copy());
        address.valueLabel().setId("token-manage-address");
        grid.addRow(0, Labels.muted(text.getString("tokens.col.address")), address);
        Label source = new Label(text.getString("tokens.source." + token.source().name().toLowerCase(java.util.Locale.ROOT)));
        source.setId("token-manage-source");
        grid.addRow(1, Labels.muted(text.getString("tokens.manage.source")), source);
        grid.addRow(2, Labels.muted(text.getString("tokens.manage.decimals")), new Label(Integer.toString(token.decimals())));
        state.setId("token-manage-state");
        state.setWrapText(true);
        toggle.setId("token-manage-toggle");
        toggle.setOnAction(e -> {
            boolean hide = !this.token.hidden();
            toggle.setDisable(true);
            UiThread.background(() -> {
                TokenRegistry registry = new TokenRegistry(context.session());
                if (hide) {
                    registry.hide(this.token.address());
                } else {
                    registry.unhide(this.token.address());
                }
                return registry.require(this.token.address());
            }, now -> {
                this.token = now;
                toggle.setDisable(false);
                show();
                changed.run();
            }, t -> {
                toggle.setDisable(false);
                state.setText(Messages.describe(text, t));
            });
        });
        getChildren().addAll(grid, state, toggle);
        show();
    }

    private void show() {
        ResourceBundle text = context.text();
        if (!token.hidden()) {
            state.setText(text.getString("tokens.manage.shown"));
        } else if (token.spamReason() != null) {
            state.setText(String.format(text.getString("tokens.manage.spam"), text.getString(token.spamReason())));
        } else {
            state.setText(text.getString("tokens.manage.hidden"));
        }
        toggle.setText(text.getString(token.hidden() ? "tokens.unhide" : "tokens.hide"));
    }
}
