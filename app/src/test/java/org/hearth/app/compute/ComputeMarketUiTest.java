package org.hearth.app.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.hearth.app.FxClicks;
import org.hearth.app.FxScroll;
import org.hearth.app.desktop.HearthApplication;
import org.hearth.app.desktop.LaunchOptions;
import org.hearth.app.shell.Theme;
import org.hearth.app.wallet.WalletModel;
import org.hearth.market.JobState;
import org.hearth.market.MarketContract;
import org.hearth.market.agent.JobOutcome;
import org.hearth.market.earnings.JobHistory;
import org.hearth.money.Amounts;
import org.hearth.node.DemoWorld;
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
 * Sharing on the market from the Compute screen, on anvil with the demo world and a requester posting
 * jobs: set up (minimum stake shown, attestation preview, approve and register through the review), turn
 * sharing on, a job claimed, run, accepted and paid and listed with its reason, earnings updated; a second
 * job disputed, shown with its evidence on the details page.
 */
class ComputeMarketUiTest {

    private static final Path SHOTS = Path.of(System.getProperty("hearth.screenshots", "target/screenshots"));
    private static final String PASSWORD = "correct horse battery";
    private static final String REQUESTER = DevTx.ACCOUNTS[4];
    private static final BigInteger PRICE = MarketWorld.HRTH.multiply(BigInteger.valueOf(5));
    private static final BigInteger FEE = PRICE.multiply(BigInteger.valueOf(DemoWorld.MARKET_FEE_BPS)).divide(BigInteger.valueOf(10_000));
    private final FxRobot robot = new FxRobot();
    private HearthApplication app;
    private MarketWorld world;
    private TestRequester requester;

    @AfterEach
    void close() throws Exception {
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
        return onFx(() -> robot.lookup(id).tryQuery().map(n -> ((Label) n).getText()).orElse("")); // "" while another page shows
    }

    @Test
    void shareOnTheMarketEarnAndSeeEachJobsReason() throws Exception {
        Path dir = Files.createTempDirectory("hearth-compute-market");
        Files.createDirectories(SHOTS);
        String me;
        Mnemonic phrase = Mnemonic.parse("legal winner thank year wave sausage worth useful legal winner thank yellow");
        try (UnlockedVault vault = new WalletService(Vault.inDataDir(dir)).create(PASSWORD.toCharArray(), phrase, "", AddressScheme.BIP44, List.of(0))) {
            me = vault.publicData().accounts().getFirst().address();
        }
        world = MarketWorld.start(dir, me).automine(); // the demo world funds the wallet's account with ETH and HRTH
        requester = new TestRequester(world, REQUESTER, dir.resolve("requester-blobs"));
        world.fund(REQUESTER, 1_000);
        FxToolkit.registerPrimaryStage();
        app = (HearthApplication) FxToolkit.setupApplication(() -> new HearthApplication(new LaunchOptions(dir, world.chain.rpc().endpoint())));
        FxClicks.click(robot, "#nav-wallet");
        FxClicks.click(robot, "#unlock-password").write(PASSWORD);
        FxClicks.click(robot, "#unlock-action");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> app.wallet().state.get() == WalletModel.State.UNLOCKED);

