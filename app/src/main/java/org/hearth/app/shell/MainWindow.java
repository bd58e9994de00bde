package org.hearth.app.shell;

import java.util.EnumMap;
import java.util.Map;
import java.util.ResourceBundle;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Navigation on the left, the current page in the middle (with a Back button over nested pages),
 * the status bar below. Which page is shown, and which is active, is the {@link Navigator}'s job.
 */
public final class MainWindow {

    private final ResourceBundle text;
    private final ScreenContext context;
    private final Map<Screen, ToggleButton> buttons = new EnumMap<>(Screen.class);
    private final BorderPane root = new BorderPane();
    private final BorderPane centre = new BorderPane();
    private final Navigator<Screen> navigator = new Navigator<>(centre::setCenter);

    public MainWindow(ScreenContext context, Node statusBar) {
        this.text = context.text();
        this.context = context;
        root.setLeft(navigation());
        root.setCenter(centre);
        root.setBottom(statusBar);
        root.getStyleClass().add("hearth-root");
        centre.setTop(backBar());
    }

    public Parent root() {
        return root;
    }

    public Navigator<Screen> navigator() {
        return navigator;
    }

    public void show(Screen screen) {
        buttons.get(screen).setSelected(true);
        navigator.show(screen, () -> screen.create(context));
    }

    /** A count beside a screen's navigation item, hidden while {@code count} is empty. */
    public void badge(Screen screen, javafx.beans.value.ObservableValue<String> count) {
        Label badge = new Label();
        badge.setId("nav-badge-" + screen.id());
        badge.getStyleClass().add("hearth-badge");
        badge.textProperty().bind(count);
        badge.visibleProperty().bind(badge.textProperty().isNotEmpty());
        badge.setMouseTransparent(true);
        ToggleButton button = buttons.get(screen);
        VBox nav = (VBox) button.getParent();
        int at = nav.getChildren().indexOf(button);
        javafx.scene.layout.StackPane item = new javafx.scene.layout.StackPane(button, badge);
        javafx.scene.layout.StackPane.setAlignment(badge, Pos.CENTER_RIGHT);
        javafx.scene.layout.StackPane.setMargin(badge, new Insets(0, 8, 0, 0));
        nav.getChildren().add(at, item);
    }

    /** Pages rest while the window is minimised or hidden. */
    public void follow(Stage stage) {
        Runnable update = () -> navigator.setWindowShown(stage.isShowing() && !stage.isIconified());
        stage.showingProperty().addListener(o -> update.run());
        stage.iconifiedProperty().addListener(o -> update.run());
        update.run();
    }

    private Node backBar() {
        Button back = new Button(text.getString("nav.back"), new FontIcon("fth-arrow-left"));
        back.setId("nav-back");
        back.getStyleClass().add("flat");
        back.setOnAction(e -> navigator.back());
        VBox bar = new VBox(back);
        bar.setPadding(new Insets(12, 24, 0, 24));
        bar.visibleProperty().bind(navigator.canGoBackProperty());
        bar.managedProperty().bind(navigator.canGoBackProperty());
        return bar;
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
        boolean spaced = false;
        for (Screen screen : Screen.values()) {
            if (screen.atBottom() && !spaced) {
                Region spacer = new Region();
                VBox.setVgrow(spacer, Priority.ALWAYS);
                nav.getChildren().add(spacer);
                spaced = true;
            }
            ToggleButton button = new ToggleButton(text.getString("nav." + screen.id()), new FontIcon(screen.icon()));
            button.setId("nav-" + screen.id());
            button.setToggleGroup(group);
            button.setMaxWidth(Double.MAX_VALUE);
            button.setAlignment(Pos.CENTER_LEFT);
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
