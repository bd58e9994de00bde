package org.hearth.app.tokens;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.hearth.app.control.ScreenHeader;
import org.hearth.app.shell.Page;

/** Every standing approval of the account, over all its tokens and collections, pushed over the portfolio. */
final class ApprovalsPage implements Page {

    private final VBox root;
    private final ApprovalsPane pane;

    ApprovalsPage(TokenContext context) {
        pane = new ApprovalsPane(context, a -> true);
        VBox.setVgrow(pane, Priority.ALWAYS);
        root = new VBox(12, new ScreenHeader(context.text().getString("tokens.approvals.title"),
                context.text().getString("tokens.approvals.subtitle")), pane);
        root.setPadding(new Insets(24));
    }

    ApprovalsPane pane() {
        return pane;
    }

    @Override
    public Node view() {
        return root;
    }

    @Override
    public void onActivate() {
        pane.reload();
    }

    @Override
    public void onDeactivate() {
        // one-off reads only
    }
}
