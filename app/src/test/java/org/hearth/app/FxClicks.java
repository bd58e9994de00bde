package org.hearth.app;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import org.testfx.api.FxRobot;
import org.testfx.util.NodeQueryUtils;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Clicks that read the scene on the FX thread. TestFX's {@code clickOn(query)} checks visibility
 * and bounds on the test thread; bounds are computed lazily, so that races the FX thread's own
 * layout and can corrupt a parent's cached bounds for good (TestFX issue 813: "Index -1 out of bounds"
 * on every later pulse). Here the node is found, checked and measured on the FX thread, and the robot
 * only moves to a screen point and clicks. Also waits until the node is on screen: a dialog's nodes
 * exist before its window shows, and a pane may still be swapping its content.
 */
public final class FxClicks {

    private static final int WAIT_SECONDS = 20;

    private FxClicks() {
    }

    /** Clicks the node once it is on screen and enabled (a disabled button would swallow the click). */
    public static FxRobot click(FxRobot robot, String query) throws Exception {
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS,
                () -> onFx(() -> robot.lookup(query).match(FxClicks::clickable).tryQuery().isPresent()));
        robot.clickOn(onFx(() -> centre(robot.lookup(query).match(FxClicks::clickable).query())));
        return robot;
    }

    public static FxRobot click(FxRobot robot, Node node) throws Exception {
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> onFx(() -> clickable(node)));
        robot.clickOn(onFx(() -> centre(node)));
        return robot;
    }

    private static boolean clickable(Node node) {
        return NodeQueryUtils.isVisible().test(node) && !node.isDisabled();
    }

    public static void untilVisible(FxRobot robot, String query) throws TimeoutException {
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS,
                () -> onFx(() -> robot.lookup(query).match(NodeQueryUtils.isVisible()).tryQuery().isPresent()));
    }

    private static Point2D centre(Node node) {
        Bounds screen = node.localToScreen(node.getBoundsInLocal());
        return new Point2D(screen.getCenterX(), screen.getCenterY());
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> read) throws InterruptedException, ExecutionException {
        return WaitForAsyncUtils.asyncFx(read).get();
    }
}
