package org.hearth.app.tokens;

import java.util.ResourceBundle;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.hearth.app.control.AmountLabel;
import org.hearth.app.control.ScreenHeader;
import org.hearth.app.desktop.Messages;
import org.hearth.app.shell.Page;
import org.hearth.app.wallet.ReceivePane;
import org.hearth.app.desktop.UiThread;
import org.hearth.tokens.BalanceReader;
import org.hearth.tokens.TokenBalance;
import java.util.List;

/**
 * One token of the account, pushed over the portfolio (Back returns to it): its balance, and tabs for
 * its history, sending it (through the one review), receiving it (the account's address and QR code),
 * the approvals of it the account has granted (revoke), and managing it (hide, spam, unhide).
 * It reads only while shown: the history and approvals load on activation.
 */
final class TokenDetailPage implements Page {

    private final VBox root;
    private final TokenHistoryPane history;
    private final ApprovalsPane approvals;
    private final TabPane tabs;

    TokenDetailPage(TokenContext context, TokenBalance balance, Runnable changed) {
        ResourceBundle text = context.text();
        history = new TokenHistoryPane(context, balance.token());
        approvals = new ApprovalsPane(context, a -> a.token().equalsIgnoreCase(balance.token().address()));
        Node amount = balance.isOk() ? new AmountLabel(balance.balance(), balance.token().decimals(), balance.token().symbol())
                : error(Messages.describe(text, balance.error()));
        amount.setId("token-detail-balance");
        amount.getStyleClass().add("title-3");
        TokenSendModel send = new TokenSendModel(context, balance.token());
        // once a send is mined, the balance above and the history show it
        send.sent.addListener((obs, was, record) -> {
            if (record != null && amount instanceof AmountLabel label) {
                UiThread.background(() -> {
                    Receipts.await(context.session(), record.hash());
                    return BalanceReader.of(context.session()).balances(context.account(), List.of(balance.token())).getFirst();
                }, now -> {
                    label.setUnits(now.balance());
                    history.reload();
                }, e -> { });
            }
        });
        tabs = new TabPane(
                tab(text, "history", history),
                tab(text, "send", new TokenSendPane(context, send)),
                tab(text, "receive", new ReceivePane(text, context.account())),
                tab(text, "approvals", approvals),
                tab(text, "manage", new TokenManagePane(context, balance.token(), changed)));
        tabs.setId("token-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        String title = String.format(text.getString("tokens.detail.title"), balance.token().symbol(), balance.token().name());
        ScreenHeader header = new ScreenHeader(title, text.getString("tokens.detail.subtitle"));
        header.setId("token-detail-header");
        root = new VBox(12, header, amount, tabs);
        root.setPadding(new Insets(24));
    }

    private static Label error(String words) {
        Label error = new Label(words);
        error.getStyleClass().add("danger");
        return error;
    }

    private static Tab tab(ResourceBundle text, String id, Node content) {
        Tab t = new Tab(text.getString("tokens.tab." + id), content);
        t.setId("token-tab-" + id);
        return t;
    }

    /** Selects a tab by its id's last part: history, send, receive, approvals, manage (tests, links). */
    void select(String id) {
        tabs.getTabs().stream().filter(t -> t.getId().equals("token-tab-" + id)).findFirst().ifPresent(t -> tabs.getSelectionModel().select(t));
    }

    TokenHistoryPane history() {
        return history;
    }

    ApprovalsPane approvals() {
        return approvals;
    }

    @Override
    public Node view() {
        return root;
    }

    @Override
    public void onActivate() {
        history.reload();
        approvals.reload();
    }

    @Override
    public void onDeactivate() {
        // nothing polls here: the loads are one-off reads
    }
}
