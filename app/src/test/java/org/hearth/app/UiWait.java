package org.hearth.app;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.testfx.api.FxRobot;
import org.testfx.util.NodeQueryUtils;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Waits until a node can be clicked: on screen, in a showing window. A node can exist before its
 * window is up (dialogs) or a pane can still be swapping its content; a loaded CI machine clicked
 * into both too early.
 */
public final class UiWait {

    private UiWait() {
    }

    public static void untilVisible(FxRobot robot, String query) throws TimeoutException {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> robot.lookup(query).match(NodeQueryUtils.isVisible()).tryQuery().isPresent());
    }
}
