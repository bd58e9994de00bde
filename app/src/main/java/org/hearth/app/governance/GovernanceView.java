package org.hearth.app.governance;

import java.math.BigInteger;
import java.util.List;
import java.util.ResourceBundle;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.hearth.app.control.AddressNames;
import org.hearth.app.control.ScreenHeader;
import org.hearth.app.desktop.ChainModel;
import org.hearth.app.shell.Page;
import org.hearth.app.wallet.WalletModel;
import org.hearth.chain.session.ChainSession;
import org.hearth.dao.Delegation;
import org.hearth.dao.Governor;
import org.hearth.dao.ProposalCalls;
import org.hearth.dao.Vote;
import org.hearth.store.AddressBookRepository;

/**
 * The Governance screen: a governor (the demo world's, or any added by address), the account's
 * voting power and delegation, the proposals (title, state, tally, quorum) and, for the selected one,
 * what the account can do (vote, queue, execute with the ETA counting down, cancel) above its actions
 * in words, votes and description. Every transaction goes through the one review screen.
 */
public final class GovernanceView {

    /** Seconds between readings of the chain's clock while the screen is shown. */
    private static final int CLOCK_SYNC_TICKS = 5;
    /** Seconds between readings of the account's voting power: a delegation made elsewhere shows without a reload. */
    private static final int POWER_TICKS = 10;

    private GovernanceView() {
    }

