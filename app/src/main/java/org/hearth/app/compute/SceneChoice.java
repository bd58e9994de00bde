package org.hearth.app.compute;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ResourceBundle;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.stage.FileChooser;
import org.hearth.compute.scene.BuiltInScenes;
import org.hearth.compute.scene.Scene;
import org.hearth.compute.scene.SceneException;

/**
 * The scene of a render request: one of the built-in scenes, or a Hearth scene file (JSON, as
 * {@code hearth market post render --scene FILE} takes), read and checked before anything is spent.
 */
final class SceneChoice {

    /** The combo's entry for a scene file. */
    static final String FILE = "file";
    /** The largest scene file read, as the CLI's limit. */
    static final long MAX_BYTES = 64 * 1024;

    /** Why a chosen scene cannot be used, worded for the user. */
    static final class Unusable extends Exception {
        Unusable(String message) {
            super(message);
        }
    }

    final ComboBox<String> scene = new ComboBox<>();
    final TextField file = new TextField();
    final HBox fileRow;
    private final ResourceBundle text;

    SceneChoice(ResourceBundle text) {
        this.text = text;
        scene.setId("requests-scene");
        scene.getItems().addAll(BuiltInScenes.IDS);
        scene.getItems().add(FILE);
        scene.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(String id) {
                return id == null ? "" : text.getString(FILE.equals(id) ? "requests.sceneFile" : "scene." + id);
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        });
        scene.getSelectionModel().selectFirst();
        file.setId("requests-scene-file");
        file.setPrefColumnCount(28);
        file.setPromptText(text.getString("requests.sceneFile.prompt"));
        Button choose = new Button(text.getString("requests.choose"));
        choose.setId("requests-scene-choose");
        choose.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(text.getString("requests.sceneFile.type"), "*.json"));
            File picked = chooser.showOpenDialog(choose.getScene().getWindow());
            if (picked != null) {
                file.setText(picked.toString());
            }
        });
        fileRow = new HBox(10, new Label(text.getString("requests.sceneFile.label")), file, choose);
        fileRow.setAlignment(Pos.CENTER_LEFT);
        fileRow.visibleProperty().bind(scene.valueProperty().isEqualTo(FILE));
        fileRow.managedProperty().bind(fileRow.visibleProperty());
    }

    /** The chosen scene's JSON, checked as providers will check it. */
    String json() throws Unusable {
        if (!FILE.equals(scene.getValue())) {
            return BuiltInScenes.json(scene.getValue());
        }
        String name = file.getText().strip();
        if (name.isEmpty()) {
            throw new Unusable(text.getString("requests.sceneFile.none"));
        }
        Path path = Path.of(name);
        String json;
        try {
            if (Files.size(path) > MAX_BYTES) {
                throw new Unusable(String.format(text.getString("requests.sceneFile.tooLarge"), path.getFileName(), MAX_BYTES / 1024));
            }
            json = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new Unusable(String.format(text.getString("requests.sceneFile.unreadable"), path.getFileName(),
                    e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
        try {
            Scene.parse(json);
        } catch (SceneException e) {
            throw new Unusable(String.format(text.getString("requests.sceneFile.bad"), path.getFileName(), e.getMessage()));
        }
        return json;
    }
}
