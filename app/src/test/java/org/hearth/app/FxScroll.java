package org.hearth.app;

import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ScrollPane;
import org.testfx.util.WaitForAsyncUtils;

/** Scrolls the nearest scroll pane so a node lies in its viewport, as a user would before clicking it. */
public final class FxScroll {

    private FxScroll() {
    }

    public static void reveal(Node node) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            Parent p = node.getParent();
            while (p != null && !(p instanceof ScrollPane)) {
                p = p.getParent();
            }
            if (p instanceof ScrollPane scroll) {
                Node content = scroll.getContent();
                Bounds inContent = content.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
                double room = content.getBoundsInLocal().getHeight() - scroll.getViewportBounds().getHeight();
                if (room > 0) {
                    double target = inContent.getMinY() - scroll.getViewportBounds().getHeight() / 3;
                    scroll.setVvalue(Math.clamp(target / room, 0, 1) * (scroll.getVmax() - scroll.getVmin()) + scroll.getVmin());
                }
            }
            return null;
        }).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
