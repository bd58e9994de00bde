package org.hearth.app.control;

import javafx.animation.PauseTransition;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.util.Duration;

/** Copies a secret and clears the clipboard again after a short while, if it still holds that secret. */
public final class SecretClipboard {

    public static final Duration KEEP = Duration.seconds(30);

    private SecretClipboard() {
    }

    public static void copy(String secret) {
        ClipboardContent content = new ClipboardContent();
        content.putString(secret);
        Clipboard.getSystemClipboard().setContent(content);
        PauseTransition clear = new PauseTransition(KEEP);
        clear.setOnFinished(e -> {
            if (secret.equals(Clipboard.getSystemClipboard().getString())) {
                Clipboard.getSystemClipboard().clear();
            }
        });
        clear.play();
    }
}
