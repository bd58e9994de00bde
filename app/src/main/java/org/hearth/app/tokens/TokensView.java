package org.hearth.app.tokens;

import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.hearth.app.control.AmountLabel;
import org.hearth.app.control.ScreenHeader;
import org.hearth.app.desktop.Messages;
import org.hearth.app.shell.Page;
import org.hearth.app.shell.ScreenContext;
import org.hearth.chain.Addresses;
import org.hearth.chain.session.ChainSession;
import org.hearth.tokens.AccountTransfers;
import org.hearth.tokens.BalanceReader;
import org.hearth.tokens.TokenBalance;
import org.hearth.tokens.TokenRegistry;

/**
 * The Tokens screen: the selected account's portfolio (symbol, name, exact balance, or the token's
 * own error), a search, and adding a token by address. Balances come in one Multicall3 batch per
 * 300 tokens, read off the FX thread when the screen is shown, the account or the chain changes.
 */
public final class TokensView implements Page {

    private final ResourceBundle text;
    private final ObservableValue<ChainSession> session;
    private final ObservableValue<String> account;
    private final ObservableList<TokenBalance> rows = FXCollections.observableArrayList();
    private final FilteredList<TokenBalance> shown = new FilteredList<>(rows, r -> true);
    private final Label status = new Label();
    /** What the last import did (how many of the list's tokens are for this chain). */
    private final Label notice = new Label();
    private final TextField search = new TextField();
    private final javafx.scene.control.CheckBox showHidden = new javafx.scene.control.CheckBox();
    private final VBox root;
    private final InvalidationListener reload = o -> reload();
    /** Only the newest load may fill the table (a slow older one must not overwrite it). */
    private final AtomicLong generation = new AtomicLong();
    /** Opens a nested page (token detail, approvals) over this one: the navigator's push. */
    private final java.util.function.Consumer<Page> push;
    private final java.util.function.Function<String, org.hearth.chain.tx.TxSigner> signer;

    public TokensView(ResourceBundle text, ObservableValue<ChainSession> session, ObservableValue<String> account) {
        this(text, session, account, page -> { }, address -> {
            throw new IllegalStateException("no wallet to sign with");
        });
    }

    /** {@code push}: opens a nested page (the navigator's); {@code signer}: the wallet's signer for an account. */
    public TokensView(ResourceBundle text, ObservableValue<ChainSession> session, ObservableValue<String> account,
                      java.util.function.Consumer<Page> push, java.util.function.Function<String, org.hearth.chain.tx.TxSigner> signer) {
        this.text = text;
        this.session = session;
        this.account = account;
        this.push = push;
        this.signer = signer;
        search.setId("tokens-search");
        search.setPromptText(text.getString("tokens.search"));
        search.textProperty().addListener((obs, was, is) -> shown.setPredicate(r -> matches(r, is)));
        Button add = new Button(text.getString("tokens.add"));
        add.setId("tokens-add");
        add.setOnAction(e -> AddTokenDialog.show(text, add.getScene().getWindow(), this::add));
        Button refresh = new Button(text.getString("tokens.refresh"));
        refresh.setId("tokens-refresh");
        refresh.setOnAction(e -> reload());
        HBox.setHgrow(search, Priority.ALWAYS);
        showHidden.setId("tokens-show-hidden");
        showHidden.setText(text.getString("tokens.showHidden"));
        showHidden.selectedProperty().addListener((obs, was, is) -> reload());
        Button approvals = new Button(text.getString("tokens.approvals"), new org.kordamp.ikonli.javafx.FontIcon("fth-shield"));
        approvals.setId("tokens-approvals");
        approvals.setOnAction(e -> context().ifPresent(c -> push.accept(new ApprovalsPage(c))));
        Button importList = new Button(text.getString("tokens.import"));
        importList.setId("tokens-import");
        importList.setOnAction(e -> {
            ChainSession s = session.getValue();
            if (s != null) {
                ImportListDialog.show(text, importList.getScene().getWindow(), s, summary -> {
                    notice.setText(summary);
                    reload();
                });
            }
        });
        HBox bar = new HBox(8, search, add, importList, refresh, showHidden, approvals);
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        status.setId("tokens-status");
        status.getStyleClass().add("text-muted");
        status.setWrapText(true);
        TableView<TokenBalance> table = table();
        VBox.setVgrow(table, Priority.ALWAYS);
        notice.setId("tokens-notice");
        notice.setWrapText(true);
        notice.managedProperty().bind(notice.textProperty().isNotEmpty());
        root = new VBox(12, new ScreenHeader(text.getString("tokens.title"), text.getString("tokens.subtitle")), bar, notice, status, table);
        root.setPadding(new Insets(24));
    }

