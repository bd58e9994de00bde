package org.hearth.app.review;

import java.util.List;
import java.util.ResourceBundle;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.hearth.app.control.AddressLabel;
import org.hearth.app.control.AddressNames;
import org.hearth.app.control.AmountLabel;
import org.hearth.app.control.Labels;
import org.hearth.chain.review.DecodedCall;
import org.hearth.chain.review.ReviewArgument;
import org.hearth.chain.review.TxReview;

/**
 * The decoded call of a review: the target's token kind and symbol, the function, its arguments
 * (addresses as address labels, token amounts as amount labels, the rest as text), or the raw data
 * when the call is unknown.
 */
final class CallView extends VBox {

    /** Values longer than this (big byte strings) are cut in the grid; the raw data stays complete below. */
    private static final int MAX_VALUE_CHARS = 600;

    CallView(ResourceBundle text, TxReview review, AddressNames names) {
        super(8);
        DecodedCall call = review.call();
        getChildren().add(Labels.section(text.getString("review.call")));
        if (!review.targetName().isEmpty()) {
            Label name = ReviewPane.value("review-target-name", review.targetName());
            name.getStyleClass().add("text-bold");
            getChildren().add(name);
        }
        if (review.target().standard() != org.hearth.chain.review.TokenInfo.Standard.NONE) {
            String kind = text.getString("review.token." + review.target().standard().name().toLowerCase());
            String symbol = review.target().symbol();
            getChildren().add(ReviewPane.value("review-token", symbol.isEmpty() ? kind : kind + " · " + symbol));
        }
        if (call.isKnown()) {
            Label function = ReviewPane.value("review-function", call.function().name());
            function.getStyleClass().addAll("title-4", "hearth-mono");
            Label signature = Labels.muted(call.function().signature());
            signature.setId("review-signature");
            Label source = Labels.muted(text.getString(call.source() == DecodedCall.Source.SHIPPED_ABI
                    ? "review.source.abi" : "review.source.table"));
            source.setId("review-call-source");
            getChildren().addAll(new HBox(10, function, signature), source, arguments(text, review.arguments(), names));
        } else {
            getChildren().add(ReviewPane.value("review-function", text.getString("review.unknownFunction")));
        }
        if (!call.isKnown() || !call.argumentsDecoded()) {
            TextArea raw = new TextArea(call.data());
            raw.setId("review-data");
            raw.setEditable(false);
            raw.setWrapText(true);
            raw.setPrefRowCount(3);
            raw.getStyleClass().add("hearth-mono");
            getChildren().addAll(Labels.muted(text.getString("review.rawData")), raw);
        }
    }

    private static GridPane arguments(ResourceBundle text, List<ReviewArgument> args, AddressNames names) {
        GridPane grid = new GridPane(16, 6);
        grid.setId("review-arguments");
        for (int i = 0; i < args.size(); i++) {
            ReviewArgument a = args.get(i);
            String name = a.name().isEmpty() ? String.format(text.getString("review.argument"), i + 1) : a.name();
            Label caption = Labels.muted(name + " (" + a.type() + ")");
            caption.setId("review-arg-name-" + i);
            Node value = valueNode(text, a, names, "review-arg-" + i);
            if (!a.innerCalls().isEmpty()) {
                VBox withCalls = new VBox(4, value);
                for (int c = 0; c < a.innerCalls().size(); c++) {
                    Label inner = Labels.muted("\u21b3 " + a.innerCalls().get(c).text());
                    inner.setId("review-arg-" + i + "-call-" + c);
                    inner.getStyleClass().add("hearth-mono");
                    inner.setWrapText(true);
                    inner.setMaxWidth(560);
                    withCalls.getChildren().add(inner);
                }
                value = withCalls;
            }
            GridPane.setValignment(caption, javafx.geometry.VPos.BASELINE); // long values wrap; the caption stays on their first line
            grid.addRow(i, caption, value);
        }
        return grid;
    }

    private static Node valueNode(ResourceBundle text, ReviewArgument a, AddressNames names, String id) {
        if (a.tokenAmount() != null) {
            AmountLabel amount = new AmountLabel(a.tokenAmount().units(), a.tokenAmount().decimals(), a.tokenAmount().symbol())
                    .withUnlimitedText(text.getString("review.unlimited"));
            amount.setId(id);
            return amount;
        }
        if (a.isAddress()) {
            return new AddressLabel((String) a.value(), names, true, text.getString("action.copy")).withIds(id);
        }
        String shown = new org.hearth.chain.abi.AbiValue(a.name(), a.type(), a.value()).text();
        Label value = ReviewPane.value(id, shown.length() <= MAX_VALUE_CHARS ? shown : shown.substring(0, MAX_VALUE_CHARS) + "…");
        value.setWrapText(true);
        value.setMaxWidth(560);
        value.getStyleClass().add("hearth-mono");
        return value;
    }
}
