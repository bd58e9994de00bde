package org.hearth.app.review;

import java.util.ResourceBundle;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.hearth.app.control.AddressLabel;
import org.hearth.app.control.AddressNames;
import org.hearth.app.control.AmountLabel;
import org.hearth.app.control.Labels;
import org.hearth.chain.review.TxReview;
import org.hearth.chain.tx.PreparedTx;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The one review screen before signing, for any transaction any screen prepares: network, from,
 * to, the ether sent, the decoded call with its arguments (token amounts with decimals and symbol),
 * the warnings, the most the network fee can be and the most the whole transaction can cost.
 * The caller decides what confirm and back do; {@code busy} disables confirm while it works, and so
 * does every danger warning the user has not acknowledged yet.
 */
public final class ReviewPane extends VBox {

    private static final int ETH_DECIMALS = 18;

    public ReviewPane(ResourceBundle text, TxReview review, AddressNames names, ObservableBooleanValue busy,
                      Runnable onConfirm, Runnable onBack) {
        super(14);
        setId("review-pane");
        setPadding(new Insets(16));
        getStyleClass().add("hearth-review");
        PreparedTx tx = review.tx();
        Label title = new Label(text.getString("review.title"));
        title.getStyleClass().add("title-3");
        String copy = text.getString("action.copy");
        String eth = text.getString("unit.eth");

        GridPane grid = new GridPane(16, 8);
        int row = 0;
        grid.addRow(row++, Labels.muted(text.getString("review.network")), value("review-network",
                String.format(text.getString("review.networkValue"), tx.chainId())));
        grid.addRow(row++, Labels.muted(text.getString("review.from")), new AddressLabel(tx.from(), names, true, copy).withIds("review-from"));
        if (tx.to() == null) {
            grid.addRow(row++, Labels.muted(text.getString("review.to")), value("review-to", text.getString("review.newContract")));
        } else {
            grid.addRow(row++, Labels.muted(text.getString(review.targetHasCode() ? "review.contract" : "review.to")),
                    new AddressLabel(tx.to(), names, true, copy).withIds("review-to"));
        }
        AmountLabel amount = new AmountLabel(tx.value(), ETH_DECIMALS, eth);
        amount.setId("review-amount");
        grid.addRow(row++, Labels.muted(text.getString("review.amount")), amount);
        AmountLabel maxFee = new AmountLabel(tx.maxNetworkFee(), ETH_DECIMALS, eth);
        maxFee.setId("review-max-fee");
        Label feeMath = Labels.muted(String.format(text.getString("review.feeMath"), tx.gasLimit(), Gwei.format(tx.fees().maxFeePerGas())));
        feeMath.setId("review-fee-math");
        grid.addRow(row++, Labels.muted(text.getString("review.maxFee")), new HBox(8, maxFee, feeMath));
        AmountLabel total = new AmountLabel(tx.maxTotal(), ETH_DECIMALS, eth);
        total.setId("review-total");
        total.getStyleClass().add("title-4");
        grid.addRow(row++, Labels.muted(text.getString("review.total")), total);
        grid.addRow(row, Labels.muted(text.getString("review.nonce")), value("review-nonce", Long.toString(tx.nonce())));

        // Warnings first: they are what a user must not scroll past.
        WarningsView warnings = new WarningsView(text, review.warnings());
        VBox body = new VBox(14, warnings, grid);
        if (!review.isPlainTransfer() && tx.to() != null) {
            body.getChildren().add(new CallView(text, review, names));
        }
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        // The skin now, not at the first layout: until a ScrollPane has its skin its content is not in
        // the scene graph, so a lookup right after the review opens would miss every value.
        scroll.setSkin(new javafx.scene.control.skin.ScrollPaneSkin(scroll));
        VBox.setVgrow(scroll, Priority.ALWAYS);

        Button back = new Button(text.getString("review.back"));
        back.setId("review-back");
        back.setOnAction(e -> onBack.run());
        Button confirm = new Button(text.getString("review.confirm"), new FontIcon("fth-check"));
        confirm.setId("review-confirm");
        confirm.getStyleClass().add("accent");
        confirm.setDefaultButton(true);
        // a danger warning (look-alike address, unlimited approval...) must be acknowledged before signing
        confirm.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> busy.get() || !warnings.acknowledged().get(), busy, warnings.acknowledged()));
        confirm.setOnAction(e -> onConfirm.run());
        Label note = new Label(text.getString("review.note"));
        note.getStyleClass().add("text-muted");
        note.setWrapText(true);
        getChildren().addAll(title, scroll, note, new HBox(8, back, confirm));
    }

    static Label value(String id, String s) {
        Label l = new Label(s);
        l.setId(id);
        return l;
    }
}
