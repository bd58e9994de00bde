package org.hearth.app.compute;

import java.util.List;
import java.util.ResourceBundle;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import org.hearth.compute.job.BackendReport;
import org.hearth.compute.job.DeviceInfo;
import org.hearth.compute.provider.DeviceSwitches;

/** The backends the worker found, and a switch per device: only devices left on are offered to the worker. */
final class DevicesPane {

    private DevicesPane() {
    }

    static Node create(ResourceBundle text, ComputeModel model) {
        VBox switches = new VBox(6);
        switches.setId("compute-device-switches");
        Runnable rebuild = () -> switches.getChildren().setAll(switchesFor(text, model));
        model.backends.addListener((ListChangeListener<BackendReport>) change -> rebuild.run());
        rebuild.run();
        javafx.scene.control.Label oneDevice = Wrapped.muted(new javafx.scene.control.Label(text.getString("compute.devices.oneAtATime")));
        return new VBox(8, switches, oneDevice, backendTable(text, model));
    }

    private static List<Node> switchesFor(ResourceBundle text, ComputeModel model) {
        List<Node> boxes = new java.util.ArrayList<>();
        for (BackendReport backend : model.backends) {
            if (!backend.available()) {
                continue;
            }
            for (DeviceInfo device : backend.devices()) {
                String id = DeviceSwitches.id(backend.name(), device);
                CheckBox on = new CheckBox(String.format(text.getString("compute.deviceSwitch"), device.name(), backend.name()));
                on.setId("device-" + backend.name() + "-" + boxes.size());
                on.setSelected(model.choices.devices.get().on(id));
                on.setOnAction(e -> model.setDevices(model.choices.devices.get().with(id, on.isSelected())));
                boxes.add(on);
            }
        }
        if (boxes.isEmpty()) {
            boxes.add(org.hearth.app.control.Labels.muted(text.getString("compute.noBackends")));
        }
        return boxes;
    }

    private static TableView<BackendReport> backendTable(ResourceBundle text, ComputeModel model) {
        TableView<BackendReport> table = new TableView<>(model.backends);
        table.setId("compute-backends");
        table.setPrefHeight(220); // the four backends and the header
        table.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // every backend's row shows, never squeezed to one
        table.setPlaceholder(new Label(text.getString("compute.noBackends")));
        TableColumn<BackendReport, String> name = new TableColumn<>(text.getString("compute.col.backend"));
        name.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().name()));
        TableColumn<BackendReport, String> state = new TableColumn<>(text.getString("compute.col.state"));
        state.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().available()
                ? text.getString("compute.available") : c.getValue().reason()));
        TableColumn<BackendReport, String> devices = new TableColumn<>(text.getString("compute.col.devices"));
        devices.setCellValueFactory(c -> new ReadOnlyStringWrapper(String.join("; ", c.getValue().devices().stream().map(d -> device(text, d)).toList())));
        table.getColumns().setAll(List.of(name, state, devices));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        return table;
    }

    private static String device(ResourceBundle text, DeviceInfo d) {
        return String.format(text.getString("compute.device"), d.name(), d.vendor(), d.computeUnits(), d.memoryBytes() >> 20);
    }

}