    public static Page create(ResourceBundle text, ChainModel chain, WalletModel wallet, GovernanceWatch watch) {
        GovernanceModel model = new GovernanceModel();
        GovernanceSigning signing = new GovernanceSigning(wallet::signer);
        ObjectBinding<String> account = Bindings.createObjectBinding(() -> wallet.state.get() == WalletModel.State.UNLOCKED
                && wallet.selected.get() != null ? wallet.selected.get().address() : null, wallet.state, wallet.selected);
        SimpleLongProperty chainNow = new SimpleLongProperty();
        Runnable tick = () -> chainNow.set(System.currentTimeMillis() / 1000 + model.chainClockOffset.get());
        long[] ticks = {0};
        Runnable[] powerTick = {() -> { }}; // the power reload, once it exists below
        Timeline clock = new Timeline(new KeyFrame(Duration.seconds(1), e -> {
            if (++ticks[0] % CLOCK_SYNC_TICKS == 0) {
                model.syncClock(chain.session().get());
            }
            if (ticks[0] % POWER_TICKS == 0) {
                powerTick[0].run();
            }
            tick.run();
        }));
        clock.setCycleCount(Animation.INDEFINITE);
        model.chainClockOffset.addListener((obs, was, is) -> tick.run());

        TableView<GovernanceModel.Row> table = table(text, model);
        VBox detail = new VBox(8);
        detail.setId("governance-detail");
        ScrollPane detailScroll = new ScrollPane(detail);
        detailScroll.setFitToWidth(true);
        detailScroll.getStyleClass().add("edge-to-edge");
        detailScroll.setSkin(new javafx.scene.control.skin.ScrollPaneSkin(detailScroll)); // lookups see the detail at once
        VBox.setVgrow(detailScroll, Priority.ALWAYS);

        Runnable[] release = {() -> { }};
        ProposalControls.VoteDraft voteDraft = new ProposalControls.VoteDraft();
        Runnable showDetail = () -> {
            release[0].run();
            GovernanceModel.Row row = table.getSelectionModel().getSelectedItem();
            Governor g = model.governor.get();
            if (row == null || g == null) {
                detail.getChildren().clear();
                release[0] = () -> { };
                return;
            }
            ProposalControls.Built controls = ProposalControls.build(text, g, row, account.get(), model.power.get(), chainNow, voteDraft,
                    actions(chain, model, signing, account, row, wallet));
            release[0] = controls.release();
            detail.getChildren().setAll(ProposalDetail.header(text, g, row));
            detail.getChildren().addAll(controls.nodes());
            SimulationView.State sim = model.simulation.get();
            if (sim != null && sim.proposalId().equals(row.proposal().id())) {
                detail.getChildren().add(SimulationView.of(text, sim));
            }
            detail.getChildren().addAll(ProposalDetail.body(text, row));
        };
        Runnable reloadPower = () -> model.loadPower(chain.session().get(), account.get(), table.getSelectionModel().getSelectedItem());
        powerTick[0] = reloadPower;
        table.getSelectionModel().selectedItemProperty().addListener((obs, was, row) -> {
            showDetail.run();
            reloadPower.run();
        });
        // only an active proposal's vote box shows the power: other details are not rebuilt under the pointer
        model.power.addListener((obs, was, is) -> {
            GovernanceModel.Row row = table.getSelectionModel().getSelectedItem();
            if (row != null && row.proposal().state() == org.hearth.dao.ProposalState.ACTIVE) {
                showDetail.run();
            }
        });
        model.simulation.addListener((obs, was, is) -> showDetail.run());
        // rows are replaced on every load: keep the same proposal selected
        BigInteger[] selectedId = {null};
        table.getSelectionModel().selectedItemProperty().addListener((obs, was, row) -> {
            if (row != null) {
                selectedId[0] = row.proposal().id();
            }
        });
        model.rows.addListener((javafx.collections.ListChangeListener<GovernanceModel.Row>) c -> {
            if (selectedId[0] != null) {
                model.rows.stream().filter(r -> r.proposal().id().equals(selectedId[0])).findFirst()
                        .ifPresent(r -> table.getSelectionModel().select(r));
            }
        });

        Label error = new Label();
        error.setId("governance-error");
        error.getStyleClass().add("danger");
        error.setWrapText(true);
        error.textProperty().bind(Bindings.when(signing.error.isEmpty()).then(model.error).otherwise(signing.error));
        error.managedProperty().bind(error.textProperty().isNotEmpty());
        Label status = status(text, signing);

        Button create = new Button(text.getString("governance.builder.open"), new org.kordamp.ikonli.javafx.FontIcon("fth-edit"));
        create.setId("governance-new");
        create.disableProperty().bind(account.isNull().or(model.governor.isNull()));
        HBox governorRow = governorRow(text, chain, model);
        governorRow.getChildren().add(create);
        javafx.scene.control.MenuButton notices = NoticeList.of(text, watch, (governor, id) -> {
            if (model.governor.get() != null && model.governor.get().address().equalsIgnoreCase(governor)) {
                model.rows.stream().filter(r -> r.proposal().id().equals(id)).findFirst().ifPresent(r -> table.getSelectionModel().select(r));
            } else {
                selectedId[0] = id;
                model.choose(chain.session().get(), governor);
            }
        });
        if (watch != null) { // what the list showed is no longer news
            model.rows.addListener((javafx.collections.ListChangeListener<GovernanceModel.Row>) c -> {
                if (model.governor.get() != null && chain.session().get() != null) {
                    watch.seen(chain.session().get(), model.governor.get(), model.rows.stream().map(r -> r.proposal().id()).toList());
                }
            });
        }
        notices.setMinWidth(Region.USE_PREF_SIZE);
        create.setMinWidth(Region.USE_PREF_SIZE);
        governorRow.getChildren().add(notices);
        VBox box = new VBox(12, new ScreenHeader(text.getString("governance.screenTitle"), text.getString("governance.subtitle")),
                governorRow, error, new PowerBox(text, model.power, to -> {
                    try {
                        signing.prepare(chain.session().get(), account.get(), model.governor.get().token(), Delegation.delegateCall(to), null);
                    } catch (RuntimeException notAnAddress) {
                        signing.error.set(org.hearth.app.desktop.Messages.describe(notAnAddress));
                    }
                }), status, listAndDetail(table, detailScroll));
        box.setPadding(new Insets(24));
        StackPane root = new StackPane(box);
        AddressNames names = AddressNames.of(new AddressBookRepository(wallet.services().database()));
        Node[] base = {box}; // what the review returns to: the list, or the builder that opened it
        Runnable toList = () -> {
            base[0] = box;
            root.getChildren().setAll(box);
        };
        signing.prepared.addListener((obs, was, pending) -> root.getChildren().setAll(pending == null ? base[0]
                : review(text, pending, names, signing, () -> {
                    toList.run();
                    model.refresh(chain.session().get());
                })));
        create.setOnAction(e -> {
            base[0] = new ProposalBuilderPane(text, chain.session().get(), model.governor.get(), account::get, signing, toList);
            root.getChildren().setAll(base[0]);
        });
        ChangeListener<ChainSession> follow = (obs, was, is) -> model.refresh(is);
        ChangeListener<Object> powerFollow = (obs, was, is) -> {
            reloadPower.run();
            showDetail.run();
        };
        return new Page() {
            @Override
            public Node view() {
                return root;
            }

            @Override
            public void onActivate() {
                chain.session().addListener(follow);
                account.addListener(powerFollow);
                model.governor.addListener(powerFollow);
                model.refresh(chain.session().get());
                reloadPower.run();
                tick.run();
                clock.play();
            }

            @Override
            public void onDeactivate() {
                chain.session().removeListener(follow);
                account.removeListener(powerFollow);
                model.governor.removeListener(powerFollow);
                clock.stop();
            }
        };
    }

