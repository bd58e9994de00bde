package org.hearth.app.compute;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ResourceBundle;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.hearth.app.control.CopyableText;
import org.hearth.compute.blob.JobManifest;
import org.hearth.market.requester.ResultReview;

/**
 * The Requests tab's switch for automatic verification and, when it is off, each checked result waiting
 * for the user: what the check found and by when to decide, with Accept and Dispute (each a transaction
 * through the review). The last dispute's evidence id is shown to copy.
 */
final class ManualReviewPane {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofLocalizedTime(FormatStyle.MEDIUM);

    private ManualReviewPane() {
    }

    static Node create(ResourceBundle text, RequestsModel model) {
        CheckBox automatic = new CheckBox(text.getString("requests.automatic"));
        automatic.setId("requests-automatic");
        automatic.selectedProperty().bindBidirectional(model.automatic);
        Label explain = Wrapped.muted(new Label());
        explain.textProperty().bind(javafx.beans.binding.Bindings.when(model.automatic)
                .then(text.getString("requests.automatic.on")).otherwise(text.getString("requests.automatic.off")));
        VBox rows = new VBox(8);
        rows.setId("requests-waiting");
        Runnable fill = () -> rows.getChildren().setAll(model.waiting.stream().map(w -> row(text, model, w)).toList());
        model.waiting.addListener((ListChangeListener<ManualReview.Waiting>) c -> fill.run());
        fill.run();
        Label dispute = Wrapped.muted(new Label());
        dispute.setId("requests-dispute-note");
        dispute.textProperty().bind(model.lastDispute);
        CopyableText evidence = new CopyableText(model.lastEvidence, text.getString("action.copy"));
        evidence.setId("requests-evidence");
        evidence.visibleProperty().bind(model.lastEvidence.isNotEmpty());
        evidence.managedProperty().bind(evidence.visibleProperty());
        dispute.managedProperty().bind(evidence.visibleProperty());
        return new VBox(8, automatic, explain, rows, dispute, evidence);
    }

    private static Node row(ResourceBundle text, RequestsModel model, ManualReview.Waiting w) {
        ResultReview.Finding f = w.finding();
        String what = f.posted().manifest() instanceof JobManifest.Render r
                ? String.format(text.getString("requests.waiting.tile"), f.posted().id(), r.tileX(), r.tileY())
                : String.format(text.getString("requests.waiting.gemm"), f.posted().id());
        String found = String.format(text.getString(f.verdict().ok() ? "requests.waiting.passed" : "requests.waiting.failed"), f.verdict().reason());
        String by = TIME.withZone(ZoneId.systemDefault()).format(Instant.ofEpochSecond(f.reviewDeadline()));
        Label words = new Label(String.format(text.getString("requests.waiting.row"), what, f.provider(), found, by));
        words.setWrapText(true);
        words.setId("requests-waiting-" + f.posted().id());
        HBox.setHgrow(words, Priority.ALWAYS);
        words.setMaxWidth(Double.MAX_VALUE);
        Button accept = new Button(text.getString("requests.accept"));
        accept.setId("requests-accept-" + f.posted().id());
        Button dispute = new Button(text.getString("requests.dispute"));
        dispute.setId("requests-dispute-" + f.posted().id());
        dispute.getStyleClass().add("danger");
        accept.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        dispute.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        accept.setOnAction(e -> {
            accept.setDisable(true);
            dispute.setDisable(true);
            model.decide(w, true);
        });
        dispute.setOnAction(e -> {
            accept.setDisable(true);
            dispute.setDisable(true);
            model.decide(w, false);
        });
        HBox row = new HBox(10, words, accept, dispute);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }
}
