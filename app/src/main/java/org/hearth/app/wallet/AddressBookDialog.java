package org.hearth.app.wallet;

import java.util.ResourceBundle;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.hearth.store.AddressBookRepository;

/** The address book: saved recipients by label (the send form accepts a label in place of an address). */
final class AddressBookDialog extends Dialog<Void> {

    AddressBookDialog(ResourceBundle text, AddressBookRepository book) {
        setTitle(text.getString("book.title"));
        setHeaderText(text.getString("book.header"));
        ObservableList<AddressBookRepository.Entry> entries = FXCollections.observableArrayList(book.all());
        TableView<AddressBookRepository.Entry> table = new TableView<>(entries);
        table.setId("book-table");
        TableColumn<AddressBookRepository.Entry, String> label = new TableColumn<>(text.getString("book.label"));
        label.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().label()));
        TableColumn<AddressBookRepository.Entry, String> address = new TableColumn<>(text.getString("book.address"));
        address.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().address()));
        address.setPrefWidth(360);
        table.getColumns().setAll(java.util.List.of(label, address));
        table.setPrefSize(560, 240);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);

        TextField newLabel = new TextField();
        newLabel.setId("book-new-label");
        newLabel.setPromptText(text.getString("book.label"));
        TextField newAddress = new TextField();
        newAddress.setId("book-new-address");
        newAddress.setPromptText("0x…");
        newAddress.setPrefColumnCount(26);
        Label error = new Label();
        error.getStyleClass().add("danger");
        Button add = new Button(text.getString("book.save"));
        add.setId("book-save");
        add.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        add.setOnAction(e -> {
            try {
                book.save(newAddress.getText().strip(), newLabel.getText(), "");
                entries.setAll(book.all());
                newLabel.clear();
                newAddress.clear();
                error.setText("");
            } catch (IllegalArgumentException ex) {
                error.setText(org.hearth.app.desktop.Messages.describe(ex));
            }
        });
        Button remove = new Button(text.getString("book.remove"));
        remove.setId("book-remove");
        remove.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> {
            book.delete(table.getSelectionModel().getSelectedItem().address());
            entries.setAll(book.all());
        });
        getDialogPane().setContent(new VBox(8, table, new HBox(8, newLabel, newAddress, add), new HBox(8, remove), error));
        getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
    }
}
