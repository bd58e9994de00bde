package org.hearth.app.review;

import java.util.List;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.hearth.chain.review.ReviewWarning;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The review's warnings, worded from the bundle by key; hidden when there are none. A danger warning
 * (one that can lose the funds at stake) has a check box the user ticks to acknowledge it; until every
 * one is ticked, {@link #acknowledged()} is false. Ids: {@code review-warning-<key>} for the label and
 * {@code review-ack-<key>} for the check box (the key's last part), for tests.
 */
final class WarningsView extends VBox {

    private final BooleanBinding acknowledged;

    WarningsView(ResourceBundle text, List<ReviewWarning> warnings) {
        super(6);
        setId("review-warnings");
        ObservableBooleanValue all = Bindings.createBooleanBinding(() -> true);
        for (ReviewWarning w : warnings) {
            String id = w.key().substring(w.key().lastIndexOf('.') + 1);
            Label l = new Label(words(text, w), new FontIcon(w.isDanger() ? "fth-alert-octagon" : "fth-alert-triangle"));
            l.setId("review-warning-" + id);
            l.getStyleClass().add(w.isDanger() ? "hearth-review-danger" : "hearth-review-warning");
            l.setWrapText(true);
            l.setMaxWidth(Double.MAX_VALUE);
            getChildren().add(l);
            if (w.isDanger()) {
                CheckBox ack = new CheckBox(text.getString("review.acknowledge"));
                ack.setId("review-ack-" + id);
                ack.getStyleClass().add("hearth-review-ack");
                getChildren().add(ack);
                all = Bindings.and(all, ack.selectedProperty());
            }
        }
        ObservableBooleanValue done = all;
        acknowledged = Bindings.createBooleanBinding(done::get, done);
        setVisible(!warnings.isEmpty());
        setManaged(!warnings.isEmpty());
    }

    /** True once every danger warning is ticked (at once when there are none). */
    BooleanBinding acknowledged() {
        return acknowledged;
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
