package org.hearth.app.review;

import java.util.List;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.hearth.chain.review.ReviewWarning;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The review's warnings, worded from the bundle by key; hidden when there are none. Each warning's
 * label has the id {@code review-warning-<key>} (the key's last part), for tests.
 */
final class WarningsView extends VBox {

    WarningsView(ResourceBundle text, List<ReviewWarning> warnings) {
        super(6);
        setId("review-warnings");
        for (ReviewWarning w : warnings) {
            Label l = new Label(words(text, w), new FontIcon("fth-alert-triangle"));
            l.setId("review-warning-" + w.key().substring(w.key().lastIndexOf('.') + 1));
            l.getStyleClass().add("hearth-review-warning");
            l.setWrapText(true);
            l.setMaxWidth(Double.MAX_VALUE);
            getChildren().add(l);
        }
        setVisible(!warnings.isEmpty());
        setManaged(!warnings.isEmpty());
    }

    /** A key this app version does not know still shows, as the key and its arguments, never silently. */
    private static String words(ResourceBundle text, ReviewWarning w) {
        try {
            return String.format(text.getString(w.key()), w.args().toArray());
        } catch (MissingResourceException e) {
            return w.key() + " " + String.join(" ", w.args());
        }
    }
}
