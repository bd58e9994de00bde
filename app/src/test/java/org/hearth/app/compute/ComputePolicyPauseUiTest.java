package org.hearth.app.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.hearth.app.FxClicks;
import org.hearth.app.FxScroll;
import org.hearth.app.desktop.HearthApplication;
import org.hearth.app.desktop.LaunchOptions;
import org.hearth.app.shell.Theme;
import org.hearth.compute.provider.ProviderStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Pause from the policy: while sharing, the schedule is moved off the current hour and the agent pauses
 * (the worker kept, claiming and jobs held) and says why; put back, it resumes once the rules stay clear.
 */
class ComputePolicyPauseUiTest {

    private static final Path SHOTS = Path.of(System.getProperty("hearth.screenshots", "target/screenshots"));
    private final FxRobot robot = new FxRobot();
    private HearthApplication app;

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    private static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }

    private String status() throws Exception {
        return onFx(() -> robot.lookup("#compute-status").queryAs(Label.class).getText());
    }

    @Test
    void theScheduleOffThisHourPausesSharingAndPuttingItBackResumesIt() throws Exception {
        Path dataDir = Files.createTempDirectory("hearth-compute-pause");
        Files.createDirectories(SHOTS);
        FxToolkit.registerPrimaryStage();
        app = (HearthApplication) FxToolkit.setupApplication(() -> new HearthApplication(new LaunchOptions(dataDir, null)));
        FxClicks.click(robot, "#nav-compute");
        FxClicks.click(robot, "#policy-idle"); // the build keeps this machine busy
        app.services().provider().setResumeAfter(Duration.ofSeconds(1)); // the hysteresis itself has its own test in core
        FxScroll.reveal(robot.lookup("#compute-share").query());
        FxClicks.click(robot, "#compute-share");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> app.services().provider().status().jobs() > 0);
        assertEquals("Sharing: running local benchmark jobs", status());
        long pid = app.compute().workerPid().orElseThrow();

        // an hour-long window starting two hours from now: this hour (and the next) are outside it
        int start = (LocalTime.now().getHour() + 2) % 24;
        hours(start, start + 1);
        String paused = "Paused: outside the schedule (" + start + ":00 to " + (start + 1) + ":00)";
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> status().equals(paused));
        assertEquals(ProviderStatus.State.PAUSED, app.services().provider().status().state());
        assertTrue(app.compute().sharing.get(), "a pause is not a stop: the toggle stays on");
        assertEquals(pid, app.compute().workerPid().orElseThrow(), "the worker is kept while paused");
        assertTrue(onFx(() -> app.compute().log.stream().anyMatch(l -> l.text().startsWith("Paused: outside the schedule ("))),
                "the log says why (the first step of the change paused it already)");
        FxScroll.reveal(robot.lookup("#compute-status").query());
        shot("compute-policy-paused");
        WaitForAsyncUtils.asyncFx(Theme.DARK::apply).get();
        shot("compute-policy-paused-dark");
        WaitForAsyncUtils.asyncFx(Theme.LIGHT::apply).get();

        long jobsWhenPaused = app.services().provider().status().jobs();
        hours(0, 24);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> status().equals("Sharing: running local benchmark jobs"));
        assertTrue(onFx(() -> app.compute().log.stream().anyMatch(l -> l.text().equals("Resumed"))));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> app.services().provider().status().jobs() > jobsWhenPaused);
        assertEquals(pid, app.compute().workerPid().orElseThrow());

        FxScroll.reveal(robot.lookup("#compute-share").query());
        FxClicks.click(robot, "#compute-share");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !app.services().provider().status().active());
    }

    /** Sets the schedule through its spinners (each step a valid window; the policy saves on each). */
    @SuppressWarnings("unchecked")
    private void hours(int start, int end) throws Exception {
        FxScroll.reveal(robot.lookup("#policy-start").query());
        onFx(() -> {
            Spinner<Integer> from = robot.lookup("#policy-start").queryAs(Spinner.class);
            Spinner<Integer> to = robot.lookup("#policy-end").queryAs(Spinner.class);
            from.getValueFactory().setValue(start);
            to.getValueFactory().setValue(end);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(start, app.compute().policy.get().startHour());
        assertEquals(end, app.compute().policy.get().endHour());
    }

    private void shot(String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> robot.window(0).getScene().snapshot(null)).get(10, TimeUnit.SECONDS);
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", SHOTS.resolve(name + ".png").toFile());
    }
}
