package org.hearth.app.wallet;

import java.util.ResourceBundle;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.hearth.app.control.Labels;
import org.hearth.chain.tx.PreparedTx;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The review screen before signing: network, from, to (checksummed, with its saved label), amount,
 * the most the network fee can be, and the most the whole transaction can cost.
 */
public final class ReviewPane extends VBox {

    public ReviewPane(ResourceBundle text, SendModel model, PreparedTx tx, Runnable onBack) {
        super(14);
        setId("review-pane");
        setPadding(new Insets(16));
        getStyleClass().add("hearth-review");
        Label title = new Label(text.getString("review.title"));
        title.getStyleClass().add("title-3");

        GridPane grid = new GridPane(16, 8);
        int row = 0;
        grid.addRow(row++, Labels.muted(text.getString("review.network")), value("review-network",
                String.format(text.getString("review.networkValue"), tx.chainId())));
        grid.addRow(row++, Labels.muted(text.getString("review.from")), mono("review-from", tx.from()));
        String label = model.labelOf(tx.to());
        grid.addRow(row++, Labels.muted(text.getString("review.to")), mono("review-to", tx.to() + (label.isEmpty() ? "" : "  (" + label + ")")));
        grid.addRow(row++, Labels.muted(text.getString("review.amount")), value("review-amount", SendModel.ethExact(tx.value())));
        grid.addRow(row++, Labels.muted(text.getString("review.maxFee")), value("review-max-fee", SendModel.ethExact(tx.maxNetworkFee())
                + "  (" + tx.gasLimit() + " gas × " + SendModel.gwei(tx.fees().maxFeePerGas()) + ")"));
        Label total = value("review-total", SendModel.ethExact(tx.maxTotal()));
        total.getStyleClass().add("title-4");
        grid.addRow(row++, Labels.muted(text.getString("review.total")), total);
        grid.addRow(row, Labels.muted(text.getString("review.nonce")), value("review-nonce", Long.toString(tx.nonce())));

        Button back = new Button(text.getString("review.back"));
        back.setId("review-back");
        back.setOnAction(e -> onBack.run());
        Button confirm = new Button(text.getString("review.confirm"), new FontIcon("fth-check"));
        confirm.setId("review-confirm");
        confirm.getStyleClass().add("accent");
        confirm.setDefaultButton(true);
        confirm.disableProperty().bind(model.busy);
        confirm.setOnAction(e -> model.confirm());
        Label note = new Label(text.getString("review.note"));
        note.getStyleClass().add("text-muted");
        note.setWrapText(true);
        getChildren().addAll(title, grid, note, new HBox(8, back, confirm));
    }

    private static Label value(String id, String s) {
        Label l = new Label(s);
        l.setId(id);
        return l;
    }

    private static Label mono(String id, String s) {
        Label l = value(id, s);
        l.getStyleClass().add("hearth-mono");
        return l;
    }
}
