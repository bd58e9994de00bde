package org.hearth.app.tokens;

import java.util.ResourceBundle;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.hearth.app.control.CopyableText;
import org.hearth.app.review.ReviewPane;
import org.hearth.chain.review.TxReview;
import org.hearth.chain.tx.TxRecord;
import org.kordamp.ikonli.javafx.FontIcon;

/** The token detail's Send tab: the form, then the one review screen, then the sent transaction's hash. */
final class TokenSendPane extends StackPane {

    private final TokenContext context;
    private final TokenSendModel model;
    private final VBox form;

    TokenSendPane(TokenContext context, TokenSendModel model) {
        this.context = context;
        this.model = model;
        this.form = form();
        getChildren().setAll(form);
        model.prepared.addListener((obs, was, review) -> getChildren().setAll(review == null ? form : review(review)));
        model.sent.addListener((obs, was, record) -> {
            if (record != null) {
                getChildren().setAll(sent(record));
            }
        });
    }

    private VBox form() {
        ResourceBundle text = context.text();
        TextField to = new TextField();
        to.setId("token-send-to");
        to.setPromptText(text.getString("tokens.send.toPrompt"));
        to.setPrefColumnCount(34);
        to.textProperty().bindBidirectional(model.to);
        TextField amount = new TextField();
        amount.setId("token-send-amount");
        amount.setPromptText("0.0");
        amount.textProperty().bindBidirectional(model.amount);
        Label symbol = new Label(model.token().symbol());
        HBox amountRow = new HBox(6, amount, symbol);
        amountRow.setAlignment(Pos.CENTER_LEFT);
        GridPane grid = new GridPane(12, 10);
        grid.addRow(0, new Label(text.getString("send.to")), to);
        grid.addRow(1, new Label(text.getString("send.amount")), amountRow);

        Label error = new Label();
        error.setId("token-send-error");
        error.getStyleClass().add("danger");
        error.setWrapText(true);
        error.textProperty().bind(model.error);
        Button review = new Button(text.getString("send.review"), new FontIcon("fth-eye"));
        review.setId("token-send-review");
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

    private VBox review(TxReview review) {
        ReviewPane pane = new ReviewPane(context.text(), review, context.names(), model.busy, model::confirm, () -> model.prepared.set(null));
        Label error = new Label();
        error.setId("token-review-error");
        error.getStyleClass().add("danger");
        error.setWrapText(true);
        error.setPadding(new Insets(0, 16, 0, 16));
        error.textProperty().bind(model.error);
        error.managedProperty().bind(model.error.isNotEmpty());
        VBox.setVgrow(pane, Priority.ALWAYS);
        return new VBox(pane, error);
    }

    private VBox sent(TxRecord record) {
        ResourceBundle text = context.text();
        Label title = new Label(text.getString("send.sent"), new FontIcon("fth-send"));
        title.setId("token-send-status");
        title.getStyleClass().add("title-4");
        CopyableText hash = new CopyableText(new ReadOnlyStringWrapper(record.hash()), context.copy());
        hash.valueLabel().setId("token-send-hash");
        Label hint = new Label(text.getString("tokens.send.sentHint"));
        hint.setWrapText(true);
        Button another = new Button(text.getString("send.another"));
        another.setId("token-send-another");
        another.setOnAction(e -> {
            model.amount.set("");
            model.sent.set(null);
            getChildren().setAll(form);
        });
        VBox box = new VBox(10, title, hash, hint, another);
        box.setPadding(new Insets(16));
        return box;
    }
}
