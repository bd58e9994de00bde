package org.hearth.app.placeholder;

import java.util.ResourceBundle;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.hearth.app.control.ScreenHeader;
import org.hearth.app.shell.Page;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;

/** Says plainly that a screen is not built yet and what it will do. */
public final class ComingSoonView {

    private ComingSoonView() {
    }

    public static Page create(ResourceBundle text, String id, Ikon screenIcon) {
        String key = "screen." + id;
        FontIcon icon = new FontIcon(screenIcon);
        Label notBuilt = new Label(text.getString("comingSoon.notBuilt"));
        notBuilt.getStyleClass().addAll("title-3");
        Label plan = new Label(text.getString(key + ".plan"));
        plan.setWrapText(true);
        plan.setMaxWidth(620);
        plan.getStyleClass().add("text-muted");
        VBox center = new VBox(12, icon, notBuilt, plan);
        center.setAlignment(Pos.CENTER);
        center.setId("coming-" + id);
        center.getStyleClass().add("hearth-coming");
        VBox.setVgrow(center, javafx.scene.layout.Priority.ALWAYS);
        VBox box = new VBox(14, new ScreenHeader(text.getString("nav." + id), text.getString(key + ".subtitle")), center);
        box.setPadding(new Insets(24));
        return Page.of(box);
    }
}
