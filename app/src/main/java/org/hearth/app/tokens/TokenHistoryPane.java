package org.hearth.app.tokens;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.hearth.app.control.AddressLabel;
import org.hearth.app.control.AmountLabel;
import org.hearth.app.desktop.Messages;
import org.hearth.app.desktop.UiThread;
import org.hearth.index.Erc20Transfer;
import org.hearth.tokens.AccountTransfers;
import org.hearth.tokens.Token;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The token detail's History tab: every transfer of this token to or from the account, newest first,
 * from the log indexer (for a fee-on-transfer token, what arrived), and their sum, which is the
 * balance's change over the indexed blocks.
 */
final class TokenHistoryPane extends VBox {

    private final TokenContext context;
    private final Token token;
    private final ObservableList<Erc20Transfer> rows = FXCollections.observableArrayList();
    private final Label net = new Label();

    TokenHistoryPane(TokenContext context, Token token) {
        super(10);
        this.context = context;
        this.token = token;
        setPadding(new Insets(16));
        net.setId("token-history-net");
        net.getStyleClass().add("text-muted");
        ListView<Erc20Transfer> list = new ListView<>(rows);
        list.setId("token-history-list");
        list.setPlaceholder(new Label(context.text().getString("tokens.history.none")));
        list.setCellFactory(v -> new Row());
        VBox.setVgrow(list, Priority.ALWAYS);
        getChildren().addAll(net, list);
    }

    /** Reads the transfers again (the indexer brought up to the head first), off the FX thread. */
    void reload() {
        String me = context.account();
        UiThread.background(() -> {
            AccountTransfers.sync(context.session(), me);
            List<Erc20Transfer> mine = new ArrayList<>(context.session().erc20Transfers().of(context.session().chainId(), me).stream()
                    .filter(t -> t.token().equalsIgnoreCase(token.address())).toList());
            Collections.reverse(mine);
            return mine;
        }, loaded -> {
            rows.setAll(loaded);
            BigInteger sum = BigInteger.ZERO;
            for (Erc20Transfer t : loaded) {
                sum = incoming(t) ? sum.add(t.value()) : sum.subtract(t.value());
            }
            String change = new AmountLabel(sum.abs(), token.decimals(), token.symbol()).withPrefix(sum.signum() < 0 ? "\u2212" : "").getText();
            net.setText(String.format(context.text().getString("tokens.history.net"), loaded.size(), change));
        }, e -> net.setText(Messages.describe(context.text(), e)));
    }

    List<Erc20Transfer> rows() {
        return List.copyOf(rows);
    }

    private boolean incoming(Erc20Transfer t) {
        return t.recipient().equalsIgnoreCase(context.account()) && !t.sender().equalsIgnoreCase(context.account());
    }

    private final class Row extends ListCell<Erc20Transfer> {
        @Override
        protected void updateItem(Erc20Transfer t, boolean empty) {
            super.updateItem(t, empty);
            if (empty || t == null) {
                setGraphic(null);
                return;
            }
            boolean in = incoming(t);
            AmountLabel amount = new AmountLabel(t.value(), token.decimals(), token.symbol());
            amount.getStyleClass().addAll("token-history-amount", in ? "success" : "text-muted");
            Label direction = new Label(context.text().getString(in ? "tokens.history.from" : "tokens.history.to"),
                    new FontIcon(in ? "fth-arrow-down-left" : "fth-arrow-up-right"));
            direction.setMinWidth(70);
            AddressLabel who = new AddressLabel(in ? t.sender() : t.recipient(), context.names(), false, context.copy());
            Label block = new Label(String.format(context.text().getString("tokens.history.block"), t.blockNumber()));
            block.getStyleClass().add("text-muted");
            HBox.setHgrow(who, Priority.ALWAYS);
            HBox line = new HBox(12, direction, amount, who, block);
            line.setAlignment(Pos.CENTER_LEFT);
            setGraphic(line);
        }
    }
}
