package org.hearth.app.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.hearth.app.FxClicks;
import org.hearth.app.FxScroll;
import org.hearth.app.desktop.HearthApplication;
import org.hearth.app.desktop.LaunchOptions;
import org.hearth.app.shell.Theme;
import org.hearth.app.wallet.WalletModel;
import org.hearth.chain.abi.Abi;
import org.hearth.compute.blob.Cid;
import org.hearth.market.JobState;
import org.hearth.market.requester.JobOutcome;
import org.hearth.testing.DevTx;
import org.hearth.testing.MarketWorld;
import org.hearth.testing.ScriptedProvider;
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
 * A render of a scene file (a malformed file refused with its reason first) with automatic verification off, on anvil with a scripted provider: each checked result waits in the
 * Requests tab; Accept pays the honest tile, Dispute (a tampered tile, whose check failed) disputes it on
 * chain with the evidence document attached, each transaction through the review.
 */
class ComputeManualReviewUiTest {

    private static final Path SHOTS = Path.of(System.getProperty("hearth.screenshots", "target/screenshots"));
    private static final String PASSWORD = "correct horse battery";
    private final FxRobot robot = new FxRobot();
    private HearthApplication app;
    private MarketWorld world;
    private ScriptedProvider provider;

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
        if (provider != null) {
            provider.close();
        }
        if (world != null) {
            world.close();
        }
    }

    private static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }

    @Test
    void eachResultWaitsForTheUsersAcceptOrDisputeWithEvidence() throws Exception {
        Path dir = Files.createTempDirectory("hearth-compute-manual");
        Files.createDirectories(SHOTS);
        Mnemonic phrase = Mnemonic.parse("legal winner thank year wave sausage worth useful legal winner thank yellow");
        String me;
        try (UnlockedVault vault = new WalletService(Vault.inDataDir(dir)).create(PASSWORD.toCharArray(), phrase, "", AddressScheme.BIP44, List.of(0))) {
            me = vault.publicData().accounts().getFirst().address();
        }
        world = MarketWorld.start(dir, me).automine();
        longerReviewWindow(600); // the demo's 20 s leaves a person too little time to look
        provider = new ScriptedProvider(world, DevTx.ACCOUNTS[5], dir.resolve("provider-blobs"));
        provider.register();
        FxToolkit.registerPrimaryStage();
        app = (HearthApplication) FxToolkit.setupApplication(() -> new HearthApplication(new LaunchOptions(dir, world.chain.rpc().endpoint())));
        FxClicks.click(robot, "#nav-wallet");
        FxClicks.click(robot, "#unlock-password").write(PASSWORD);
        FxClicks.click(robot, "#unlock-action");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> app.wallet().state.get() == WalletModel.State.UNLOCKED);
        FxClicks.click(robot, "#nav-compute");
        FxClicks.click(robot, "#compute-tab-requests .tab-label");
        onFx(() -> {
            robot.lookup("#requests-from").queryAs(ComboBox.class).getSelectionModel().select(0);
            return null;
        });
        FxClicks.click(robot, "#requests-automatic");
        RequestsModel model = app.compute().requests(null, null);
        assertFalse(model.automatic.get());
        assertEquals("false", app.services().settings().get(RequestsModel.AUTOMATIC_KEY).orElseThrow(), "the choice is kept");

        // the scene from a file: a malformed one is refused with the reason, before anything is spent
        Path bad = dir.resolve("broken.json");
        Files.writeString(bad, "{\"camera\": {\"position\": [0, 1, 4]");
        Path good = dir.resolve("lone.json");
        String sceneJson = org.hearth.compute.scene.BuiltInScenes.json("lone-sphere");
        Files.writeString(good, sceneJson);
        onFx(() -> {
            robot.lookup("#requests-scene").queryAs(ComboBox.class).getSelectionModel().select(SceneChoice.FILE);
            return null;
        });
        onFx(() -> {
            robot.lookup("#requests-scene-file").queryAs(javafx.scene.control.TextField.class).setText(bad.toString()); // as the file chooser fills it
            return null;
        });
        BigInteger before = world.market.jobCount();
        FxScroll.reveal(robot.lookup("#requests-post").query());
        FxClicks.click(robot, "#requests-post");
        String refused = onFx(() -> robot.lookup("#requests-status").queryAs(Label.class).getText());
        assertTrue(refused.startsWith("The scene file broken.json is not a scene Hearth can render: scene is not valid JSON: "), refused);
        assertTrue(refused.endsWith(". Nothing was posted."), refused);
        assertFalse(onFx(() -> robot.lookup("#review-pane").tryQuery().isPresent()), "no transaction offered");
        assertEquals(before, world.market.jobCount());
        FxScroll.reveal(robot.lookup("#requests-status").query());
        shot("compute-requests-scene-file-bad");
        onFx(() -> {
            robot.lookup("#requests-scene-file").queryAs(javafx.scene.control.TextField.class).setText(good.toString());
            return null;
        });

        long first = world.market.jobCount().longValue() + 1;
        CompletableFuture<Void> work = CompletableFuture.runAsync(() -> {
            try {
                provider.completeWhenPosted(BigInteger.valueOf(first), UnaryOperator.identity());
                provider.completeWhenPosted(BigInteger.valueOf(first + 1), bytes -> new byte[bytes.length]);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        FxScroll.reveal(robot.lookup("#requests-post").query());
        FxClicks.click(robot, "#requests-post");
        // approve and two posts through the review, then the honest tile waits for the user
        confirmUntil(() -> robot.lookup("#requests-accept-" + first).tryQuery().isPresent());
        String waiting = onFx(() -> robot.lookup("#requests-waiting-" + first).queryAs(Label.class).getText());
        assertTrue(waiting.matches("Tile job #" + first + " at \\(0, 0\\) from " + provider.address + ": the check passed \\(.+\\)\\. Decide before .+\\."),
                waiting);
        assertEquals(JobState.SUBMITTED, world.market.jobState(BigInteger.valueOf(first)), "nothing sent before the user decides");
        assertEquals("The result of job #" + first + " is checked and waits for you: accept or dispute it under Checking results.",
                onFx(() -> robot.lookup("#requests-status").queryAs(Label.class).getText()));
        FxScroll.reveal(robot.lookup("#requests-accept-" + first).query());
        shot("compute-requests-manual-waiting");
        WaitForAsyncUtils.asyncFx(Theme.DARK::apply).get();
        shot("compute-requests-manual-waiting-dark");
        WaitForAsyncUtils.asyncFx(Theme.LIGHT::apply).get();
        FxClicks.click(robot, "#requests-accept-" + first);
        confirmUntil(() -> robot.lookup("#requests-dispute-" + (first + 1)).tryQuery().isPresent());
        assertEquals(JobState.SETTLED, world.market.jobState(BigInteger.valueOf(first)), "accepted: the provider is paid");
        String wrong = onFx(() -> robot.lookup("#requests-waiting-" + (first + 1)).queryAs(Label.class).getText());
        assertTrue(wrong.contains(": the check failed: "), wrong);
        FxScroll.reveal(robot.lookup("#requests-dispute-" + (first + 1)).query());
        FxClicks.click(robot, "#requests-dispute-" + (first + 1));
        // the bond's approval (when short), the dispute and the DAO proposal, each through the review
        confirmUntil(() -> !model.busy.get());
        work.get(10, TimeUnit.SECONDS);
        assertEquals(List.of(JobOutcome.Status.ACCEPTED, JobOutcome.Status.DISPUTED),
                onFx(() -> model.tiles.stream().map(t -> t.outcome().status()).toList()));
        assertEquals(JobState.DISPUTED, world.market.jobState(BigInteger.valueOf(first + 1)));
        org.hearth.compute.blob.JobManifest.Render posted = (org.hearth.compute.blob.JobManifest.Render) onFx(() -> model.tiles.getFirst().job().manifest());
        assertEquals(Cid.of(sceneJson.getBytes(java.nio.charset.StandardCharsets.UTF_8)), posted.scene(), "the file's scene was posted");
        String evidence = onFx(model.lastEvidence::get);
        assertEquals(evidence, onFx(() -> robot.lookup("#requests-evidence").queryAs(org.hearth.app.control.CopyableText.class).valueLabel().getText()));
        JsonNode document = new ObjectMapper().readTree(app.compute().market(app.wallet()).blobs().get(Cid.parse(evidence)).orElseThrow());
        assertEquals(Long.toString(first + 1), document.path("jobId").asText());
        assertEquals("hearth.market.dispute", document.path("type").asText());
        assertTrue(onFx(() -> robot.lookup("#requests-dispute-note").queryAs(Label.class).getText())
                .startsWith("Job #" + (first + 1) + " disputed: "));
        FxScroll.reveal(robot.lookup("#requests-evidence").query());
        shot("compute-requests-manual-disputed");
        WaitForAsyncUtils.asyncFx(Theme.DARK::apply).get();
        shot("compute-requests-manual-disputed-dark");
        WaitForAsyncUtils.asyncFx(Theme.LIGHT::apply).get();
    }

    /** Through the timelock (impersonated; a passed proposal in real use): new terms for jobs posted from now. */
    private void longerReviewWindow(long seconds) {
        String timelock = world.market.timelock();
        world.chain.rpc().call("anvil_setBalance", timelock, "0xde0b6b3a7640000");
        world.chain.rpc().call("anvil_impersonateAccount", timelock);
        try {
            world.dev.send(timelock, world.market.address(), BigInteger.ZERO, Abi.encodeCall("setReviewWindow(uint256)", BigInteger.valueOf(seconds)));
        } finally {
            world.chain.rpc().call("anvil_stopImpersonatingAccount", timelock);
        }
    }

    /** Confirms each review shown until {@code done} holds on the FX thread. */
    private void confirmUntil(Callable<Boolean> done) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
        while (!onFx(done)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out; status: " + onFx(() -> app.compute().requests(null, null).status.get()));
            }
            if (onFx(() -> robot.lookup("#review-confirm").tryQuery().map(n -> !n.isDisabled()).orElse(false))) {
                javafx.scene.Node pane = onFx(() -> robot.lookup("#review-pane").query());
                FxClicks.click(robot, "#review-confirm");
                WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> onFx(() -> robot.lookup("#review-pane").tryQuery().map(n -> n != pane).orElse(true)));
            }
            Thread.sleep(200);
        }
    }

    private void shot(String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> robot.window(0).getScene().snapshot(null)).get(10, TimeUnit.SECONDS);
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", SHOTS.resolve(name + ".png").toFile());
    }
}
