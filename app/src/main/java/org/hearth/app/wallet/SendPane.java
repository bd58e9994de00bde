package org.hearth.app.wallet;

import java.util.ResourceBundle;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.hearth.app.control.AddressLabel;
import org.hearth.app.control.AmountLabel;
import org.hearth.app.control.CopyableText;
import org.hearth.app.review.ReviewPane;
import org.hearth.chain.tx.TxRecord;
import org.hearth.chain.tx.TxStatus;
import org.hearth.history.HistoryItem;
import org.hearth.chain.tx.FeeLevel;
import org.kordamp.ikonli.javafx.FontIcon;

/** Send ETH: the form, then the review screen, then the sent transaction, its status following the history. */
public final class SendPane extends StackPane {

    private final ResourceBundle text;
    private final SendModel model;
    private final VBox form;

    public SendPane(ResourceBundle text, SendModel model) {
        this.text = text;
        this.model = model;
        this.form = form();
        getChildren().setAll(form);
        model.prepared.addListener((obs, was, review) -> getChildren().setAll(review == null ? form : reviewWithError(review)));
        model.sent.addListener((obs, was, record) -> {
            if (record != null) {
                getChildren().setAll(sentNotice(record));
            }
        });
    }

    private VBox form() {
        TextField to = new TextField();
        to.setId("send-to");
        to.setPromptText(text.getString("send.toPrompt"));
        to.textProperty().bindBidirectional(model.to);
        TextField amount = new TextField();
        amount.setId("send-amount");
        amount.setPromptText("0.0");
        amount.textProperty().bindBidirectional(model.amount);

        ToggleGroup levels = new ToggleGroup();
        HBox levelButtons = new HBox(0);
        for (FeeLevel level : FeeLevel.values()) {
            ToggleButton b = new ToggleButton(text.getString("fee." + level.name().toLowerCase()));
            b.setId("fee-" + level.name().toLowerCase());
            b.setToggleGroup(levels);
            b.setSelected(level == model.level.get());
            b.setOnAction(e -> {
                model.level.set(level);
                model.custom.set(false);
            });
            levelButtons.getChildren().add(b);
        }
        ToggleButton custom = new ToggleButton(text.getString("fee.custom"));
        custom.setId("fee-custom");
        custom.setToggleGroup(levels);
        custom.setOnAction(e -> model.custom.set(custom.isSelected()));
        levelButtons.getChildren().add(custom);

        TextField maxFee = new TextField();
        maxFee.setId("fee-max");
        maxFee.setPromptText(text.getString("fee.maxFeeGwei"));
        maxFee.textProperty().bindBidirectional(model.customMaxFeeGwei);
        TextField tip = new TextField();
        tip.setId("fee-tip");
        tip.setPromptText(text.getString("fee.tipGwei"));
        tip.textProperty().bindBidirectional(model.customTipGwei);
        HBox customFees = new HBox(8, maxFee, tip);
        customFees.visibleProperty().bind(model.custom);
        customFees.managedProperty().bind(model.custom);

        GridPane grid = new GridPane(12, 10);
        grid.addRow(0, new Label(text.getString("send.to")), to);
        HBox amountRow = new HBox(6, amount, new Label(text.getString("unit.eth")));
        amountRow.setAlignment(Pos.CENTER_LEFT);
        grid.addRow(1, new Label(text.getString("send.amount")), amountRow);
        grid.addRow(2, new Label(text.getString("send.fee")), new VBox(6, levelButtons, customFees));
        to.setPrefColumnCount(34);

        Label error = new Label();
        error.setId("send-error");
        error.getStyleClass().add("danger");
        error.setWrapText(true);
        error.textProperty().bind(model.error);

        Button review = new Button(text.getString("send.review"), new FontIcon("fth-eye"));
        review.setId("send-review");
        review.getStyleClass().add("accent");
        review.setDefaultButton(true);
        review.disableProperty().bind(model.busy.or(model.to.isEmpty()).or(model.amount.isEmpty()));
        review.setOnAction(e -> model.review());
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(18, 18);
        spinner.visibleProperty().bind(model.busy);

        VBox box = new VBox(14, grid, new HBox(10, review, spinner), error);
        box.setPadding(new Insets(16));
        return box;
    }

