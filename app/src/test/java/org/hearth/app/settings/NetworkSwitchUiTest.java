package org.hearth.app.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.hearth.app.FxClicks;
import org.hearth.app.desktop.HearthApplication;
import org.hearth.app.desktop.LaunchOptions;
import org.hearth.app.wallet.WalletModel;
import org.hearth.chain.EndpointStatus;
import org.hearth.chain.RpcClient;
import org.hearth.chain.session.ChainSession;
import org.hearth.history.HistoryItem;
import org.hearth.node.NodeState;
import org.hearth.testing.AnvilProcess;
import org.hearth.wallet.WalletService;
import org.hearth.wallet.hd.AddressScheme;
import org.hearth.wallet.mnemonic.Mnemonic;
import org.hearth.wallet.vault.UnlockedVault;
import org.hearth.wallet.vault.Vault;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The whole app: a network of two anvil nodes (chain 31338, the second loaded with the first one's
 * state) is added in Settings (a dead URL refused first), then the app switches between it and the
 * local chain from the status bar; each keeps its own history, and the window title names the network.
 */
class NetworkSwitchUiTest {

    private static final String PASSWORD = "correct horse battery";
    private static final String DEV0 = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";
    private static final Path SHOTS = Path.of(System.getProperty("hearth.screenshots", "target/screenshots"));
    private static final FxRobot robot = new FxRobot();
    private static HearthApplication app;
    private static Stage stage;
    private static String account;
    private static AnvilProcess first;
    private static AnvilProcess second;

