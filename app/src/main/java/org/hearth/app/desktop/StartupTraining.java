package org.hearth.app.desktop;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * The training run that records the start-up cache ({@code ./hearth} after a build, with
 * {@value #PROPERTY}): the window opens as usual, draws its first frames and the app quits, so the
 * JVM writes the classes the start-up needed into its ahead-of-time cache. Invisible while it runs.
 */
final class StartupTraining {

    static final String PROPERTY = "hearth.exitAfterFirstFrame";

    /** Frames drawn before quitting: the first ones also load the CSS and rendering classes. */
    private static final int FRAMES = 3;

    private StartupTraining() {
    }

    static void attach(Stage stage) {
        if (!Boolean.getBoolean(PROPERTY)) {
            return;
        }
        stage.setOpacity(0);
        String title = stage.getTitle();
        stage.titleProperty().unbind(); // the window's title follows the network; the training run's is its own
        stage.setTitle(title + " (start-up training)"); // not the window bench/startup.sh waits for
        new AnimationTimer() {
            private int frames;

            @Override
            public void handle(long now) {
                if (++frames >= FRAMES) {
                    stop();
                    Platform.exit();
                }
            }
        }.start();
    }
}
