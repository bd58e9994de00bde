package org.hearth.app.shell;

import java.util.EnumMap;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.function.Function;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Navigation on the left, the current screen in the middle, the status bar below. Screens are
 * built on first visit ({@code screenFactory}) and kept.
 */
public final class MainWindow {

    private final ResourceBundle text;
    private final Function<Screen, Node> screenFactory;
    private final Map<Screen, Node> built = new EnumMap<>(Screen.class);
    private final Map<Screen, ToggleButton> buttons = new EnumMap<>(Screen.class);
    private final BorderPane root = new BorderPane();

    public MainWindow(ResourceBundle text, Function<Screen, Node> screenFactory, Node statusBar) {
        this.text = text;
        this.screenFactory = screenFactory;
        root.setLeft(navigation());
        root.setBottom(statusBar);
        root.getStyleClass().add("hearth-root");
    }

    public Parent root() {
        return root;
    }

    public void show(Screen screen) {
        buttons.get(screen).setSelected(true);
        root.setCenter(built.computeIfAbsent(screen, screenFactory));
    }

    private Node navigation() {
        Label brand = new Label(text.getString("app.name"), new FontIcon("fth-sunrise"));
        brand.getStyleClass().addAll("title-3", "hearth-brand");
        brand.setPadding(new Insets(4, 8, 16, 8));
        VBox nav = new VBox(4, brand);
        nav.setPadding(new Insets(16, 10, 16, 10));
        nav.setPrefWidth(190);
        nav.getStyleClass().add("hearth-nav");
        ToggleGroup group = new ToggleGroup();
        for (Screen screen : Screen.values()) {
            if (screen == Screen.SETTINGS) {
                Region spacer = new Region();
                VBox.setVgrow(spacer, Priority.ALWAYS);
                nav.getChildren().add(spacer);
            }
            ToggleButton button = new ToggleButton(text.getString("nav." + screen.id()), new FontIcon(screen.icon()));
            button.setId("nav-" + screen.id());
            button.setToggleGroup(group);
            button.setMaxWidth(Double.MAX_VALUE);
            button.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            button.getStyleClass().add("flat");
            button.setOnAction(e -> show(screen));
            // keep one screen selected: clicking the current one again does not deselect it
            button.selectedProperty().addListener((obs, was, is) -> {
                if (!is && group.getSelectedToggle() == null) {
                    button.setSelected(true);
                }
            });
            buttons.put(screen, button);
            nav.getChildren().add(button);
        }
        return nav;
    }
}
