package org.hearth.app.wallet;

import java.util.ResourceBundle;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.hearth.app.control.AddressLabel;
import org.hearth.app.control.AddressNames;
import org.hearth.app.control.AmountLabel;
import org.hearth.app.desktop.UiThread;
import org.hearth.app.shell.Page;
import org.hearth.wallet.vault.VaultAccount;
import org.kordamp.ikonli.javafx.FontIcon;

/** The unlocked wallet: accounts on the left; the selected one's balance, Send, Receive and History. */
final class AccountsPane extends BorderPane implements Page {

    private final ResourceBundle text;
    private final WalletModel model;
    private AccountModel current;
    private AccountActions actions;
    private final ListView<org.hearth.wallet.vault.WatchOnlyAddress> watchList = new ListView<>();
    /** Each new block refreshes the account on screen, and only while this pane is on screen. */
    private final javafx.beans.value.ChangeListener<Long> onNewBlock = (obs, was, is) -> refresh();
    /** The background indexing stored more history: read it again (the pane never steps the indexer). */
    private final javafx.beans.value.ChangeListener<org.hearth.index.SyncProgress> onIndexed = (obs, was, is) -> refresh();
    private final javafx.beans.value.ChangeListener<VaultAccount> onSelected = (obs, was, is) -> show(is);
    /** A new session (the node restarted on another port, another RPC in Settings): re-open the account on it. */
    private final javafx.beans.value.ChangeListener<ChainServices> onSession = (obs, was, is) -> showAgain();
    private boolean active;
    private VaultAccount shown;
    private ChainServices shownOn;

