package org.hearth.app.compute;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ResourceBundle;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.hearth.app.control.Labels;
import org.hearth.compute.provider.AgentLog;

/** Live: the job running now with its progress, the image as tiles arrive, throughput, and the agent's log. */
final class LivePane {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private LivePane() {
    }

    static Node create(ResourceBundle text, ComputeModel model, TileCanvas canvas) {
        Label job = new Label();
        job.setId("compute-current-job");
        job.textProperty().bind(javafx.beans.binding.Bindings.when(model.currentJob.isEmpty())
                .then(text.getString("compute.job.none")).otherwise(model.currentJob));
        ProgressBar progress = new ProgressBar();
        progress.setId("compute-progress");
        progress.progressProperty().bind(model.imageProgress);
        progress.setPrefWidth(320);
        VBox image = new VBox(6, Labels.section(text.getString("compute.image")), job, canvas, progress);

        VBox charts = new VBox(6, Labels.section(text.getString("compute.throughput")),
                ThroughputChart.create(text, text.getString("compute.render"), model.renderSeries, text.getString("unit.msamplesPerSecond"), "compute-render-chart"),
                ThroughputChart.create(text, text.getString("compute.gemm"), model.gemmSeries, text.getString("unit.gflops"), "compute-gemm-chart"));
        HBox top = new HBox(24, image, charts);
        HBox.setHgrow(charts, Priority.ALWAYS);

        ListView<AgentLog.Line> log = new ListView<>(model.log);
        log.setId("compute-log");
        log.setPrefHeight(180);
        log.setPlaceholder(new Label(text.getString("compute.log.empty")));
        log.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(AgentLog.Line line, boolean empty) {
                super.updateItem(line, empty);
                setText(empty || line == null ? null : String.format(text.getString("compute.log.line"), TIME.format(line.at()), line.text()));
            }
        });
        // follow the newest line
        model.log.addListener((ListChangeListener<AgentLog.Line>) change -> {
            if (!model.log.isEmpty()) {
                log.scrollTo(model.log.size() - 1);
            }
        });
        return new VBox(14, top, Labels.section(text.getString("compute.log")), log);
    }
}
