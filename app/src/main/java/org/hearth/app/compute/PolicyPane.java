package org.hearth.app.compute;

import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.layout.VBox;
import javafx.scene.layout.HBox;
import org.hearth.compute.provider.MachineState;
import org.hearth.compute.provider.ProviderPolicy;

/** When to share: idle only, battery, share of the time, hours; and what the policy sees of this computer now. */
final class PolicyPane {

    private PolicyPane() {
    }

    static Node create(ResourceBundle text, ComputeModel model) {
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
        start.setId("policy-start");
        Spinner<Integer> end = new Spinner<>(1, 24, p.endHour());
        end.setId("policy-end");
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
        HBox shareRow = new HBox(10, new Label(text.getString("policy.share")), shareSlider);
        shareRow.setAlignment(Pos.CENTER_LEFT);
        HBox hoursRow = new HBox(10, new Label(text.getString("policy.hours")), start, new Label(text.getString("policy.hoursTo")), end);
        hoursRow.setAlignment(Pos.CENTER_LEFT);
        Label hysteresis = new Label(text.getString("policy.hysteresis"));
        Wrapped.muted(hysteresis);
        Label machine = new Label();
        machine.setId("compute-machine");
        Wrapped.muted(machine);
        machine.textProperty().bind(Bindings.createStringBinding(() -> machineText(text, model), model.machine, model.machineUnreadable));
        return new VBox(8, idle, battery, shareRow, hoursRow, hysteresis, machine);
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
