package org.hearth.app.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.hearth.app.FxClicks;
import org.hearth.app.FxScroll;
import org.hearth.app.desktop.HearthApplication;
import org.hearth.app.desktop.LaunchOptions;
import org.hearth.app.shell.Theme;
import org.hearth.app.wallet.WalletModel;
import org.hearth.compute.provider.AgentStop;
import org.hearth.compute.provider.ProviderAgent;
import org.hearth.market.JobState;
import org.hearth.market.MarketContract;
import org.hearth.market.agent.JobOutcome;
import org.hearth.market.earnings.JobHistory;
import org.hearth.testing.ClaimHold;
import org.hearth.testing.DevTx;
import org.hearth.testing.MarketWorld;
import org.hearth.testing.TestRequester;
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
 * Turning sharing off while the market agent holds a job, on anvil with a requester: the dialog says
 * which job, the time left in its exec window and what releasing costs; "Finish the job, then stop" runs
 * and submits it (then it is paid), "Release it now" stops at once and the job is listed as released.
 */
class ComputeStopUiTest {

    private static final Path SHOTS = Path.of(System.getProperty("hearth.screenshots", "target/screenshots"));
    private static final String PASSWORD = "correct horse battery";
    private static final String REQUESTER = DevTx.ACCOUNTS[4];
    private static final BigInteger PRICE = MarketWorld.HRTH.multiply(BigInteger.valueOf(5));
    private final FxRobot robot = new FxRobot();
    private HearthApplication app;
    private MarketWorld world;
    private TestRequester requester;
    /** Armed, the market loop waits right after a claim (inside its log line), so the job stays held. */
    private final ClaimHold hold = new ClaimHold();

