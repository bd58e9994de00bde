package org.hearth.app.compute;

import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;

/** A throughput chart; while it has no sample it says so over an empty plot instead of showing an invented scale. */
final class ThroughputChart {

    private ThroughputChart() {
    }

    static Node create(ResourceBundle text, String title, XYChart.Series<Number, Number> series, String unit, String id) {
        // The x axis only counts samples: no labels and no tick marks, so it does not look like a scale.
        NumberAxis x = new NumberAxis();
        x.setTickLabelsVisible(false);
        x.setTickMarkVisible(false);
        x.setMinorTickVisible(false);
        // Half a sample of room at both ends, so the first and last points are not cut in half by the plot's edge.
        x.setAutoRanging(false);
        series.getData().addListener((ListChangeListener<XYChart.Data<Number, Number>>) change -> {
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
        BooleanBinding empty = Bindings.isEmpty(series.getData());
        y.tickLabelsVisibleProperty().bind(empty.not());
        y.tickMarkVisibleProperty().bind(empty.not());
        chart.horizontalGridLinesVisibleProperty().bind(empty.not());
        Label none = new Label(text.getString("compute.noSamples"));
        none.setId(id + "-empty");
        none.getStyleClass().add("text-muted");
        none.visibleProperty().bind(empty);
        none.setMouseTransparent(true);
        return new StackPane(chart, none);
    }
}
