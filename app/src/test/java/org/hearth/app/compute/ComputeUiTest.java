package org.hearth.app.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.hearth.app.FxClicks;
import org.hearth.app.desktop.HearthApplication;
import org.hearth.app.desktop.LaunchOptions;
import org.hearth.compute.provider.ProviderPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The share toggle starts the real worker child; tiles and throughput appear; the toggle stops it. */
class ComputeUiTest {

    private static final Path SHOTS = Path.of(System.getProperty("hearth.screenshots", "target/screenshots"));
    private final FxRobot robot = new FxRobot();
    private HearthApplication app;

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    /** The models' lists change on the FX thread; read them there. */
    private static <T> T onFx(java.util.concurrent.Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }

    @Test
    void shareThisMachineRunsVerifiedLocalJobsAndStops() throws Exception {
        Path dataDir = Files.createTempDirectory("hearth-compute-ui");
        Files.createDirectories(SHOTS);
        FxToolkit.registerPrimaryStage();
        app = (HearthApplication) FxToolkit.setupApplication(() -> new HearthApplication(new LaunchOptions(dataDir, null)));
        FxClicks.click(robot, "#nav-compute");
        // the test machine is busy with the build itself: do not wait for idleness
        FxClicks.click(robot, "#policy-idle");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(app.compute().policy.get().onlyWhenIdle());
        assertEquals(app.compute().policy.get().encode(), app.services().settings().get(ComputeModel.POLICY_KEY).orElseThrow(),
                "the policy is stored");

        // before the first sample the charts say so, with no invented scale on the y axis
        for (String chart : java.util.List.of("#compute-render-chart", "#compute-gemm-chart")) {
            Label empty = robot.lookup(chart + "-empty").queryAs(Label.class);
            assertEquals("No samples yet", empty.getText());
            assertTrue(empty.isVisible(), chart);
            assertFalse(robot.lookup(chart).queryAs(javafx.scene.chart.LineChart.class).getYAxis().isTickLabelsVisible(), chart);
        }

        WritableImage idle = WaitForAsyncUtils.asyncFx(() -> robot.window(0).getScene().snapshot(null)).get(10, TimeUnit.SECONDS);
        ImageIO.write(SwingFXUtils.fromFXImage(idle, null), "png", SHOTS.resolve("compute-no-samples.png").toFile());

        FxClicks.click(robot, "#compute-share");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> onFx(() -> app.compute().renderSeries.getData().size() >= 6
                && !app.compute().gemmSeries.getData().isEmpty()));
        assertEquals("Backend: cpu", robot.lookup("#compute-backend").queryAs(Label.class).getText(), "no GPU here: the CPU backend wins");
        assertTrue(onFx(() -> app.compute().backends.stream().anyMatch(b -> b.name().startsWith("cuda") && !b.available())),
                "CUDA is listed with the reason it is not available");
        assertTrue(app.compute().imageProgress.get() > 0);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(robot.lookup("#compute-render-chart-empty").queryAs(Label.class).isVisible(), "samples replace the message");
        assertTrue(robot.lookup("#compute-render-chart").queryAs(javafx.scene.chart.LineChart.class).getYAxis().isTickLabelsVisible());
        assertEquals("Sharing: running local benchmark jobs", robot.lookup("#compute-status").queryAs(Label.class).getText());
        assertTrue(app.services().provider().status().jobs() > 0, "the agent in core ran the jobs the screen shows");
        long workerPid = app.compute().workerPid().orElseThrow();
        // the policy reads this machine through OSHI and says what it sees
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> onFx(() -> app.compute().machine.get() != null));
        String machine = onFx(() -> robot.lookup("#compute-machine").queryAs(Label.class).getText());
        assertTrue(machine.matches("This computer now: other programs use \\d{1,3}% of the CPU; on (mains power|battery)\\."), machine);
        assertEquals("", app.compute().machineUnreadable.get(), "OSHI works on this Linux machine");
        WritableImage shot = WaitForAsyncUtils.asyncFx(() -> robot.window(0).getScene().snapshot(null)).get(10, TimeUnit.SECONDS);
        ImageIO.write(SwingFXUtils.fromFXImage(shot, null), "png", SHOTS.resolve("compute-sharing.png").toFile());

        // Live: the job running now and the agent's log, as the agent in core reported them
        FxClicks.click(robot, "#compute-tab-live .tab-label");
        String job = onFx(() -> robot.lookup("#compute-current-job").queryAs(Label.class).getText());
        assertTrue(job.matches("Local benchmark image, pass \\d+: tile \\d+ of 40"), job);
        assertTrue(onFx(() -> app.compute().log.stream().anyMatch(l -> l.text().startsWith("Worker ready (pid " + workerPid + ")"))),
                "the log view holds the agent's lines from before the screen subscribed too");
        assertEquals(onFx(() -> app.compute().log.size()), onFx(() -> robot.lookup("#compute-log").queryAs(javafx.scene.control.ListView.class).getItems().size()));
        WritableImage live = WaitForAsyncUtils.asyncFx(() -> robot.window(0).getScene().snapshot(null)).get(10, TimeUnit.SECONDS);
        ImageIO.write(SwingFXUtils.fromFXImage(live, null), "png", SHOTS.resolve("compute-live.png").toFile());
        WaitForAsyncUtils.asyncFx(org.hearth.app.shell.Theme.DARK::apply).get();
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage dark = WaitForAsyncUtils.asyncFx(() -> robot.window(0).getScene().snapshot(null)).get(10, TimeUnit.SECONDS);
        ImageIO.write(SwingFXUtils.fromFXImage(dark, null), "png", SHOTS.resolve("compute-live-dark.png").toFile());
        WaitForAsyncUtils.asyncFx(org.hearth.app.shell.Theme.LIGHT::apply).get();

        FxClicks.click(robot, "#compute-share");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> ProcessHandle.of(workerPid).map(h -> !h.isAlive()).orElse(true));
        assertFalse(app.compute().sharing.get());
        assertTrue(onFx(() -> app.compute().log.stream().anyMatch(l -> l.text().startsWith("Worker "))), "the log keeps what happened");
        assertEquals("", onFx(() -> robot.lookup("#compute-machine").queryAs(Label.class).getText()), "nothing stale once sharing stops");
        assertEquals(ProviderPolicy.class, app.compute().policy.get().getClass());
    }
}
