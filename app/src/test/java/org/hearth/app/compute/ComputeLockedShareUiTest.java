package org.hearth.app.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.hearth.app.FxClicks;
import org.hearth.app.FxScroll;
import org.hearth.app.desktop.HearthApplication;
import org.hearth.app.desktop.LaunchOptions;
import org.hearth.app.shell.Theme;
import org.hearth.app.wallet.WalletModel;
import org.hearth.compute.provider.ProviderStatus;
import org.hearth.testing.MarketWorld;
import org.hearth.wallet.WalletService;
import org.hearth.wallet.hd.AddressScheme;
import org.hearth.wallet.mnemonic.Mnemonic;
import org.hearth.wallet.vault.UnlockedVault;
import org.hearth.wallet.vault.Vault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Set up to share on the market (anvil, demo world) but the wallet locked: turning sharing on does not
 * fall back to local jobs; the Share tab says why and offers the unlock; local benchmark jobs run only
 * after the user ticks that choice; unlocking from the Share tab clears the notice.
 */
class ComputeLockedShareUiTest {

    private static final Path SHOTS = Path.of(System.getProperty("hearth.screenshots", "target/screenshots"));
    private static final String PASSWORD = "correct horse battery";
    private final FxRobot robot = new FxRobot();
    private HearthApplication app;
    private MarketWorld world;

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
        if (world != null) {
            world.close();
        }
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }

    private String text(String id) throws Exception {
        return onFx(() -> robot.lookup(id).tryQuery().map(n -> ((Label) n).getText()).orElse(""));
    }

    private boolean visible(String id) throws Exception {
        return onFx(() -> robot.lookup(id).tryQuery().map(n -> n.isVisible() && n.getParent().isVisible()).orElse(false));
    }

    @Test
    void lockedWalletSaysSoAndRunsLocalJobsOnlyWhenChosen() throws Exception {
        Path dir = Files.createTempDirectory("hearth-compute-locked");
        Files.createDirectories(SHOTS);
        String me;
        Mnemonic phrase = Mnemonic.parse("legal winner thank year wave sausage worth useful legal winner thank yellow");
        try (UnlockedVault vault = new WalletService(Vault.inDataDir(dir)).create(PASSWORD.toCharArray(), phrase, "", AddressScheme.BIP44, List.of(0))) {
            me = vault.publicData().accounts().getFirst().address();
        }
        world = MarketWorld.start(dir, me);
        FxToolkit.registerPrimaryStage();
        app = (HearthApplication) FxToolkit.setupApplication(() -> new HearthApplication(new LaunchOptions(dir, world.chain.rpc().endpoint())));
        app.services().settings().put(MarketShareModel.ACCOUNT_KEY, me); // set up before, as after a restart
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> app.wallet().state.get() == WalletModel.State.LOCKED);

        FxClicks.click(robot, "#nav-compute");
        FxScroll.reveal(robot.lookup("#policy-idle").query());
        FxClicks.click(robot, "#policy-idle"); // the build keeps this machine busy
        assertTrue(visible("#market-locked-share"));
        assertEquals("Sharing on the market needs the wallet unlocked: your market account signs each claim and result. "
                + "While the wallet is locked, sharing does not start.", text("#market-locked-share"));

        FxScroll.reveal(robot.lookup("#compute-share").query());
        FxClicks.click(robot, "#compute-share");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Not sharing: market sharing needs the wallet unlocked (see the Share tab).", text("#compute-status"));
        assertFalse(onFx(() -> app.compute().sharing.get()));
        assertEquals(ProviderStatus.State.STOPPED, app.services().provider().status().state(), "no silent fallback to local jobs");
        FxScroll.reveal(robot.lookup("#market-locked-share").query());
        shot("compute-locked-share");
        WaitForAsyncUtils.asyncFx(Theme.DARK::apply).get();
        shot("compute-locked-share-dark");
        WaitForAsyncUtils.asyncFx(Theme.LIGHT::apply).get();

        // the user chooses local benchmark jobs while locked: now sharing starts, off the market
        FxClicks.click(robot, "#market-local-while-locked");
        FxScroll.reveal(robot.lookup("#compute-share").query());
        FxClicks.click(robot, "#compute-share");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> app.services().provider().status().jobs() > 0);
        assertFalse(onFx(() -> app.compute().onMarket.get()), "local benchmark jobs, not the market");
        FxClicks.click(robot, "#compute-share");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !app.services().provider().status().active());

        // unlock right from the Share tab: the notice goes
        FxScroll.reveal(robot.lookup("#market-unlock-password").query());
        FxClicks.click(robot, "#market-unlock-password").write(PASSWORD);
        FxClicks.click(robot, "#market-unlock");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> app.wallet().state.get() == WalletModel.State.UNLOCKED);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !visible("#market-locked-share"));
    }

    private void shot(String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> robot.window(0).getScene().snapshot(null)).get(10, TimeUnit.SECONDS);
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", SHOTS.resolve(name + ".png").toFile());
    }
}