    @AfterEach
    void close() throws Exception {
        hold.release();
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
        if (requester != null) {
            requester.close();
        }
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

    @Test
    void turningSharingOffAsksToFinishOrReleaseTheHeldJob() throws Exception {
        Path dir = Files.createTempDirectory("hearth-compute-stop");
        Files.createDirectories(SHOTS);
        String me;
        Mnemonic phrase = Mnemonic.parse("legal winner thank year wave sausage worth useful legal winner thank yellow");
        try (UnlockedVault vault = new WalletService(Vault.inDataDir(dir)).create(PASSWORD.toCharArray(), phrase, "", AddressScheme.BIP44, List.of(0))) {
            me = vault.publicData().accounts().getFirst().address();
        }
        world = MarketWorld.start(dir, me).automine();
        requester = new TestRequester(world, REQUESTER, dir.resolve("requester-blobs"));
        world.fund(REQUESTER, 1_000);
        FxToolkit.registerPrimaryStage();
        app = (HearthApplication) FxToolkit.setupApplication(() -> new HearthApplication(new LaunchOptions(dir, world.chain.rpc().endpoint())));
        // set up to share as this account (the setup screens have their own test); the agent registers itself
        app.services().settings().put(MarketShareModel.ACCOUNT_KEY, me);
        app.services().provider().subscribe(new ProviderAgent.Listener() {
            @Override
            public void log(String line) {
                hold.onLine(line);
            }
        });
        FxClicks.click(robot, "#nav-wallet");
        FxClicks.click(robot, "#unlock-password").write(PASSWORD);
        FxClicks.click(robot, "#unlock-action");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> app.wallet().state.get() == WalletModel.State.UNLOCKED);
        FxClicks.click(robot, "#nav-compute");
        FxScroll.reveal(robot.lookup("#policy-idle").query());
        FxClicks.click(robot, "#policy-idle"); // the build keeps this machine busy

        // 1. finish: the held job is run and submitted, then sharing stops by itself
        hold.arm();
        share();
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> text("#compute-status").equals("Sharing on the market: taking jobs"));
        TestRequester.Gemm finished = requester.postGemm(32, 32, 32, 21, PRICE, 600, 300);
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> AgentStop.heldJob(app.services().provider()).isPresent());
        assertEquals(finished.id().longValue(), AgentStop.heldJob(app.services().provider()).getAsLong());
        share(); // off
        FxClicks.untilVisible(robot, "#stop-dialog");
        String body = text("#stop-body");
        assertTrue(body.matches("Job #" + finished.id() + " is a matrix product \\(gemm\\) for 5 HRTH, claimed by this machine\\. "
                + "Its exec window has [45] min left\\.\\n\\n(?s).*"), body);
        assertTrue(body.contains("the market gives 5 of your 10 HRTH bond to the requester"), body);
        shotOf("#stop-dialog", "compute-stop-dialog");
        WaitForAsyncUtils.asyncFx(Theme.DARK::apply).get();
        shotOf("#stop-dialog", "compute-stop-dialog-dark");
        WaitForAsyncUtils.asyncFx(Theme.LIGHT::apply).get();
        FxClicks.click(robot, "#stop-finish");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> text("#compute-status").equals(
                "Finishing job #" + finished.id() + ", then sharing stops; no new jobs are claimed."));
        assertTrue(onFx(() -> robot.lookup("#compute-share").query().isDisabled()), "the toggle waits for the job");
        assertTrue(app.services().provider().status().active(), "still running while the job is held");
        shot("compute-stop-finishing");
        TestRequester.Gemm later = requester.postGemm(32, 32, 32, 22, PRICE, 600, 300);
        hold.release();
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> world.market.jobState(finished.id()) == JobState.SUBMITTED);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !app.services().provider().status().active());
        assertEquals(JobState.OPEN, world.market.jobState(later.id()), "nothing new claimed while finishing");
        world.marketCall(REQUESTER, MarketContract.accept(finished.id()));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !onFx(() -> robot.lookup("#compute-share").query().isDisabled()));
        assertFalse(app.compute().sharing.get());

        // 2. release: sharing stops at once, the job is not submitted and is listed as released
        hold.arm();
        share();
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> AgentStop.heldJob(app.services().provider()).isPresent());
        assertEquals(later.id().longValue(), AgentStop.heldJob(app.services().provider()).getAsLong());
        share(); // off
        FxClicks.untilVisible(robot, "#stop-dialog");
        // Cancel first: sharing goes on, the job still held
        FxClicks.click(robot, "#stop-cancel");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> app.compute().sharing.get());
        assertTrue(app.services().provider().status().active());
        share(); // off again
        FxClicks.untilVisible(robot, "#stop-dialog");
        FxClicks.click(robot, "#stop-release");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !app.services().provider().status().active());
        assertEquals(JobState.CLAIMED, world.market.jobState(later.id()), "released: never submitted");

        FxClicks.click(robot, "#compute-tab-jobs .tab-label");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> onFx(() -> outcome(finished.id().longValue()) == JobOutcome.PAID
                && outcome(later.id().longValue()) == JobOutcome.FAILED));
        JobHistory.Entry released = onFx(() -> app.compute().market(app.wallet()).history.stream()
                .filter(e -> e.job().id() == later.id().longValue()).findFirst().orElseThrow());
        assertTrue(released.job().reason().startsWith("released when sharing stopped"), released.job().reason());
        TableView<?> table = robot.lookup("#jobs-table").queryAs(TableView.class);
        FxClicks.click(robot, "#jobs-search").write("released");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> table.getItems().size() == 1));
        onFx(() -> {
            robot.lookup("#jobs-search").queryAs(javafx.scene.control.TextField.class).clear();
            return null;
        });
        shot("compute-stop-jobs");
        WaitForAsyncUtils.asyncFx(Theme.DARK::apply).get();
        shot("compute-stop-jobs-dark");
        WaitForAsyncUtils.asyncFx(Theme.LIGHT::apply).get();
    }

    private void share() throws Exception {
        FxClicks.click(robot, "#compute-tab-share .tab-label");
        FxScroll.reveal(robot.lookup("#compute-share").query());
        FxClicks.click(robot, "#compute-share");
    }

    private JobOutcome outcome(long id) {
        return app.compute().market(app.wallet()).history.stream().filter(e -> e.job().id() == id).map(e -> e.job().outcome()).findFirst()
                .orElse(null);
    }

    private void shot(String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> robot.window(0).getScene().snapshot(null)).get(10, TimeUnit.SECONDS);
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", SHOTS.resolve(name + ".png").toFile());
    }

    private void shotOf(String query, String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Node node = robot.lookup(query).query();
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> node.getScene().snapshot(null)).get(10, TimeUnit.SECONDS);
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", SHOTS.resolve(name + ".png").toFile());
    }
}