    private static ProposalControls.Actions actions(ChainModel chain, GovernanceModel model, GovernanceSigning signing,
                                                    ObjectBinding<String> account, GovernanceModel.Row row, WalletModel wallet) {
        String governor = model.governor.get().address();
        return new ProposalControls.Actions() {
            @Override
            public void vote(Vote.Support support, String reason) {
                signing.prepare(chain.session().get(), account.get(), governor, Delegation.voteCall(row.proposal().id(), support, reason),
                        model.power.get());
            }

            @Override
            public void queue() {
                signing.prepare(chain.session().get(), account.get(), governor, ProposalCalls.queue(row.proposal().stored()), null);
            }

            @Override
            public void execute() {
                signing.prepare(chain.session().get(), account.get(), governor, ProposalCalls.execute(row.proposal().stored()), null);
            }

            @Override
            public void simulate() {
                java.util.Map<String, String> own = new java.util.HashMap<>(); // the wallet's accounts, named by their labels
                wallet.accounts.forEach(a -> own.putIfAbsent(org.hearth.chain.Addresses.checksummed(a.address()), a.label()));
                model.simulate(chain.session().get(), row, own);
            }

            @Override
            public void cancel() {
                signing.prepare(chain.session().get(), account.get(), governor, ProposalCalls.cancel(row.proposal().stored()), null);
            }
        };
    }

    /** The review, with the votes the account counts with at the proposal's snapshot above it for a vote, and why it failed below. */
    private static VBox review(ResourceBundle text, GovernanceSigning.Pending pending, AddressNames names, GovernanceSigning signing,
                               Runnable onDone) {
        var pane = new org.hearth.app.review.ReviewPane(text, pending.review(), names, signing.busy, () -> signing.confirm(onDone), signing::back);
        VBox.setVgrow(pane, Priority.ALWAYS);
        VBox out = new VBox();
        if (pending.power() != null && pending.power().votesAtSnapshot() != null) {
            Label power = new Label(String.format(text.getString("governance.powerAtSnapshot"), ProposalDetail.tokens(pending.power().votesAtSnapshot()),
                    ProposalDetail.snapshot(text, pending.power())));
            power.setId("review-voting-power");
            power.getStyleClass().add("title-4");
            power.setPadding(new Insets(16, 16, 0, 16));
            out.getChildren().add(power);
        }
        Label error = new Label();
        error.setId("review-error");
        error.getStyleClass().add("danger");
        error.setWrapText(true);
        error.setPadding(new Insets(0, 16, 0, 16));
        error.textProperty().bind(signing.error);
        out.getChildren().addAll(pane, error);
        return out;
    }

