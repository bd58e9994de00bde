package org.hearth.app.nft;

import java.math.BigInteger;
import java.util.ResourceBundle;
import java.util.function.Supplier;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.hearth.app.control.AddressNames;
import org.hearth.app.control.Labels;
import org.hearth.app.desktop.Messages;
import org.hearth.app.desktop.UiThread;
import org.hearth.app.review.ReviewPane;
import org.hearth.app.shell.Page;
import org.hearth.chain.review.TxReview;
import org.hearth.chain.session.ChainSession;
import org.hearth.chain.tx.FeeLevel;
import org.hearth.chain.tx.TxRecord;
import org.hearth.chain.tx.TxSigner;
import org.hearth.nft.NftSend;
import org.hearth.nft.NftService;
import org.hearth.nft.NftStandard;
import org.hearth.store.AddressBookRepository;

/**
 * Sending one NFT: recipient (and quantity for ERC-1155), checked and simulated by core's
 * {@link NftSend}, then the one review pane; nothing is signed before the review is confirmed.
 */
final class NftSendPage implements Page {

    private final ResourceBundle text;
    private final ChainSession session;
    private final NftService.Listed listed;
    private final String from;
    private final Supplier<TxSigner> signer;
    private final Runnable onSent;
    private final Runnable back;
    private final SimpleBooleanProperty busy = new SimpleBooleanProperty(false);
    private final TextField to = new TextField();
    private final TextField amount = new TextField("1");
    private final Label error = new Label();
    private final StackPane root = new StackPane();
    private final VBox form;

    NftSendPage(ResourceBundle text, ChainSession session, NftService.Listed listed, String from, Supplier<TxSigner> signer,
                Runnable onSent, Runnable back) {
        this.text = text;
        this.session = session;
        this.listed = listed;
        this.from = from;
        this.signer = signer;
        this.onSent = onSent;
        this.back = back;
        to.setId("nft-send-to");
        to.setPromptText(text.getString("nfts.sendToPrompt"));
        amount.setId("nft-send-amount");
        boolean multi = listed.nft().standard() == NftStandard.ERC1155;
        GridPane grid = new GridPane(12, 8);
        grid.addRow(0, Labels.muted(text.getString("nfts.sendToken")), new Label(NftCell.title(text, listed)));
        grid.addRow(1, Labels.muted(text.getString("nfts.sendTo")), to);
        if (multi) {
            grid.addRow(2, Labels.muted(String.format(text.getString("nfts.sendAmount"), listed.nft().amount())), amount);
        }
        error.setId("nft-send-error");
        error.getStyleClass().add("danger");
        error.setWrapText(true);
        Button review = new Button(text.getString("nfts.sendReview"));
        review.setId("nft-send-review");
        review.setDefaultButton(true);
        review.disableProperty().bind(busy.or(to.textProperty().isEmpty()));
        review.setOnAction(e -> review());
        Button cancel = new Button(text.getString("action.cancel"));
        cancel.setId("nft-send-cancel");
        cancel.setOnAction(e -> back.run());
        Label title = new Label(text.getString("nfts.sendTitle"));
        title.getStyleClass().add("title-3");
        form = new VBox(14, title, grid, error, new HBox(8, cancel, review));
        form.setPadding(new Insets(24));
        form.setMaxWidth(720);
        root.getChildren().setAll(form);
        root.setId("nft-send");
    }

    @Override
    public Node view() {
        return root;
    }

    private void review() {
        error.setText("");
        busy.set(true);
        String recipient = to.getText().strip();
        String typed = amount.getText().strip();
        UiThread.background(() -> {
            BigInteger n = listed.nft().standard() == NftStandard.ERC1155 ? new BigInteger(typed) : BigInteger.ONE;
            var tx = NftSend.prepare(session, from, listed.nft().contract(), listed.nft().tokenId(), n, recipient, FeeLevel.NORMAL);
            return org.hearth.history.AccountCounterparties.reviewer(session).review(tx);
        }, this::showReview, this::fail);
    }

    private void showReview(TxReview review) {
        busy.set(false);
        AddressNames names = AddressNames.of(new AddressBookRepository(session.database()));
        root.getChildren().setAll(new ReviewPane(text, review, names, busy, () -> confirm(review), () -> root.getChildren().setAll(form)));
    }

    private void confirm(TxReview review) {
        busy.set(true);
        UiThread.background(() -> session.pipeline().send(review.tx(), signer.get()), this::sent, e -> {
            root.getChildren().setAll(form);
            fail(e);
        });
    }

    private void sent(TxRecord record) {
        busy.set(false);
        Label done = new Label(String.format(text.getString("nfts.sent"), record.hash()));
        done.setId("nft-send-sent");
        done.setWrapText(true);
        Button close = new Button(text.getString("nfts.sentClose"));
        close.setId("nft-send-close");
        close.setOnAction(e -> onSent.run());
        VBox box = new VBox(14, done, close);
        box.setPadding(new Insets(24));
        root.getChildren().setAll(box);
    }

    private void fail(Throwable t) {
        busy.set(false);
        error.setText(t instanceof NumberFormatException ? String.format(text.getString("nfts.sendBadAmount"), amount.getText())
                : Messages.describe(text, t));
    }
}