    /** The review, and below it why signing or sending failed (the form's error line is hidden meanwhile). */
    private VBox reviewWithError(org.hearth.chain.review.TxReview review) {
        ReviewPane pane = new ReviewPane(text, review, model.names(), model.busy, model::confirm, () -> model.prepared.set(null));
        Label error = new Label();
        error.setId("review-error");
        error.getStyleClass().add("danger");
        error.setWrapText(true);
        error.setPadding(new Insets(0, 16, 0, 16));
        error.textProperty().bind(model.error);
        error.managedProperty().bind(model.error.isNotEmpty());
        VBox.setVgrow(pane, javafx.scene.layout.Priority.ALWAYS);
        return new VBox(pane, error);
    }

    /** The sent transaction: its heading and hint follow its status in the history, so they never lag the row below. */
    private VBox sentNotice(TxRecord record) {
        Label title = new Label();
        title.setId("send-status");
        title.getStyleClass().add("title-4");
        Label hint = new Label();
        hint.setId("send-hint");
        hint.setWrapText(true);
        Runnable showStatus = () -> {
            TxStatus status = model.sentStatus();
            HistoryItem item = model.sentItem.get();
            long block = item == null || item.block() == null ? 0 : item.block();
            title.setText(switch (status) {
                case PENDING -> text.getString("send.sent");
                case CONFIRMED -> String.format(text.getString("send.status.confirmed"), block);
                case FAILED -> String.format(text.getString("send.status.failed"), block);
                case REPLACED -> text.getString("send.status.replaced");
            });
            FontIcon icon = new FontIcon(switch (status) {
                case PENDING -> "fth-send";
                case CONFIRMED -> "fth-check-circle";
                case FAILED -> "fth-x-circle";
                case REPLACED -> "fth-repeat";
            });
            title.setGraphic(icon);
            title.getStyleClass().removeAll("success", "danger");
            if (status == TxStatus.CONFIRMED || status == TxStatus.FAILED) {
                title.getStyleClass().add(status == TxStatus.CONFIRMED ? "success" : "danger");
            }
            hint.setText(text.getString(status == TxStatus.PENDING ? "send.sentHint" : "send.finalHint"));
        };
        showStatus.run();
        javafx.beans.value.ChangeListener<HistoryItem> follow = (obs, was, is) -> showStatus.run();
        model.sentItem.addListener(follow);
        AmountLabel amount = new AmountLabel(record.value(), SendModel.ETH_DECIMALS, text.getString("unit.eth"));
        amount.setId("send-sent-amount");
        HBox what = new HBox(8, amount, new FontIcon("fth-arrow-right"));
        what.setAlignment(Pos.CENTER_LEFT);
        if (record.recipient() != null) {
            what.getChildren().add(new AddressLabel(record.recipient(), model.names(), false, text.getString("action.copy")).withIds("send-sent-to"));
        }
        // Users paste the hash into explorers and support chats: give it the same copy button as addresses.
        CopyableText hashText = new CopyableText(new ReadOnlyStringWrapper(record.hash()), text.getString("action.copy"));
        Label hashLabel = hashText.valueLabel();
        hashLabel.setId("send-hash");
        Button another = new Button(text.getString("send.another"));
        another.setId("send-another");
        another.setOnAction(e -> {
            model.sentItem.removeListener(follow); // this notice is gone; the next send gets its own
            model.amount.set("");
            model.sent.set(null);
            getChildren().setAll(form);
        });
        VBox box = new VBox(10, title, what, hashText, hint, another);
        box.setPadding(new Insets(16));
        return box;
    }
}
