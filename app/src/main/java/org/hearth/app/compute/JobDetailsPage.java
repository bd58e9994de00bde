package org.hearth.app.compute;

import java.time.Instant;
import java.util.ResourceBundle;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.ImageView;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.hearth.app.control.CopyableText;
import org.hearth.app.control.Labels;
import org.hearth.app.shell.Page;
import org.hearth.compute.blob.BlobStore;
import org.hearth.compute.blob.Cid;
import org.hearth.market.IndexedJob;
import org.web3j.utils.Numeric;
import org.hearth.market.earnings.JobHistory;
import org.hearth.money.Amounts;

/** One job's details: outcome and reason, price and credit, times, and the spec, result and evidence ids to copy. */
final class JobDetailsPage {

    private JobDetailsPage() {
    }

    static Page create(ResourceBundle text, JobHistory.Entry entry, BlobStore store) {
        var job = entry.job();
        String copy = text.getString("action.copy");
        Label title = new Label(String.format(text.getString("job.title"), job.id(), entry.kindName()));
        title.getStyleClass().add("title-3");
        title.setId("job-title");
        GridPane grid = new GridPane(16, 8);
        int row = 0;
        grid.addRow(row++, Labels.muted(text.getString("jobs.col.outcome")), value("job-outcome", JobsPane.outcomeWords(text, job.outcome())));
        grid.addRow(row++, Labels.muted(text.getString("jobs.col.reason")), value("job-reason", job.reason()));
        grid.addRow(row++, Labels.muted(text.getString("jobs.col.requester")), copyable("job-requester", entry.requester(), copy));
        grid.addRow(row++, Labels.muted(text.getString("jobs.col.price")), value("job-price",
                Amounts.formatGrouped(job.price(), ComputeChoices.TOKEN_DECIMALS) + " " + ComputeView.TOKEN_SYMBOL));
        if (job.paid() != null) {
            grid.addRow(row++, Labels.muted(text.getString("job.paid")), value("job-paid",
                    Amounts.formatGrouped(job.paid(), ComputeChoices.TOKEN_DECIMALS) + " " + ComputeView.TOKEN_SYMBOL));
        }
        grid.addRow(row++, Labels.muted(text.getString("jobs.col.claimed")), value("job-claimed",
                JobsPane.WHEN.format(Instant.ofEpochMilli(job.claimedAtMillis()))));
        grid.addRow(row++, Labels.muted(text.getString("jobs.col.updated")), value("job-updated",
                JobsPane.WHEN.format(Instant.ofEpochMilli(job.updatedAtMillis()))));
        grid.addRow(row++, Labels.muted(text.getString("job.spec")), copyable("job-spec", blobId(job.spec()), copy));
        grid.addRow(row++, Labels.muted(text.getString("job.specUrl")), copyable("job-spec-url", job.specUrl(), copy));
        grid.addRow(row++, Labels.muted(text.getString("job.result")), copyable("job-result", job.resultCid() == null ? "" : job.resultCid(), copy));
        String evidence = entry.market().map(IndexedJob::evidence).orElse(null);
        if (evidence != null) {
            grid.addRow(row++, Labels.muted(text.getString("job.evidence")), copyable("job-evidence", evidence, copy));
        }
        ColumnConstraints names = new ColumnConstraints();
        names.setMinWidth(Region.USE_PREF_SIZE); // the names never shrink to "…" beside long ids
        grid.getColumnConstraints().setAll(names, new ColumnConstraints());
        VBox box = new VBox(14, title, grid);
        TileThumbnail.of(job, store).ifPresent(tile -> {
            ImageView view = new ImageView(tile);
            view.setId("job-tile");
            view.setFitWidth(tile.getWidth() * 4); // small tiles: shown enlarged, pixels kept sharp
            view.setPreserveRatio(true);
            view.setSmooth(false);
            box.getChildren().addAll(Labels.section(text.getString("job.tile")), view);
        });
        box.setPadding(new Insets(24));
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        scroll.setId("job-details");
        return Page.of(scroll);
    }

    /** A digest from the chain as the blob id people can fetch (CIDv1); as given when it is not a 32-byte digest. */
    private static String blobId(String digest) {
        try {
            return Cid.fromDigest(Numeric.hexStringToByteArray(digest)).toString();
        } catch (RuntimeException notADigest) {
            return digest;
        }
    }

    private static Node value(String id, String text) {
        Label l = new Label(text);
        l.setId(id);
        l.setWrapText(true);
        return l;
    }

    private static Node copyable(String id, String text, String copy) {
        CopyableText c = new CopyableText(new SimpleStringProperty(text), copy);
        c.setId(id);
        c.valueLabel().setId(id + "-value");
        return c;
    }
}