    /** The screen as the shell builds it: the chain's session and the wallet's selected account. */
    public static Page create(ScreenContext c) {
        ObservableValue<String> account = c.wallet().selected.map(a -> a.address());
        return new TokensView(c.text(), c.chain().session(), account, c.navigator()::push, c.wallet()::signer);
    }

    @Override
    public Node view() {
        return root;
    }

    @Override
    public void onActivate() {
        session.addListener(reload);
        account.addListener(reload);
        reload();
    }

    @Override
    public void onDeactivate() {
        session.removeListener(reload);
        account.removeListener(reload);
        generation.incrementAndGet();
    }

    /** Loads the portfolio again (off the FX thread); the table keeps its rows until the new ones arrive. */
    public void reload() {
        long mine = generation.incrementAndGet();
        ChainSession s = session.getValue();
        String a = account.getValue();
        if (s == null || s.isClosed()) {
            rows.clear();
            status.setText(text.getString("tokens.noChain"));
            return;
        }
        if (a == null) {
            rows.clear();
            status.setText(text.getString("tokens.noAccount"));
            return;
        }
        status.setText(text.getString("tokens.loading"));
        Thread.ofVirtual().name("tokens-load").start(() -> {
            try {
                TokenRegistry registry = new TokenRegistry(s);
                AccountTransfers.sync(s, a); // tokens the account received appear without being added
                registry.discover(a);
                boolean all = showHidden.isSelected();
                List<TokenBalance> loaded = BalanceReader.of(s).balances(a, all ? registry.all() : registry.visible());
                Platform.runLater(() -> {
                    if (generation.get() == mine) {
                        rows.setAll(loaded);
                        status.setText(loaded.isEmpty() ? text.getString("tokens.empty")
                                : String.format(text.getString("tokens.count"), loaded.size()));
                    }
                });
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                Platform.runLater(() -> {
                    if (generation.get() == mine) {
                        status.setText(Messages.describe(text, e));
                    }
                });
            }
        });
    }

    /** Adds the token at {@code address} (read on chain, off the FX thread); the error, if any, goes to {@code failed}. */
    private void add(String address, java.util.function.Consumer<String> failed, Runnable done) {
        ChainSession s = session.getValue();
        if (s == null) {
            failed.accept(text.getString("tokens.noChain"));
            return;
        }
        Thread.ofVirtual().name("tokens-add").start(() -> {
            try {
                new TokenRegistry(s).add(address.strip());
                Platform.runLater(() -> {
                    done.run();
                    reload();
                });
            } catch (RuntimeException e) {
                Platform.runLater(() -> failed.accept(Messages.describe(text, e)));
            }
        });
    }