    AccountsPane(ResourceBundle text, WalletModel model) {
        this.text = text;
        this.model = model;
        ListView<VaultAccount> list = new ListView<>(model.accounts);
        list.setId("account-list");
        list.setPrefWidth(250);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(VaultAccount a, boolean empty) {
                super.updateItem(a, empty);
                setText(empty || a == null ? null : a.label() + "\n" + a.address().substring(0, 8) + "…" + a.address().substring(36));
            }
        });
        list.getSelectionModel().select(model.selected.get());
        list.getSelectionModel().selectedItemProperty().addListener((obs, was, is) -> {
            if (is == null) {
                return;
            }
            watchList.getSelectionModel().clearSelection();
            if (is.equals(model.selected.get())) {
                show(is); // back from a watched address to the same account
            } else {
                model.selected.set(is);
            }
        });
        Button add = new Button(text.getString("accounts.add"), new FontIcon("fth-plus"));
        add.setId("account-add");
        add.setOnAction(e -> new AddAccountDialog(text, model).showAndWait());
        Button lock = new Button(text.getString("accounts.lock"), new FontIcon("fth-lock"));
        lock.setId("wallet-lock");
        lock.setOnAction(e -> model.lock());
        AccountActions actions = new AccountActions(text, model);
        this.actions = actions;
        Label error = new Label();
        error.setId("wallet-error");
        error.getStyleClass().add("danger");
        error.setWrapText(true);
        error.textProperty().bind(model.error);
        watchList.setItems(model.watched);
        watchList.setId("watch-list");
        watchList.setPrefHeight(90);
        Label noWatched = new Label(text.getString("accounts.noWatched"));
        noWatched.getStyleClass().add("text-muted");
        noWatched.setWrapText(true);
        noWatched.setPadding(new Insets(8));
        // A fixed width makes the hint wrap; left to itself it would widen the whole accounts column.
        noWatched.setPrefWidth(230);
        watchList.setPlaceholder(noWatched);
        watchList.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(org.hearth.wallet.vault.WatchOnlyAddress w, boolean empty) {
                super.updateItem(w, empty);
                setText(empty || w == null ? null : w.label() + "  " + w.address().substring(0, 8) + "…" + w.address().substring(36));
            }
        });
        watchList.getSelectionModel().selectedItemProperty().addListener((obs, was, is) -> {
            if (is != null) {
                list.getSelectionModel().clearSelection();
                showWatched(is);
            }
        });
        Label watching = new Label(text.getString("accounts.watching"));
        watching.getStyleClass().add("text-muted");
        VBox left = new VBox(8, list, new HBox(8, add, lock), actions.walletMenu(), watching, watchList, error);
        VBox.setVgrow(list, Priority.ALWAYS);
        left.setPadding(new Insets(0, 12, 0, 0));
        setLeft(left);
        show(model.selected.get());
    }

    @Override
    public Node view() {
        return this;
    }

    @Override
    public void onActivate() {
        active = true;
        model.selected.addListener(onSelected);
        model.chain().height.addListener(onNewBlock);
        model.chain().indexProgress.addListener(onIndexed);
        model.chainServices.addListener(onSession);
        if (shownOn != model.chainServices.get()) {
            showAgain(); // a new session while hidden
        } else if (!java.util.Objects.equals(shown, model.selected.get())) {
            show(model.selected.get()); // selected while hidden
        } else {
            refresh(); // catch up on the blocks that came while hidden
        }
    }

    @Override
    public void onDeactivate() {
        active = false;
        model.selected.removeListener(onSelected);
        model.chain().height.removeListener(onNewBlock);
        model.chain().indexProgress.removeListener(onIndexed);
        model.chainServices.removeListener(onSession);
    }

    private void showAgain() {
        if (watchList.getSelectionModel().getSelectedItem() != null) {
            showWatched(watchList.getSelectionModel().getSelectedItem());
        } else {
            show(model.selected.get());
        }
    }

    private void show(VaultAccount account) {
        shown = account;
        shownOn = model.chainServices.get();
        if (account == null) {
            setCenter(new Label(text.getString("accounts.none")));
            return;
        }
        Label name = new Label(account.label());
        name.getStyleClass().add("title-3");
        AddressLabel address = new AddressLabel(account.address(), AddressNames.NONE, true, text.getString("action.copy")).withIds("account-address");
        Label path = new Label(account.path() == null ? text.getString("accounts.imported") : account.path());
        path.setId("account-path");
        path.getStyleClass().add("text-muted");
        // The headline balance is exact to the wei; lists round to 6 decimals, this one is what the user owns.
        AmountLabel balance = new AmountLabel(SendModel.ETH_DECIMALS, text.getString("unit.eth"));
        balance.setId("account-balance");
        balance.getStyleClass().add("title-2");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        VBox header = new VBox(4, new HBox(name, spacer, actions.accountMenu(account)), address, path, balance);

        TabPane tabs = new TabPane();
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        Tab receive = new Tab(text.getString("accounts.receive"), new ReceivePane(text, account.address()));
        receive.setId("tab-receive");
        Tab send = new Tab(text.getString("accounts.send"));
        send.setId("tab-send");
        Tab history = new Tab(text.getString("accounts.history"));
        history.setId("tab-history");
        Tab sign = new Tab(text.getString("accounts.sign"), new SignPane(text, model, account.address()));
        sign.setId("tab-sign");
        Tab verify = new Tab(text.getString("accounts.verify"), new VerifyPane(text));
        verify.setId("tab-verify");
        tabs.getTabs().setAll(send, receive, history, sign, verify);
        setCenter(new VBox(14, header, tabs));
        VBox.setVgrow(tabs, Priority.ALWAYS);

        current = null;
        ChainServices onSession = model.chainServices.get();
        UiThread.background(() -> ready(onSession), services -> {
            if (services != model.chainServices.get()) {
                return; // the session was replaced meanwhile; the pane is being shown again on the new one
            }
            AccountModel accountModel = services.account(account.address(), () -> model.signer(account.address()));
            current = accountModel;
            balance.unitsProperty().bind(accountModel.balance);
            SendModel sendModel = services.sendFrom(account.address(), () -> model.signer(account.address()));
            sendModel.sent.addListener((o, w, sent) -> accountModel.refresh());
            accountModel.history.addListener((javafx.collections.ListChangeListener<org.hearth.history.HistoryItem>) c -> sendModel.follow(accountModel.history));
            send.setContent(withPadding(new SendPane(text, sendModel)));
            Label historyError = new Label();
            historyError.setId("history-error");
            historyError.getStyleClass().add("danger");
            historyError.setWrapText(true);
            historyError.textProperty().bind(accountModel.error);
            historyError.managedProperty().bind(historyError.textProperty().isNotEmpty());
            HistoryPane historyList = new HistoryPane(text, accountModel.history, accountModel.internalTransfersHidden, accountModel::speedUp, accountModel::cancel,
                    sendModel.names())
                    .withTraceGaps(text, accountModel.traceGaps);
            VBox.setVgrow(historyList, Priority.ALWAYS);
            history.setContent(new VBox(4, historyError, historyList));
            refresh();
        }, failure -> send.setContent(new Label(String.format(text.getString("accounts.noChain"), org.hearth.app.desktop.Messages.describe(text, failure)))));
    }

    /** A watch-only address: its balance and the receive view; nothing to sign with. */
    private void showWatched(org.hearth.wallet.vault.WatchOnlyAddress watched) {
        current = null;
        shownOn = model.chainServices.get();
        Label name = new Label(watched.label() + " · " + text.getString("accounts.watchOnly"));
        name.getStyleClass().add("title-3");
        Label balance = new Label("…");
        balance.setId("watch-balance");
        balance.getStyleClass().add("title-2");
        ChainServices onSession = model.chainServices.get();
        UiThread.background(() -> ready(onSession).rpc().callQuantity("eth_getBalance", watched.address(), "latest"),
                wei -> balance.setText(SendModel.ethExact(wei)), failure -> balance.setText(org.hearth.app.desktop.Messages.describe(text, failure)));
        setCenter(new VBox(14, name, balance, new ReceivePane(text, watched.address())));
    }

    /** The session's services, or a failure the pane shows until the chain is up (a new session re-shows the pane). */
    private ChainServices ready(ChainServices services) {
        if (services == null) {
            throw new IllegalStateException(text.getString("accounts.chainNotReady"));
        }
        return services;
    }

    private void refresh() {
        AccountModel m = current;
        if (m != null && active) {
            m.refresh();
        }
    }

    private static Node withPadding(Node n) {
        VBox box = new VBox(n);
        box.setPadding(new Insets(8, 0, 0, 0));
        return box;
    }
}