    private static Label status(ResourceBundle text, GovernanceSigning signing) {
        Label status = new Label();
        status.setId("governance-tx-status");
        Runnable show = () -> {
            var outcome = signing.outcome.get();
            status.setText(outcome == null ? "" : String.format(text.getString("governance.tx." + outcome.name().toLowerCase(java.util.Locale.ROOT)),
                    signing.sentHash.get()));
            status.setVisible(outcome != null);
            status.setManaged(outcome != null);
        };
        show.run();
        signing.outcome.addListener((obs, was, is) -> show.run());
        return status;
    }

    private static HBox governorRow(ResourceBundle text, ChainModel chain, GovernanceModel model) {
        ComboBox<Governor> governors = new ComboBox<>(model.governors);
        governors.setId("governance-governor");
        governors.setConverter(new StringConverter<>() {
            @Override
            public String toString(Governor g) {
                return g == null ? "" : g.name() + " · " + g.address();
            }

            @Override
            public Governor fromString(String s) {
                return null;
            }
        });
        model.governor.addListener((obs, was, is) -> governors.getSelectionModel().select(is));
        governors.setOnAction(e -> {
            Governor g = governors.getSelectionModel().getSelectedItem();
            if (g != null && !g.equals(model.governor.get())) {
                model.choose(chain.session().get(), g.address());
            }
        });
        TextField address = new TextField();
        address.setId("governance-add-address");
        address.setPromptText(text.getString("governance.addPrompt"));
        address.setPrefColumnCount(14);
        address.setMinWidth(120);
        Button add = new Button(text.getString("governance.add"));
        add.setId("governance-add");
        add.disableProperty().bind(address.textProperty().isEmpty());
        add.setOnAction(e -> model.add(chain.session().get(), address.getText()));
        add.setMinWidth(Region.USE_PREF_SIZE);
        governors.setMaxWidth(280);
        HBox.setHgrow(address, Priority.ALWAYS);
        HBox row = new HBox(8, governors, address, add);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    /**
     * The proposal list above the selected proposal's detail, split so both use the window's height (the
     * list gets about two fifths: a dozen rows on a 900-px window); the user can move the divider.
     */
    private static javafx.scene.control.SplitPane listAndDetail(TableView<GovernanceModel.Row> table, ScrollPane detail) {
        javafx.scene.control.SplitPane split = new javafx.scene.control.SplitPane(table, detail);
        split.setId("governance-split");
        split.setOrientation(javafx.geometry.Orientation.VERTICAL);
        split.setDividerPositions(0.42);
        VBox.setVgrow(split, Priority.ALWAYS);
        return split;
    }

    private static TableView<GovernanceModel.Row> table(ResourceBundle text, GovernanceModel model) {
        TableView<GovernanceModel.Row> table = new TableView<>(model.rows);
        table.setId("governance-proposals");
        table.getColumns().setAll(List.of(
                column(text.getString("governance.title"), 320, r -> MarkdownView.plain(r.proposal().title())),
                column(text.getString("governance.state"), 100, r -> text.getString("governance.state." + r.proposal().state().lower())),
                column(text.getString("governance.for"), 130, r -> ProposalDetail.tokens(r.proposal().forVotes())),
                column(text.getString("governance.against"), 130, r -> ProposalDetail.tokens(r.proposal().againstVotes())),
                column(text.getString("governance.abstain"), 130, r -> ProposalDetail.tokens(r.proposal().abstainVotes())),
                column(text.getString("governance.quorum"), 130, r -> ProposalDetail.tokens(r.proposal().quorum()))));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(text.getString("governance.none")));
        table.setMinHeight(140);
        return table;
    }

    private static TableColumn<GovernanceModel.Row, String> column(String title, double width,
                                                                  java.util.function.Function<GovernanceModel.Row, String> value) {
        TableColumn<GovernanceModel.Row, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        return c;
    }
}