    @BeforeAll
    static void open() throws Exception {
        Path dataDir = Files.createTempDirectory("hearth-network-ui");
        Files.createDirectories(SHOTS);
        first = AnvilProcess.start(31338, dataDir.resolve("first.log"));
        second = AnvilProcess.start(31338, dataDir.resolve("second.log"));
        first.copyStateTo(second);
        Mnemonic phrase = Mnemonic.parse("abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about");
        try (UnlockedVault vault = new WalletService(Vault.inDataDir(dataDir)).create(PASSWORD.toCharArray(), phrase, "", AddressScheme.BIP44, List.of(0))) {
            account = vault.publicData().accounts().getFirst().address();
        }
        stage = FxToolkit.registerPrimaryStage();
        app = (HearthApplication) FxToolkit.setupApplication(() -> new HearthApplication(new LaunchOptions(dataDir, null)));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> app.chain().state.get() == NodeState.RUNNING && !app.chain().busy.get()
                && session() != null);
        FxClicks.click(robot, "#nav-wallet");
        FxClicks.click(robot, "#unlock-password").write(PASSWORD);
        FxClicks.click(robot, "#unlock-action");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> app.wallet().state.get() == WalletModel.State.UNLOCKED);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !history().isEmpty()); // the demo world's funding on the local chain
    }

    @AfterAll
    static void close() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
        first.close();
        second.close();
    }

    @Test
    void addANetworkThenSwitchBackAndForthEachWithItsOwnHistory() throws Exception {
        Set<String> localHistory = history();
        assertEquals("Hearth \u2014 Local chain", title());

        // add in Settings: a dead URL is refused with its reason and nothing is saved
        FxClicks.click(robot, "#nav-settings");
        FxClicks.click(robot, "#settings-network-add");
        fill("#network-form-name", "Pair");
        fill("#network-form-chain-id", "31338");
        fillArea("http://127.0.0.1:9\n" + second.url());
        FxClicks.click(robot, "#network-form-save");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !label("#network-form-error").isEmpty());
        assertEquals("http://127.0.0.1:9 does not answer: nothing was saved.", label("#network-form-error"));
        assertEquals(1, app.chain().networks().list().size());
        screenshot("settings-network-refused");

        fillArea(first.url() + "\n" + second.url());
        FxClicks.click(robot, "#network-form-save");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> app.chain().networks().byName("Pair").isPresent());

        // switch from the status bar
        FxClicks.click(robot, "#nav-wallet");
        switchTo("Pair");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> session() != null && session().chainId() == 31338 && !app.chain().busy.get());
        assertEquals("Hearth \u2014 Pair", title());
        assertTrue(label("#status-network").startsWith("Pair"), label("#status-network"));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> history().isEmpty()); // nothing of the local chain's history shows here

        String paid;
        try (RpcClient rpc = new RpcClient(first.url())) {
            paid = rpc.call("eth_sendTransaction", Map.of("from", DEV0, "to", account, "value", "0xde0b6b3a7640000")).asText();
        }
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> history().contains(paid));
        assertEquals(Set.of(paid), history(), "the network's own history: one payment");
        FxClicks.click(robot, "#tab-history");
        screenshot("wallet-network-light");

        FxClicks.click(robot, "#nav-node");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> endpoints().size() == 2 && endpoints().stream().allMatch(e -> e.head() != null));
        screenshot("node-network-light");

        // back to the local chain: its history at once, without the network's payment
        switchTo("Local chain");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> session() != null && session().isLocal() && !app.chain().busy.get());
        FxClicks.click(robot, "#nav-wallet");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> history().containsAll(localHistory));
        assertFalse(history().contains(paid));
        assertEquals("Hearth \u2014 Local chain", title());

        // and to the network again, in the dark theme, after its first node died
        FxClicks.click(robot, "#nav-settings");
        FxClicks.click(robot, "#theme-dark");
        first.kill();
        switchTo("Pair");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> session() != null && session().chainId() == 31338 && !app.chain().busy.get());
        FxClicks.click(robot, "#nav-wallet");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> history().contains(paid));
        FxClicks.click(robot, "#tab-history");
        screenshot("wallet-network-dark");
        FxClicks.click(robot, "#nav-node");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> endpoints().size() == 2
                && endpoints().get(0).state() == EndpointStatus.State.FAILING && endpoints().get(1).state() == EndpointStatus.State.HEALTHY);
        assertTrue(endpoints().get(0).problem().startsWith("node unreachable"), endpoints().get(0).problem());
        screenshot("node-network-dark");
        FxClicks.click(robot, "#nav-settings");
        FxClicks.click(robot, "#theme-light");
    }

    /** Clicks the network name in the status bar and picks {@code name} from the menu. */
    private static void switchTo(String name) throws Exception {
        FxClicks.click(robot, "#status-network");
        FxClicks.click(robot, "#network-item-" + name.replaceAll("[^A-Za-z0-9]", "-"));
    }

    private static Set<String> history() {
        try {
            return WaitForAsyncUtils.asyncFx(() -> robot.lookup("#history-list").tryQuery()
                    .map(n -> ((ListView<?>) n).getItems().stream().map(i -> ((HistoryItem) i).hash()).collect(Collectors.toSet()))
                    .orElse(Set.of())).get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<EndpointStatus> endpoints() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> List.copyOf(((TableView<EndpointStatus>) robot.lookup("#node-endpoints").query()).getItems())).get();
    }

    private static ChainSession session() {
        return app.chain().currentSession().orElse(null);
    }

    private static String title() throws Exception {
        return WaitForAsyncUtils.asyncFx(stage::getTitle).get();
    }

    private static void fill(String query, String value) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> robot.lookup(query).queryAs(TextField.class).setText(value)).get();
    }

    private static void fillArea(String value) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> robot.lookup("#network-form-urls").queryAs(TextArea.class).setText(value)).get();
    }

    private static String label(String query) {
        try {
            return WaitForAsyncUtils.asyncFx(() -> robot.lookup(query).tryQuery().map(n -> ((Label) n).getText()).orElse("")).get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void screenshot(String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> robot.window(0).getScene().snapshot(null)).get(10, TimeUnit.SECONDS);
        try {
            ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", SHOTS.resolve(name + ".png").toFile());
        } catch (IOException e) {
            throw new AssertionError("cannot save screenshot " + name, e);
        }
        assertTrue(Files.size(SHOTS.resolve(name + ".png")) > 5_000, "screenshot " + name + " is empty");
    }
}
