package org.hearth.app.compute;

import atlantafx.base.controls.ToggleSwitch;
import java.util.ResourceBundle;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.hearth.app.control.Labels;
import org.hearth.app.control.ScreenHeader;
import org.hearth.app.shell.Page;
import org.hearth.compute.job.BackendReport;
import org.hearth.compute.job.DeviceInfo;
import org.hearth.compute.provider.MachineState;
import org.hearth.compute.provider.ProviderPolicy;

/** The Compute screen: the share toggle, devices and backends, live throughput, the image, the policy. */
public final class ComputeView {

    private ComputeView() {
    }

    public static Page create(ResourceBundle text, ComputeModel model) {
        ToggleSwitch share = new ToggleSwitch(text.getString("compute.share"));
        share.setId("compute-share");
        share.selectedProperty().bindBidirectional(model.sharing);
        share.selectedProperty().addListener((obs, was, is) -> model.setSharing(is));
        Label status = new Label();
        status.setId("compute-status");
        status.getStyleClass().add("text-muted");
        status.textProperty().bind(model.status);
        Label backend = new Label();
        backend.setId("compute-backend");
        backend.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> model.backend.get().isEmpty()
                ? "" : String.format(text.getString("compute.backend"), model.backend.get()), model.backend));
        HBox top = new HBox(16, share, backend);
        top.setAlignment(Pos.CENTER_LEFT);

        TileCanvas canvas = new TileCanvas();
        // The image is painted only while the screen shows it; the worker's jobs go on regardless.
        javafx.beans.value.ChangeListener<org.hearth.compute.provider.LocalJobLoop.TileDone> paint = (obs, was, tile) -> {
            if (tile != null) {
                canvas.paint(tile);
            }
        };
        javafx.beans.value.ChangeListener<Integer> newImage = (obs, was, is) -> canvas.clear();
        ProgressBar progress = new ProgressBar();
        progress.setId("compute-progress");
        progress.progressProperty().bind(model.imageProgress);
        progress.setPrefWidth(320);
        VBox image = new VBox(6, Labels.section(text.getString("compute.image")), canvas, progress);

        VBox charts = new VBox(6, Labels.section(text.getString("compute.throughput")),
                chart(text, text.getString("compute.render"), model.renderSeries, text.getString("unit.msamplesPerSecond"), "compute-render-chart"),
                chart(text, text.getString("compute.gemm"), model.gemmSeries, text.getString("unit.gflops"), "compute-gemm-chart"));
        HBox live = new HBox(24, image, charts);
        HBox.setHgrow(charts, Priority.ALWAYS);

        VBox box = new VBox(14, new ScreenHeader(text.getString("nav.compute"), text.getString("screen.compute.subtitle")),
                top, status, Labels.section(text.getString("compute.policy")), policy(text, model),
                live, Labels.section(text.getString("compute.devices")), backendTable(text, model));
        box.setPadding(new Insets(24));
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        scroll.setId("compute-screen");
        return new Page() {
            @Override
            public Node view() {
                return scroll;
            }

            @Override
            public void onActivate() {
                model.lastTile.addListener(paint);
                model.imagePass.addListener(newImage);
            }

            @Override
            public void onDeactivate() {
                model.lastTile.removeListener(paint);
                model.imagePass.removeListener(newImage);
            }
        };
    }

    /** A throughput chart; while it has no sample it says so over an empty plot instead of showing an invented scale. */
    private static Node chart(ResourceBundle text, String title, XYChart.Series<Number, Number> series, String unit, String id) {
        // The x axis only counts samples: no labels and no tick marks, so it does not look like a scale.
        NumberAxis x = new NumberAxis();
        x.setTickLabelsVisible(false);
        x.setTickMarkVisible(false);
        x.setMinorTickVisible(false);
        // Half a sample of room at both ends, so the first and last points are not cut in half by the plot's edge.
        x.setAutoRanging(false);
        series.getData().addListener((javafx.collections.ListChangeListener<XYChart.Data<Number, Number>>) change -> {
            if (!series.getData().isEmpty()) {
                x.setLowerBound(series.getData().getFirst().getXValue().doubleValue() - 0.5);
                x.setUpperBound(series.getData().getLast().getXValue().doubleValue() + 0.5);
            }
        });
        NumberAxis y = new NumberAxis();
        y.setLabel(unit);
        y.setMinorTickVisible(false);
        LineChart<Number, Number> chart = new LineChart<>(x, y);
        chart.setTitle(title);
        chart.setLegendVisible(false);
        chart.setCreateSymbols(true);
        chart.setAnimated(false);
        // Sample numbers mean nothing to the user: no vertical grid or zero line to suggest they do.
        chart.setVerticalGridLinesVisible(false);
        chart.setVerticalZeroLineVisible(false);
        chart.getStyleClass().add("throughput-chart");
        // Tall enough that the auto-ranged y axis keeps its upper tick labels (at 170 px only "0" and one more fit).
        chart.setMinHeight(220);
        chart.setPrefSize(460, 220);
        chart.getData().add(series);
        chart.setId(id);
        javafx.beans.binding.BooleanBinding empty = javafx.beans.binding.Bindings.isEmpty(series.getData());
        y.tickLabelsVisibleProperty().bind(empty.not());
        y.tickMarkVisibleProperty().bind(empty.not());
        chart.horizontalGridLinesVisibleProperty().bind(empty.not());
        Label none = new Label(text.getString("compute.noSamples"));
        none.setId(id + "-empty");
        none.getStyleClass().add("text-muted");
        none.visibleProperty().bind(empty);
        none.setMouseTransparent(true);
        return new javafx.scene.layout.StackPane(chart, none);
    }

    private static TableView<BackendReport> backendTable(ResourceBundle text, ComputeModel model) {
        TableView<BackendReport> table = new TableView<>(model.backends);
        table.setId("compute-backends");
        table.setPrefHeight(150);
        table.setPlaceholder(new Label(text.getString("compute.noBackends")));
        TableColumn<BackendReport, String> name = new TableColumn<>(text.getString("compute.col.backend"));
        name.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().name()));
        TableColumn<BackendReport, String> state = new TableColumn<>(text.getString("compute.col.state"));
        state.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().available()
                ? text.getString("compute.available") : c.getValue().reason()));
        TableColumn<BackendReport, String> devices = new TableColumn<>(text.getString("compute.col.devices"));
        devices.setCellValueFactory(c -> new ReadOnlyStringWrapper(String.join("; ", c.getValue().devices().stream().map(d -> device(text, d)).toList())));
        table.getColumns().setAll(java.util.List.of(name, state, devices));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        return table;
    }

    private static String device(ResourceBundle text, DeviceInfo d) {
        return String.format(text.getString("compute.device"), d.name(), d.vendor(), d.computeUnits(), d.memoryBytes() >> 20);
    }

    private static Node policy(ResourceBundle text, ComputeModel model) {
        ProviderPolicy p = model.policy.get();
        CheckBox idle = new CheckBox(text.getString("policy.idle"));
        idle.setId("policy-idle");
        idle.setSelected(p.onlyWhenIdle());
        CheckBox battery = new CheckBox(text.getString("policy.battery"));
        battery.setSelected(p.pauseOnBattery());
        Slider shareSlider = new Slider(10, 100, p.maxSharePercent());
        shareSlider.setId("policy-share");
        shareSlider.setMajorTickUnit(10);
        shareSlider.setSnapToTicks(true);
        shareSlider.setShowTickLabels(true);
        shareSlider.setPrefWidth(300);
        Spinner<Integer> start = new Spinner<>(0, 23, p.startHour());
        Spinner<Integer> end = new Spinner<>(1, 24, p.endHour());
        start.setPrefWidth(80);
        end.setPrefWidth(80);
        Runnable save = () -> model.policy.set(new ProviderPolicy(idle.isSelected(), battery.isSelected(),
                (int) Math.round(shareSlider.getValue()), start.getValue(), end.getValue()));
        idle.setOnAction(e -> save.run());
        battery.setOnAction(e -> save.run());
        shareSlider.valueChangingProperty().addListener((obs, was, is) -> {
            if (!is) {
                save.run();
            }
        });
        start.valueProperty().addListener((obs, was, is) -> save.run());
        end.valueProperty().addListener((obs, was, is) -> save.run());
        GridPane grid = new GridPane(12, 8);
        grid.addRow(0, idle);
        grid.addRow(1, battery);
        HBox shareRow = new HBox(10, new Label(text.getString("policy.share")), shareSlider);
        shareRow.setAlignment(Pos.CENTER_LEFT);
        HBox hoursRow = new HBox(10, new Label(text.getString("policy.hours")), start, new Label(text.getString("policy.hoursTo")), end);
        hoursRow.setAlignment(Pos.CENTER_LEFT);
        grid.addRow(2, shareRow);
        grid.addRow(3, hoursRow);
        Label machine = new Label();
        machine.setId("compute-machine");
        machine.getStyleClass().add("text-muted");
        machine.setWrapText(true);
        machine.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> machineText(text, model),
                model.machine, model.machineUnreadable));
        grid.addRow(4, machine);
        return grid;
    }

    /** What the policy sees: other programs' CPU share and the power, or why it cannot see them. */
    private static String machineText(ResourceBundle text, ComputeModel model) {
        if (!model.machineUnreadable.get().isEmpty()) {
            return String.format(text.getString("policy.machine.unreadable"), model.machineUnreadable.get());
        }
        MachineState state = model.machine.get();
        if (state == null) {
            return "";
        }
        return String.format(text.getString("policy.machine"), Math.round(state.othersBusy() * 100),
                text.getString(state.onBattery() ? "policy.machine.battery" : "policy.machine.mains"));
    }
}
