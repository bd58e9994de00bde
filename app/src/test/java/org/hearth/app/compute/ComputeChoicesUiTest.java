package org.hearth.app.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.hearth.app.FxClicks;
import org.hearth.app.FxScroll;
import org.hearth.app.desktop.HearthApplication;
import org.hearth.app.desktop.LaunchOptions;
import org.hearth.app.shell.Theme;
import org.hearth.compute.energy.ElectricityPrice;
import org.hearth.compute.energy.EnergyLedger;
import org.hearth.compute.provider.ComputeLimits;
import org.hearth.compute.provider.ProviderSettings;
import org.hearth.compute.provider.ProviderStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The sharing choices on this GPU-less machine: the GPU limit says plainly it cannot apply, limits and
 * the electricity price are stored for core, the estimate grows from real running time, and switching
 * off the only device stops sharing with the reason.
 */
class ComputeChoicesUiTest {

    private static final Path SHOTS = Path.of(System.getProperty("hearth.screenshots", "target/screenshots"));
    private final FxRobot robot = new FxRobot();
    private HearthApplication app;

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }

    private String text(String id) throws Exception {
        return onFx(() -> robot.lookup(id).queryAs(Label.class).getText());
    }

    @Test
    void limitsPriceEstimateAndDeviceSwitches() throws Exception {
        Path dataDir = Files.createTempDirectory("hearth-compute-choices");
        Files.createDirectories(SHOTS);
        FxToolkit.registerPrimaryStage();
        app = (HearthApplication) FxToolkit.setupApplication(() -> new HearthApplication(new LaunchOptions(dataDir, null)));
        ProviderSettings stored = new ProviderSettings(app.services().settings());
        FxClicks.click(robot, "#nav-compute");
        FxClicks.click(robot, "#policy-idle"); // the build keeps this machine busy

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !text("#limit-gpu-now").isEmpty());
        assertEquals("The GPU temperature cannot be read here (no NVIDIA driver: libnvidia-ml.so.1 is not installed), so the GPU limit does not apply.",
                text("#limit-gpu-now"));
        String cpu = text("#limit-cpu-now");
        assertTrue(cpu.matches("CPU now: \\d+ °C") || cpu.equals("The CPU temperature cannot be read here "
                + "(the operating system reports no CPU temperature on this machine), so the CPU limit does not apply."), cpu);

        FxScroll.reveal(robot.lookup("#limit-gpu").query());
        FxClicks.click(robot, "#limit-gpu");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(new ComputeLimits(80, 0), stored.limits());
        assertEquals(new ComputeLimits(80, 0), app.services().provider().limits(), "the agent in core has the limit");

        TextField price = robot.lookup("#electricity-price").queryAs(TextField.class);
        FxScroll.reveal(price);
        FxClicks.click(robot, price);
        robot.eraseText(price.getText().length() + 2).write("0,5x").type(javafx.scene.input.KeyCode.ENTER);
        assertEquals("Not a price: use digits and one decimal point", text("#electricity-price-error"));
        robot.eraseText(1).type(javafx.scene.input.KeyCode.ENTER);
        assertEquals("", text("#electricity-price-error"));
        assertEquals(new ElectricityPrice(new BigInteger("500000000000000000")), stored.pricePerKwh(), "0,5 read exactly, decimal comma too");
        onFx(() -> {
            robot.lookup("#electricity-watts").queryAs(Spinner.class).getValueFactory().setValue(3600);
            return null;
        });
        assertEquals(3600, stored.powerWatts());

        FxScroll.reveal(robot.lookup("#compute-share").query());
        FxClicks.click(robot, "#compute-share");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> app.services().provider().status().jobs() >= 2);
        // a device switch per device the worker found: here only the CPU
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> onFx(() -> robot.lookup("#device-cpu-0").tryQuery().isPresent()));
        CheckBox cpuSwitch = robot.lookup("#device-cpu-0").queryAs(CheckBox.class);
        FxScroll.reveal(cpuSwitch);
        assertTrue(cpuSwitch.isSelected());
        Thread.sleep(6000); // some seconds of work for the meter to count
        FxClicks.click(robot, cpuSwitch);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> onFx(() -> !app.compute().sharing.get()
                && text("#compute-status").startsWith("Every device is switched off")));
        assertEquals(ProviderStatus.State.STOPPED, app.services().provider().status().state());
        assertFalse(stored.devices().on(cpuSwitch.getText().isEmpty() ? "" : "cpu/" + app.compute().backends.stream()
                .filter(b -> b.name().equals("cpu")).findFirst().orElseThrow().devices().getFirst().name()));

        // 3,600 W for every second of work at 0.5 HRTH per kWh: 0.5 HRTH per hour, booked in core's ledger
        long microJoules = new EnergyLedger(app.services().database()).totalMicroJoules();
        assertTrue(microJoules >= 3_600_000L * 5_000, "at least five seconds at 3,600 W: " + microJoules);
        String expected = String.format("Estimated electricity in the last 30 days: %s HRTH for %,d Wh over 0 h 00 min of work.",
                org.hearth.money.Amounts.formatGrouped(stored.pricePerKwh().cost(microJoules), 18), microJoules / 3_600_000_000L);
        assertTrue(expected.matches(".*: 0\\.00\\d+ HRTH for \\d+ Wh.*"), expected);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> text("#electricity-estimate").equals(expected));

        FxClicks.click(robot, onFx(() -> robot.lookup("#device-cpu-0").queryAs(CheckBox.class)));
        FxScroll.reveal(robot.lookup("#compute-share").query());
        FxClicks.click(robot, "#compute-share");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> app.services().provider().status().state() == ProviderStatus.State.RUNNING);
        shot("compute-choices");
        FxScroll.reveal(robot.lookup("#electricity-estimate").query());
        shot("compute-electricity");
        WaitForAsyncUtils.asyncFx(Theme.DARK::apply).get();
        shot("compute-choices-dark");
        WaitForAsyncUtils.asyncFx(Theme.LIGHT::apply).get();
        FxScroll.reveal(robot.lookup("#compute-share").query());
        FxClicks.click(robot, "#compute-share");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> app.services().provider().status().state() == ProviderStatus.State.STOPPED);
    }

    private void shot(String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> robot.window(0).getScene().snapshot(null)).get(10, TimeUnit.SECONDS);
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", SHOTS.resolve(name + ".png").toFile());
    }
}
