package org.hearth.app.shell;

import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.hearth.store.SettingsRepository;

/** Remembers the window's size and position between runs; ignores a position now off-screen. */
public final class WindowGeometry {

    private static final double DEFAULT_WIDTH = 1180;
    private static final double DEFAULT_HEIGHT = 760;

    private WindowGeometry() {
    }

    public static void restore(Stage stage, SettingsRepository settings) {
        double w = Math.max(800, settings.getDouble("window.width", DEFAULT_WIDTH));
        double h = Math.max(560, settings.getDouble("window.height", DEFAULT_HEIGHT));
        stage.setWidth(w);
        stage.setHeight(h);
        double x = settings.getDouble("window.x", Double.NaN);
        double y = settings.getDouble("window.y", Double.NaN);
        if (!Double.isNaN(x) && !Double.isNaN(y) && !Screen.getScreensForRectangle(new Rectangle2D(x, y, 40, 40)).isEmpty()) {
            stage.setX(x);
            stage.setY(y);
        }
        stage.setMaximized(settings.get("window.maximized").map(Boolean::parseBoolean).orElse(false));
    }

    public static void save(Stage stage, SettingsRepository settings) {
        settings.put("window.maximized", Boolean.toString(stage.isMaximized()));
        if (!stage.isMaximized()) {
            settings.put("window.width", Double.toString(stage.getWidth()));
            settings.put("window.height", Double.toString(stage.getHeight()));
            settings.put("window.x", Double.toString(stage.getX()));
            settings.put("window.y", Double.toString(stage.getY()));
        }
    }
}