    private TableView<TokenBalance> table() {
        // sorted over filtered: a TableView cannot sort a FilteredList itself, so the headers sort this view of it
        javafx.collections.transformation.SortedList<TokenBalance> sorted = new javafx.collections.transformation.SortedList<>(shown);
        TableView<TokenBalance> table = new TableView<>(sorted);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setRowFactory(t -> {
            javafx.scene.control.TableRow<TokenBalance> row = new javafx.scene.control.TableRow<>();
            javafx.scene.control.MenuItem toggle = new javafx.scene.control.MenuItem();
            toggle.setId("tokens-toggle-hidden");
            toggle.setOnAction(e -> setHidden(row.getItem(), !row.getItem().token().hidden()));
            javafx.scene.control.MenuItem open = new javafx.scene.control.MenuItem(text.getString("tokens.open"));
            open.setId("tokens-open");
            open.setOnAction(e -> open(row.getItem()));
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && row.getItem() != null) {
                    open(row.getItem());
                }
            });
            javafx.scene.control.ContextMenu menu = new javafx.scene.control.ContextMenu(open, toggle);
            row.itemProperty().addListener((obs, was, is) -> {
                row.setContextMenu(is == null ? null : menu);
                if (is != null) {
                    toggle.setText(text.getString(is.token().hidden() ? "tokens.unhide" : "tokens.hide"));
                }
                row.pseudoClassStateChanged(HIDDEN, is != null && is.token().hidden());
            });
            return row;
        });
        table.setId("tokens-table");
        table.setPlaceholder(new Label(text.getString("tokens.none")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<TokenBalance, TokenBalance> symbol = column("tokens.col.symbol", "tokens-symbol", r -> {
            Label l = new Label(r.token().symbol(), TokenIcon.of(r.token()));
            l.setGraphicTextGap(8);
            return l;
        });
        symbol.setPrefWidth(130);
        symbol.setComparator(java.util.Comparator.comparing(r -> r.token().symbol(), String.CASE_INSENSITIVE_ORDER));
        TableColumn<TokenBalance, TokenBalance> name = column("tokens.col.name", "tokens-name", r -> {
            Label l = new Label(r.token().name());
            if (r.token().spamReason() != null) { // why a spam rule hid it, where the user looks when unhiding
                l.setTooltip(new javafx.scene.control.Tooltip(text.getString(r.token().spamReason())));
            }
            return l;
        });
        name.setPrefWidth(220);
        name.setComparator(java.util.Comparator.comparing(r -> r.token().name(), String.CASE_INSENSITIVE_ORDER));
        TableColumn<TokenBalance, TokenBalance> balance = column("tokens.col.balance", "tokens-balance", r -> {
            if (!r.isOk()) {
                Label error = new Label(Messages.describe(text, r.error()));
                error.getStyleClass().add("danger");
                return error;
            }
            return new AmountLabel(r.balance(), r.token().decimals(), r.token().symbol());
        });
        balance.setPrefWidth(260);
        // whole tokens, whatever each token's decimals; a token whose balance failed sorts below every number
        balance.setComparator(java.util.Comparator.comparing((TokenBalance r) -> r.isOk()
                ? new java.math.BigDecimal(r.balance(), r.token().decimals()) : null, java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder())));
        TableColumn<TokenBalance, TokenBalance> address = column("tokens.col.address", "tokens-address",
                r -> new Label(Addresses.checksummed(r.token().address())));
        address.setComparator(java.util.Comparator.comparing(r -> r.token().address()));
        table.getColumns().setAll(List.of(symbol, name, balance, address));
        return table;
    }

    private TableColumn<TokenBalance, TokenBalance> column(String key, String styleClass,
                                                           java.util.function.Function<TokenBalance, Label> cell) {
        TableColumn<TokenBalance, TokenBalance> c = new TableColumn<>(text.getString(key));
        c.setCellValueFactory(f -> new javafx.beans.property.SimpleObjectProperty<>(f.getValue()));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(TokenBalance item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setGraphic(null);
                    return;
                }
                Label l = cell.apply(item);
                l.getStyleClass().add(styleClass);
                // untrusted text: one line, cut with an ellipsis, never wrapped into the next rows
                l.setWrapText(false);
                l.setMinWidth(0);
                setGraphic(l);
            }
        });
        return c;
    }

    private static boolean matches(TokenBalance r, String query) {
        if (query == null || query.isBlank()) {
            return true;
        }
        String q = query.strip().toLowerCase(Locale.ROOT);
        return r.token().symbol().toLowerCase(Locale.ROOT).contains(q) || r.token().name().toLowerCase(Locale.ROOT).contains(q)
                || r.token().address().contains(q);
    }

    private static final javafx.css.PseudoClass HIDDEN = javafx.css.PseudoClass.getPseudoClass("hidden-token");

    /** Hides or unhides a token (never counted while hidden; undone the same way), then reloads. */
    public void setHidden(TokenBalance row, boolean hide) {
        ChainSession s = session.getValue();
        if (s == null || row == null) {
            return;
        }
        Thread.ofVirtual().name("tokens-hide").start(() -> {
            TokenRegistry registry = new TokenRegistry(s);
            if (hide) {
                registry.hide(row.token().address());
            } else {
                registry.unhide(row.token().address());
            }
            Platform.runLater(this::reload);
        });
    }

    /** The token's detail page over the portfolio; the portfolio reloads when it changes a token (hide, unhide). */
    public void open(TokenBalance row) {
        if (row != null) {
            context().ifPresent(c -> push.accept(new TokenDetailPage(c, row, this::reload)));
        }
    }

    private java.util.Optional<TokenContext> context() {
        ChainSession s = session.getValue();
        String a = account.getValue();
        return s == null || s.isClosed() || a == null ? java.util.Optional.empty() : java.util.Optional.of(new TokenContext(text, s, a, signer));
    }

    /** What the table holds now (tests). */
    public List<TokenBalance> rows() {
        return List.copyOf(rows);
    }
}