        FxClicks.click(robot, "#nav-compute");
        FxScroll.reveal(robot.lookup("#policy-idle").query());
        FxClicks.click(robot, "#policy-idle"); // the build keeps this machine busy
        assertEquals("Turn on sharing once (local benchmark jobs) so Hearth can measure this machine for its device attestation.",
                text("#market-attestation"));
        // once on local benchmark jobs: the worker measures this machine for the attestation
        FxScroll.reveal(robot.lookup("#compute-share").query());
        FxClicks.click(robot, "#compute-share");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> app.services().provider().status().jobs() > 0);
        FxClicks.click(robot, "#compute-share");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !app.services().provider().status().active());
        assertTrue(text("#market-attestation").matches("This machine will attest: backend cpu, device .+, [\\d,]+ MiB, [\\d.]+ GFLOP/s measured\\."),
                text("#market-attestation"));

        ComboBox<?> account = robot.lookup("#market-account").queryAs(ComboBox.class);
        onFx(() -> {
            account.getSelectionModel().select(0);
            return null;
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !text("#market-terms").isEmpty());
        assertEquals("The market's minimum stake is 100 HRTH; this account holds 10,000 HRTH. Fee 2.50%; taking stake back waits 1 min after unstaking.",
                text("#market-terms"));
        assertEquals("100", onFx(() -> robot.lookup("#market-stake").queryAs(TextField.class).getText()), "the minimum stake filled in");
        shot("compute-market-setup");

        FxScroll.reveal(robot.lookup("#market-join").query());
        FxClicks.click(robot, "#market-join");
        // first the token approval, then the registration, each through the one review
        FxClicks.untilVisible(robot, "#review-pane");
        shot("compute-market-review-approve");
        FxClicks.click(robot, "#review-confirm");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> onFx(() -> robot.lookup("#review-pane").tryQuery().isPresent()
                && robot.lookup("#review-confirm").tryQuery().map(n -> !n.isDisabled()).orElse(false)) && world.market.allowance(me).signum() > 0);
        shot("compute-market-review-register");
        FxClicks.click(robot, "#review-confirm");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> world.market.provider(me).registered());
        assertEquals(DemoWorld.MARKET_MIN_STAKE, world.market.provider(me).stake());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> text("#market-joined").startsWith("Sharing on the market as " + me));
        assertEquals(me, app.services().settings().get(MarketShareModel.ACCOUNT_KEY).orElseThrow());

        // sharing now takes market jobs
        FxScroll.reveal(robot.lookup("#compute-share").query());
        FxClicks.click(robot, "#compute-share");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> text("#compute-status").equals("Sharing on the market: taking jobs"));
        TestRequester.Gemm paid = requester.postGemm(48, 40, 32, 11, PRICE, 600, 120);
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> world.market.jobState(paid.id()) == JobState.SUBMITTED);
        world.marketCall(REQUESTER, MarketContract.accept(paid.id()));

        BigInteger tile = requester.postRender(32, 24, 16, 12, 4, PRICE, 600, 120);
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> world.market.jobState(tile) == JobState.SUBMITTED);
        world.marketCall(REQUESTER, MarketContract.accept(tile));

        TestRequester.Gemm disputed = requester.postGemm(48, 40, 32, 12, PRICE, 600, 120);
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> world.market.jobState(disputed.id()) == JobState.SUBMITTED);
        String evidence = "0x" + "e1".repeat(32);
        world.marketCall(REQUESTER, MarketContract.dispute(disputed.id(), org.web3j.utils.Numeric.hexStringToByteArray(evidence)));

        // Live: the job the agent holds, from the market loop's own lines
        FxClicks.click(robot, "#compute-tab-live .tab-label");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> text("#compute-current-job").startsWith("Job #" + disputed.id() + ": "));
        assertTrue(onFx(() -> app.compute().log.stream().anyMatch(l -> l.text().startsWith("Job #" + paid.id() + ": "))));
        shot("compute-market-live");
        FxClicks.click(robot, "#compute-tab-jobs .tab-label");
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> onFx(() -> outcome(paid.id().longValue()) == JobOutcome.PAID
                && outcome(tile.longValue()) == JobOutcome.PAID && outcome(disputed.id().longValue()) == JobOutcome.DISPUTED));
        TableView<?> table = robot.lookup("#jobs-table").queryAs(TableView.class);
        assertEquals(3, onFx(() -> table.getItems().size()));

        // the render job's details show the tile this machine rendered
        FxClicks.click(robot, "#jobs-search").write("render");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> table.getItems().size() == 1));
        onFx(() -> {
            table.getSelectionModel().select(0);
            return null;
        });
        FxClicks.click(robot, "#jobs-details");
        FxClicks.untilVisible(robot, "#job-tile");
        javafx.scene.image.Image rendered = onFx(() -> robot.lookup("#job-tile").queryAs(javafx.scene.image.ImageView.class).getImage());
        assertEquals(16, (int) rendered.getWidth());
        assertEquals(12, (int) rendered.getHeight());
        shot("compute-market-job-tile");
        onFx(() -> app.navigator().back());
        onFx(() -> {
            robot.lookup("#jobs-search").queryAs(TextField.class).clear();
            return null;
        });
        JobHistory.Entry paidRow = onFx(() -> app.compute().market(app.wallet()).history.stream()
                .filter(e -> e.job().id() == paid.id().longValue()).findFirst().orElseThrow());
        assertTrue(paidRow.job().reason().startsWith("accepted by the requester"), paidRow.job().reason());
        assertEquals(REQUESTER.toLowerCase(java.util.Locale.ROOT), paidRow.requester().toLowerCase(java.util.Locale.ROOT));
        shot("compute-market-jobs");

        // search and filter
        FxClicks.click(robot, "#jobs-search").write("disput");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> table.getItems().size() == 1));
        // the disputed job's details, with the evidence to copy
        onFx(() -> {
            table.getSelectionModel().select(0);
            return null;
        });
        FxClicks.click(robot, "#jobs-details");
        FxClicks.untilVisible(robot, "#job-details");
        assertEquals("Disputed", text("#job-outcome"));
        assertEquals(evidence, text("#job-evidence-value"));
        assertTrue(text("#job-result-value").startsWith("bafkrei"), text("#job-result-value"));
        shot("compute-market-job-disputed");
        WaitForAsyncUtils.asyncFx(Theme.DARK::apply).get();
        shot("compute-market-job-disputed-dark");
        WaitForAsyncUtils.asyncFx(Theme.LIGHT::apply).get();
        assertTrue(text("#job-spec-value").startsWith("bafkrei"), "the input id as a blob id anyone can fetch: " + text("#job-spec-value"));
        onFx(() -> app.navigator().back());

        // earnings: the paid job, net of the electricity estimate, exact
        FxClicks.click(robot, "#compute-tab-earnings .tab-label");
        String earned = Amounts.formatGrouped(PRICE.subtract(FEE).multiply(BigInteger.TWO), 18);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> text("#earnings-earned").startsWith(earned));
        assertTrue(text("#earnings-disputed").startsWith(Amounts.formatGrouped(PRICE, 18)), text("#earnings-disputed"));
        assertTrue(text("#earnings-fees").startsWith(Amounts.formatGrouped(FEE.multiply(BigInteger.TWO), 18)), text("#earnings-fees"));
        shot("compute-market-earnings");
        WaitForAsyncUtils.asyncFx(Theme.DARK::apply).get();
        shot("compute-market-earnings-dark");
        WaitForAsyncUtils.asyncFx(Theme.LIGHT::apply).get();

        FxClicks.click(robot, "#compute-tab-share .tab-label");
        FxScroll.reveal(robot.lookup("#compute-share").query());
        FxClicks.click(robot, "#compute-share");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !app.services().provider().status().active());
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
}
