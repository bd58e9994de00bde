package org.hearth.app.compute;

import java.util.ResourceBundle;
import java.util.function.IntConsumer;
import java.util.function.ToIntFunction;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.hearth.compute.provider.ComputeLimits;
import org.hearth.compute.provider.SharingGate;
import org.hearth.compute.thermal.ThermalReading;

/** Temperature limits for the GPU (NVML) and the CPU (OSHI), each with what is read now or why nothing can be. */
final class LimitsPane {

    private static final int SUGGESTED = 80;

    private LimitsPane() {
    }

    static Node create(ResourceBundle text, ComputeModel model) {
        ComputeChoices c = model.choices;
        Node gpu = row(text, "gpu", c.limits.get().gpuMaxCelsius(),
                v -> c.limits.set(new ComputeLimits(v, c.limits.get().cpuMaxCelsius())));
        Node cpu = row(text, "cpu", c.limits.get().cpuMaxCelsius(),
                v -> c.limits.set(new ComputeLimits(c.limits.get().gpuMaxCelsius(), v)));
        Label gpuNow = reading(text, model, "gpu", r -> r.hottestGpu().orElse(-1), ThermalReading::gpuUnavailable);
        Label cpuNow = reading(text, model, "cpu", r -> r.cpu().orElse(-1), ThermalReading::cpuUnavailable);
        Label margin = new Label(String.format(text.getString("limits.margin"), SharingGate.COOL_MARGIN));
        Wrapped.muted(margin);
        return new VBox(6, gpu, gpuNow, cpu, cpuNow, margin);
    }

    /** "Pause when the GPU reaches [80] °C": off means no limit (stored as 0). */
    private static Node row(ResourceBundle text, String which, int current, IntConsumer store) {
        CheckBox on = new CheckBox(text.getString("limits." + which));
        on.setId("limit-" + which);
        on.setSelected(current > 0);
        Spinner<Integer> celsius = new Spinner<>(ComputeLimits.LOWEST, ComputeLimits.HIGHEST, current > 0 ? current : SUGGESTED);
        celsius.setId("limit-" + which + "-celsius");
        celsius.setPrefWidth(80);
        celsius.disableProperty().bind(on.selectedProperty().not());
        Runnable save = () -> store.accept(on.isSelected() ? celsius.getValue() : 0);
        on.setOnAction(e -> save.run());
        celsius.valueProperty().addListener((obs, was, is) -> save.run());
        HBox row = new HBox(10, on, celsius, new Label(text.getString("unit.celsius")));
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private static Label reading(ResourceBundle text, ComputeModel model, String which,
                                 ToIntFunction<ThermalReading> celsius, java.util.function.Function<ThermalReading, String> why) {
        Label now = new Label();
        now.setId("limit-" + which + "-now");
        Wrapped.muted(now);
        now.textProperty().bind(Bindings.createStringBinding(() -> {
            ThermalReading r = model.thermal.get();
            if (r == null) {
                return "";
            }
            int c = celsius.applyAsInt(r);
            return c >= 0 ? String.format(text.getString("limits." + which + ".now"), c)
                    : String.format(text.getString("limits." + which + ".none"), why.apply(r));
        }, model.thermal));
        return now;
    }
}
