package org.hearth.app.wallet;

import java.util.ResourceBundle;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.hearth.wallet.hd.AddressScheme;

/**
 * Add an account of the recovery phrase: one of the three path schemes (its next free index) or a
 * path typed by hand, checked as it is typed, with the address it gives shown before adding.
 */
final class AddAccountDialog extends Dialog<ButtonType> {

    private final ButtonType add;

    AddAccountDialog(ResourceBundle text, WalletModel wallet) {
        AddAccountModel model = new AddAccountModel(text, wallet);
        setTitle(text.getString("add.title"));
        setHeaderText(text.getString("add.header"));

        ToggleGroup family = new ToggleGroup();
        VBox choices = new VBox(6);
        for (AddressScheme scheme : AddressScheme.values()) {
            choices.getChildren().add(choice(family, "add-scheme-" + scheme.name().toLowerCase(), scheme,
                    text.getString("scheme." + scheme.name().toLowerCase()) + "   " + scheme.template().replace("{i}", "i")));
        }
        RadioButton custom = choice(family, "add-scheme-custom", null, text.getString("add.custom"));
        choices.getChildren().add(custom);
        // the toggles follow the model (a hand-edited path turns into a custom one) and drive it
        syncToggle(family, model);
        model.scheme.addListener((o, was, is) -> syncToggle(family, model));
        family.selectedToggleProperty().addListener((o, was, is) -> {
            if (is != null) {
                model.scheme.set((AddressScheme) is.getUserData());
            }
        });

        TextField path = new TextField();
        path.setId("add-path");
        path.setPrefColumnCount(28);
        path.getStyleClass().add("hearth-mono");
        path.textProperty().bindBidirectional(model.path);
        Label problem = new Label();
        problem.setId("add-problem");
        problem.getStyleClass().add("danger");
        problem.setWrapText(true);
        problem.textProperty().bind(model.problem);
        collapseWhenEmpty(problem);
        Label note = new Label();
        note.getStyleClass().add("text-muted");
        note.setWrapText(true);
        note.textProperty().bind(model.note);
        collapseWhenEmpty(note);
        Label address = new Label();
        address.setId("add-address");
        address.getStyleClass().add("hearth-mono");
        address.textProperty().bind(model.address);
        TextField label = new TextField();
        label.setId("add-label");
        label.promptTextProperty().bind(model.defaultLabel);

        GridPane form = new GridPane(10, 8);
        form.addRow(0, new Label(text.getString("add.path")), path);
        form.add(problem, 1, 1);
        form.add(note, 1, 2);
        form.addRow(3, new Label(text.getString("add.address")), address);
        form.addRow(4, new Label(text.getString("add.label")), label);
        VBox content = new VBox(12, choices, form);
        content.setPrefWidth(560);
        getDialogPane().setContent(content);
        // A dialog window does not grow when a message line appears; without this the buttons are cut off.
        problem.visibleProperty().addListener((obs, was, is) -> fitWindow());
        note.visibleProperty().addListener((obs, was, is) -> fitWindow());

        add = new ButtonType(text.getString("add.confirm"), ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(ButtonType.CANCEL, add);
        Node confirm = getDialogPane().lookupButton(add);
        confirm.setId("add-confirm");
        confirm.disableProperty().bind(model.ready.not());
        setOnHidden(e -> {
            if (getResult() == add && model.ready.get()) {
                wallet.addAccount(model.chosen(), label.getText().isBlank() ? model.defaultLabel.get() : label.getText());
            }
        });
    }

    private void fitWindow() {
        if (getDialogPane().getScene() != null && getDialogPane().getScene().getWindow() != null) {
            getDialogPane().getScene().getWindow().sizeToScene();
        }
    }

    /** An empty message line takes no room in the form. */
    private static void collapseWhenEmpty(Label label) {
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
    }

    private static RadioButton choice(ToggleGroup group, String id, AddressScheme scheme, String caption) {
        RadioButton button = new RadioButton(caption);
        button.setId(id);
        button.setUserData(scheme);
        button.setToggleGroup(group);
        return button;
    }

    private static void syncToggle(ToggleGroup group, AddAccountModel model) {
        for (Toggle toggle : group.getToggles()) {
            if (toggle.getUserData() == model.scheme.get()) {
                group.selectToggle(toggle);
            }
        }
    }
}
