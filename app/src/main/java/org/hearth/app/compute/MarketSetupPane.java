package org.hearth.app.compute;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.hearth.app.desktop.Messages;
import org.hearth.app.wallet.WalletModel;
import org.hearth.chain.session.ChainSession;
import org.hearth.compute.blob.BlobStore;
import org.hearth.compute.blob.Cid;
import org.hearth.compute.worker.WorkerCapabilities;
import org.hearth.market.MarketContract;
import org.hearth.market.agent.DeviceAttestation;
import org.hearth.market.share.MarketCall;
import org.hearth.market.share.ShareAccount;
import org.hearth.money.Amounts;
import org.hearth.wallet.vault.VaultAccount;

/**
 * Share on the market, first time: the account, the stake (the market's minimum shown and filled in),
 * a preview of the device attestation this machine signs, then approve and register through the review.
 * Once set up it says which account shares and its stake.
 */
final class MarketSetupPane {

    private static final int DECIMALS = ComputeChoices.TOKEN_DECIMALS;

    private MarketSetupPane() {
    }

    static Node create(ResourceBundle text, ComputeModel model, MarketShareModel market, MarketTxFlow flow) {
        String symbol = ComputeView.TOKEN_SYMBOL;
        Label joined = new Label();
        joined.setId("market-joined");
        joined.setWrapText(true);
        joined.textProperty().bind(Bindings.createStringBinding(() -> {
            ShareAccount s = market.standing.get();
            if (market.account.get().isEmpty()) {
                return "";
            }
            return s == null || !s.account().equalsIgnoreCase(market.account.get())
                    ? String.format(text.getString("market.joined"), market.account.get())
                    : String.format(text.getString("market.joinedStake"), market.account.get(), Amounts.formatGrouped(s.provider().stake(), DECIMALS),
                    symbol, Amounts.formatGrouped(s.provider().locked(), DECIMALS));
        }, market.account, market.standing));

        ComboBox<String> account = new ComboBox<>();
        account.setId("market-account");
        Runnable fillAccounts = () -> account.getItems().setAll(market.wallet().accounts.stream().map(VaultAccount::address).toList());
        market.wallet().accounts.addListener((javafx.collections.ListChangeListener<VaultAccount>) c -> fillAccounts.run());
        fillAccounts.run();
        account.valueProperty().addListener((obs, was, is) -> market.refresh(is));
        Label terms = Wrapped.muted(new Label());
        terms.setId("market-terms");
        TextField stake = new TextField();
        stake.setId("market-stake");
        stake.setPrefColumnCount(10);
        market.standing.addListener((obs, was, s) -> {
            if (s != null && market.account.get().isEmpty()) {
                terms.setText(String.format(text.getString("market.terms"), Amounts.formatGrouped(s.minStake(), DECIMALS), symbol,
                        Amounts.formatGrouped(s.balance(), DECIMALS), s.feeBps() / 100.0, DurationWords.of(text, s.unstakeCooldown())));
                if (stake.getText().isBlank()) {
                    stake.setText(Amounts.format(s.minStake(), DECIMALS));
                }
            }
        });
        Label attestation = Wrapped.muted(new Label());
        attestation.setId("market-attestation");
        attestation.textProperty().bind(Bindings.createStringBinding(() -> preview(text, model.capabilities.get()), model.capabilities));
        Label error = new Label();
        error.setId("market-error");
        error.getStyleClass().add("danger");
        error.setWrapText(true);
        error.textProperty().bind(market.error);
        Button join = new Button(text.getString("market.join"));
        join.setId("market-join");
        join.disableProperty().bind(account.valueProperty().isNull().or(model.capabilities.isNull()).or(market.standing.isNull()));
        join.setOnAction(e -> {
            market.error.set("");
            try {
                String who = account.getValue();
                BigInteger amount = Amounts.parse(stake.getText(), DECIMALS);
                ChainSession session = market.session().orElseThrow();
                MarketContract contract = MarketContract.of(session).orElseThrow();
                BlobStore blobs = market.blobs();
                Cid signed = DeviceAttestation.of(who, model.capabilities.get(), Instant.now().getEpochSecond())
                        .publish(blobs, session.chainId(), contract.address(), data -> market.wallet().signTypedData(who, data));
                List<MarketCall> calls = market.standing.get().joinCalls(amount, market.endpoint(blobs), signed.digest());
                flow.run(session, who, () -> market.wallet().signer(who), calls, done -> {
                    if (done) {
                        market.joined(who);
                    }
                }, failure -> market.error.set(Messages.describe(failure)));
            } catch (RuntimeException failure) {
                market.error.set(Messages.describe(failure));
            }
        });
        HBox accountRow = new HBox(10, new Label(text.getString("market.account")), account);
        accountRow.setAlignment(Pos.CENTER_LEFT);
        HBox stakeRow = new HBox(10, new Label(text.getString("market.stake")), stake, new Label(symbol), join);
        stakeRow.setAlignment(Pos.CENTER_LEFT);
        Label locked = Wrapped.muted(new Label(text.getString("market.unlockFirst")));
        locked.setId("market-locked");
        VBox setup = new VBox(8, accountRow, terms, attestation, stakeRow, error);
        setup.visibleProperty().bind(market.account.isEmpty().and(market.wallet().state.isEqualTo(WalletModel.State.UNLOCKED)));
        setup.managedProperty().bind(setup.visibleProperty());
        locked.visibleProperty().bind(market.account.isEmpty().and(market.wallet().state.isNotEqualTo(WalletModel.State.UNLOCKED)));
        locked.managedProperty().bind(locked.visibleProperty());
        joined.visibleProperty().bind(market.account.isNotEmpty());
        joined.managedProperty().bind(joined.visibleProperty());
        return new VBox(8, joined, LockedSharePane.create(text, model, market), locked, setup);
    }

    private static String preview(ResourceBundle text, WorkerCapabilities caps) {
        if (caps == null) {
            return text.getString("market.attestation.none");
        }
        DeviceAttestation a = DeviceAttestation.of("0x0000000000000000000000000000000000000000", caps, 0);
        return String.format(text.getString("market.attestation"), a.backend(), a.device(), a.memoryBytes() >> 20,
                String.format("%.1f", a.gflopsMilli() / 1000.0));
    }
}
