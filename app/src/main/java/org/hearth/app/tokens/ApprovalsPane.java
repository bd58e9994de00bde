package org.hearth.app.tokens;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.ResourceBundle;
import java.util.function.Predicate;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.hearth.app.control.AddressLabel;
import org.hearth.app.control.AmountLabel;
import org.hearth.app.desktop.Messages;
import org.hearth.app.desktop.UiThread;
import org.hearth.app.review.ReviewPane;
import org.hearth.chain.review.TxReview;
import org.hearth.chain.tx.FeeLevel;
import org.hearth.history.AccountCounterparties;
import org.hearth.tokens.Approval;
import org.hearth.tokens.Approvals;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The account's standing approvals (all, or one token's): token, what the spender may take (the
 * allowance as it is on chain now, "unlimited", or all items), the spender with its name, and the
 * risks. Revoke reviews {@code approve(spender, 0)} / {@code setApprovalForAll(op, false)} on the one
 * review screen; "Revoke selected" reviews the ticked ones one after another. Ids for tests:
 * {@code approval-revoke-<i>}, {@code approval-pick-<i>} in the order of {@link #approvals()}.
 */
final class ApprovalsPane extends StackPane {

    private final TokenContext context;
    private final Predicate<Approval> shown;
    private final VBox list = new VBox(8);
    private final Label status = new Label();
    private final VBox main;
    private final SimpleBooleanProperty busy = new SimpleBooleanProperty(false);
    private final List<CheckBox> picks = new ArrayList<>();
    private final Deque<Approval> queue = new ArrayDeque<>();
    private List<Approval> approvals = List.of();

    ApprovalsPane(TokenContext context, Predicate<Approval> shown) {
        this.context = context;
        this.shown = shown;
        ResourceBundle text = context.text();
        status.setId("approvals-status");
        status.getStyleClass().add("text-muted");
        status.setWrapText(true);
        Button revokeSelected = new Button(text.getString("tokens.approvals.revokeSelected"), new FontIcon("fth-slash"));
        revokeSelected.setId("approvals-revoke-selected");
        revokeSelected.setOnAction(e -> revoke(picks.stream().filter(CheckBox::isSelected).map(c -> (Approval) c.getUserData()).toList()));
        Button refresh = new Button(text.getString("tokens.refresh"));
        refresh.setId("approvals-refresh");
        refresh.setOnAction(e -> reload());
        list.setId("approvals-list");
        ScrollPane scroll = new ScrollPane(list);
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        main = new VBox(10, new HBox(8, revokeSelected, refresh), status, scroll);
        main.setPadding(new Insets(16));
        getChildren().setAll(main);
    }

    /** The approvals listed now (tests). */
    List<Approval> approvals() {
        return approvals;
    }

    /** Reads the approval logs up to the head and every allowance as it is now, off the FX thread. */
    void reload() {
        status.setText(context.text().getString("tokens.approvals.loading"));
        UiThread.background(() -> {
            Approvals reader = new Approvals(context.session());
            reader.sync(context.account());
            return reader.of(context.account()).stream().filter(shown).toList();
        }, this::show, e -> status.setText(Messages.describe(context.text(), e)));
    }

    private void show(List<Approval> loaded) {
        approvals = loaded;
        picks.clear();
        list.getChildren().clear();
        for (int i = 0; i < loaded.size(); i++) {
            list.getChildren().add(row(i, loaded.get(i)));
        }
        status.setText(loaded.isEmpty() ? context.text().getString("tokens.approvals.none")
                : String.format(context.text().getString("tokens.approvals.count"), loaded.size()));
    }

    private HBox row(int index, Approval a) {
        ResourceBundle text = context.text();
        CheckBox pick = new CheckBox();
        pick.setId("approval-pick-" + index);
        pick.setUserData(a);
        picks.add(pick);
        Label token = new Label(a.symbol().isEmpty() ? AddressLabel.shortForm(org.hearth.chain.Addresses.checksummed(a.token())) : a.symbol());
        token.getStyleClass().add("approval-token");
        token.setMinWidth(70);
        Label amount = a.isOperator() ? new Label(text.getString("tokens.approvals.allItems"))
                : a.risks().contains(Approval.UNLIMITED) ? new Label(text.getString("review.unlimited") + " " + a.symbol())
                : new AmountLabel(a.allowance(), a.decimals(), a.symbol());
        amount.getStyleClass().add("approval-amount");
        amount.setMinWidth(150);
        AddressLabel spender = new AddressLabel(a.spender(), context.names(), false, context.copy());
        Label name = new Label(a.spenderName());
        name.getStyleClass().add("text-muted");
        name.setManaged(!a.spenderName().isEmpty());
        HBox risks = new HBox(4);
        risks.setAlignment(Pos.CENTER_LEFT);
        for (String risk : a.risks()) {
            Label chip = new Label(text.getString("tokens.approvals.risk." + risk));
            chip.getStyleClass().addAll("hearth-risk", "approval-risk");
            risks.getChildren().add(chip);
        }
        Button revoke = new Button(text.getString("tokens.approvals.revoke"));
        revoke.setId("approval-revoke-" + index);
        revoke.disableProperty().bind(busy);
        revoke.setOnAction(e -> revoke(List.of(a)));
        HBox.setHgrow(risks, Priority.ALWAYS);
        HBox row = new HBox(10, pick, token, amount, new FontIcon("fth-arrow-right"), spender, name, risks, revoke);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("approval-row");
        return row;
    }

    private void revoke(List<Approval> chosen) {
        queue.clear();
        queue.addAll(chosen);
        reviewNext();
    }

    /** The next queued revoke on the review screen; back to the list when none is left (or on Back). */
    private void reviewNext() {
        Approval a = queue.poll();
        if (a == null) {
            getChildren().setAll(main);
            return;
        }
        busy.set(true);
        String owner = context.account();
        UiThread.background(() -> AccountCounterparties.reviewer(context.session()).review(context.session().pipeline()
                .prepare(owner, a.token(), BigInteger.ZERO, Approvals.revokeData(a), FeeLevel.NORMAL)), review -> {
            busy.set(false);
            getChildren().setAll(reviewPane(review));
        }, e -> {
            busy.set(false);
            status.setText(Messages.describe(context.text(), e));
            getChildren().setAll(main);
        });
    }

    private VBox reviewPane(TxReview review) {
        Label error = new Label();
        error.setId("approvals-review-error");
        error.getStyleClass().add("danger");
        error.setWrapText(true);
        ReviewPane pane = new ReviewPane(context.text(), review, context.names(), busy, () -> confirm(review, error), () -> {
            queue.clear();
            getChildren().setAll(main);
        });
        VBox.setVgrow(pane, Priority.ALWAYS);
        return new VBox(pane, error);
    }

    private void confirm(TxReview review, Label error) {
        busy.set(true);
        UiThread.background(() -> {
            String hash = context.session().pipeline().send(review.tx(), context.signer().apply(context.account())).hash();
            Receipts.await(context.session(), hash);
            return hash;
        }, hash -> {
            busy.set(false);
            status.setText(String.format(context.text().getString("tokens.approvals.revoked"), hash));
            if (queue.isEmpty()) {
                getChildren().setAll(main);
                reload();
            } else {
                reviewNext();
            }
        }, e -> {
            busy.set(false);
            error.setText(Messages.describe(context.text(), e));
        });
    }
}
