package org.hearth.app.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.hearth.app.FxClicks;
import org.hearth.app.shell.Screen;
import org.hearth.config.DataDir;
import org.hearth.node.AnvilLocator;
import org.hearth.node.LocalNode;
import org.hearth.node.LocalNodeConfig;
import org.hearth.node.NodeState;
import org.hearth.store.Database;
import org.hearth.store.SettingsRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real window under Xvfb on a real local chain: it opens, the chain comes up behind the
 * progress indicator, every screen opens, and a screenshot of each lands in target/screenshots.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MainWindowUiTest {

    private static Path dataDir;
    private static HearthApplication app;
    private static final FxRobot robot = new FxRobot();
    private static final Path SHOTS = Path.of(System.getProperty("hearth.screenshots", "target/screenshots"));

    @BeforeAll
    static void openWindow() throws Exception {
        dataDir = Files.createTempDirectory("hearth-ui");
        Files.createDirectories(SHOTS);
        Stage stage = FxToolkit.registerPrimaryStage();
        app = (HearthApplication) FxToolkit.setupApplication(() -> new HearthApplication(new LaunchOptions(dataDir, null)));
        assertNotNull(stage);
    }

    @AfterAll
    static void closeWindow() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
        // the app started the node, so closing the app stops it
        assertTrue(new LocalNode(new DataDir(dataDir), AnvilLocator.locate(), LocalNodeConfig.defaults()).running().isEmpty(),
                "the node this window started must stop with it");
        assertTrue(new SettingsRepository(Database.open(dataDir.resolve("hearth.db"))).get("window.width").isPresent(),
                "the window size is remembered");
    }

    @Test
    @Order(1)
    void chainComesUpWithTheDemoWorld() throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> app.chain().state.get() == NodeState.RUNNING
                && app.chain().height.get() != null && app.chain().contracts.size() == org.hearth.node.DemoWorld.CONTRACTS.size() && !app.chain().busy.get());
        Label height = robot.lookup("#node-height").queryAs(Label.class);
        long shown = Long.parseLong(height.getText().replace(",", ""));
        assertTrue(shown >= 0);
        assertEquals(org.hearth.node.DemoWorld.CONTRACTS.size(), robot.lookup("#node-contracts").queryAs(TableView.class).getItems().size());
        Label status = robot.lookup("#status-network").queryAs(Label.class);
        assertTrue(status.getText().contains("31337"), status.getText());
        // the chain keeps mining: the status bar's height moves on
        long before = app.chain().height.get();
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> app.chain().height.get() != null && app.chain().height.get() > before);
        assertTrue(robot.lookup("#status-height").queryAs(Label.class).getText().startsWith("Block"));
    }

    @Test
    @Order(2)
    void everyScreenOpensAndIsPhotographed() throws Exception {
        for (Screen screen : Screen.values()) {
            FxClicks.click(robot, "#nav-" + screen.id());
            WaitForAsyncUtils.waitForFxEvents();
            String marker = switch (screen) {
                case NODE -> "#node-height";
                case SETTINGS -> "#theme-dark";
                case WALLET -> "#wallet-create";
                case COMPUTE -> "#compute-share";
                case GOVERNANCE -> "#governance-proposals";
                case TOKENS -> "#tokens-search";
                case NFTS -> "#nfts-search";
                default -> "#coming-" + screen.id();
            };
            assertTrue(robot.lookup(marker).tryQuery().map(n -> n.isVisible() && n.getScene() != null).orElse(false),
                    screen + " did not show " + marker);
            screenshot(screen.id());
        }
    }

    @Test
    @Order(3)
    void darkThemeIsAppliedAndRemembered() throws Exception {
        FxClicks.click(robot, "#nav-settings");
        FxClicks.click(robot, "#theme-dark");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("DARK", app.services().settings().get("ui.theme").orElseThrow());
        FxClicks.click(robot, "#nav-node");
        WaitForAsyncUtils.waitForFxEvents();
        screenshot("node-dark");
        // The other screens in the dark theme too, so their contrast can be checked by eye.
        for (String screen : java.util.List.of("wallet", "tokens", "nfts", "governance", "compute", "settings")) {
            FxClicks.click(robot, "#nav-" + screen);
            WaitForAsyncUtils.waitForFxEvents();
            screenshot(screen + "-dark");
        }
        FxClicks.click(robot, "#nav-settings");
        FxClicks.click(robot, "#theme-light");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("LIGHT", app.services().settings().get("ui.theme").orElseThrow());
    }

    @Test
    @Order(4)
    void stopAndStartFromTheNodeScreen() throws Exception {
        FxClicks.click(robot, "#nav-node");
        FxClicks.click(robot, "#node-stop");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> app.chain().state.get() == NodeState.STOPPED && !app.chain().busy.get());
        assertFalse(robot.lookup("#node-start").query().isDisabled());
        FxClicks.click(robot, "#node-start");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> app.chain().state.get() == NodeState.RUNNING
                && app.chain().height.get() != null && !app.chain().busy.get());
        assertEquals(org.hearth.node.DemoWorld.CONTRACTS.size(), app.chain().contracts.size(), "same chain (state kept), same contracts");
    }

    private static void screenshot(String name) throws Exception {
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> robot.window(0).getScene().snapshot(null)).get(10, TimeUnit.SECONDS);
        try {
            ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", SHOTS.resolve(name + ".png").toFile());
        } catch (IOException e) {
            throw new AssertionError("cannot save screenshot " + name, e);
        }
        assertTrue(Files.size(SHOTS.resolve(name + ".png")) > 5_000, "screenshot " + name + " is empty");
    }

}
