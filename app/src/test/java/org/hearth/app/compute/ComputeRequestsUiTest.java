package org.hearth.app.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.hearth.app.FxClicks;
import org.hearth.app.desktop.HearthApplication;
import org.hearth.app.desktop.LaunchOptions;
import org.hearth.app.shell.Theme;
import org.hearth.app.wallet.WalletModel;
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
 * The Requests tab on anvil: the wallet's account posts a render of a built-in scene as two tile jobs, every
 * transaction through the review; a provider returns one tile honestly and one tampered: the first is
 * verified and accepted, the second disputed; the canvas marks both; with every tile good the PNG is saved.
 */
class ComputeRequestsUiTest {

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

    private static <T> T onFx(java.util.concurrent.Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }

    @Test
    void postARenderSeeTilesVerifiedOrDisputedAndSaveThePng() throws Exception {
        Path dir = Files.createTempDirectory("hearth-compute-requests");
        Files.createDirectories(SHOTS);
        Mnemonic phrase = Mnemonic.parse("legal winner thank year wave sausage worth useful legal winner thank yellow");
        String me;
        try (UnlockedVault vault = new WalletService(Vault.inDataDir(dir)).create(PASSWORD.toCharArray(), phrase, "", AddressScheme.BIP44, List.of(0))) {
            me = vault.publicData().accounts().getFirst().address();
        }
        world = MarketWorld.start(dir, me).automine();
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

        // the provider: the first tile honest, the second all black (tampered)
        long first = world.market.jobCount().longValue() + 1;
        UnaryOperator<byte[]> tamper = bytes -> new byte[bytes.length];
        CompletableFuture<Void> work = CompletableFuture.runAsync(() -> {
            try {
                provider.completeWhenPosted(BigInteger.valueOf(first), UnaryOperator.identity());
                provider.completeWhenPosted(BigInteger.valueOf(first + 1), tamper);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        FxClicks.click(robot, "#requests-post");
        // approve, two posts, then the accept and the dispute (and its proposal): each through the review
        int reviewed = 0;
        RequestsModel model = app.compute().requests(null, null);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
        while (onFx(() -> model.busy.get() || model.tiles.isEmpty()) && System.nanoTime() < deadline) {
            if (onFx(() -> robot.lookup("#review-confirm").tryQuery().map(n -> !n.isDisabled()).orElse(false))) {
                if (reviewed == 0) {
                    shot("compute-requests-review");
                }
                confirmOne();
                reviewed++;
            }
            Thread.sleep(200);
        }
        work.get(10, TimeUnit.SECONDS);
        assertTrue(reviewed >= 4, "approve, two posts and the accept at least: " + reviewed);
        List<JobOutcome.Status> outcomes = onFx(() -> model.tiles.stream().map(t -> t.outcome().status()).toList());
        assertEquals(List.of(JobOutcome.Status.ACCEPTED, JobOutcome.Status.DISPUTED), outcomes);
        assertEquals(JobState.SETTLED, world.market.jobState(BigInteger.valueOf(first)));
        assertEquals(JobState.DISPUTED, world.market.jobState(BigInteger.valueOf(first + 1)));
        assertEquals("2 of 2 tiles reviewed, 1 verified and accepted.", onFx(() -> robot.lookup("#requests-status").queryAs(Label.class).getText()));
        assertTrue(onFx(() -> robot.lookup("#requests-save").query().isDisabled()), "half an image is not saved");
        shot("compute-requests-disputed");
        WaitForAsyncUtils.asyncFx(Theme.DARK::apply).get();
        shot("compute-requests-disputed-dark");
        WaitForAsyncUtils.asyncFx(Theme.LIGHT::apply).get();

        // a second request, both tiles honest: the image is whole and saved as PNG
        long next = world.market.jobCount().longValue() + 1;
        CompletableFuture<Void> honest = CompletableFuture.runAsync(() -> {
            try {
                provider.completeWhenPosted(BigInteger.valueOf(next), UnaryOperator.identity());
                provider.completeWhenPosted(BigInteger.valueOf(next + 1), UnaryOperator.identity());
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        FxClicks.click(robot, "#requests-post");
        deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
        while (onFx(() -> model.busy.get() || model.tiles.size() < 2) && System.nanoTime() < deadline) {
            if (onFx(() -> robot.lookup("#review-confirm").tryQuery().map(n -> !n.isDisabled()).orElse(false))) {
                confirmOne();
            }
            Thread.sleep(200);
        }
        honest.get(10, TimeUnit.SECONDS);
        assertTrue(onFx(model::complete));
        assertTrue(onFx(() -> !robot.lookup("#requests-save").query().isDisabled()));
        Path png = dir.resolve("render.png");
        onFx(() -> {
            model.savePng(png);
            return null;
        });
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(96, image.getWidth());
        assertEquals(64, image.getHeight());
        shot("compute-requests-done");

        // a matrix product from files: verified with Freivalds, accepted, the result saved
        int m = 8;
        int k = 6;
        int n = 5;
        float[] a = new float[m * k];
        float[] b = new float[k * n];
        java.util.SplittableRandom random = new java.util.SplittableRandom(5);
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) (random.nextDouble() * 2 - 1);
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = (float) (random.nextDouble() * 2 - 1);
        }
        Path fileA = dir.resolve("a.f32");
        Path fileB = dir.resolve("b.f32");
        Files.write(fileA, org.hearth.compute.job.GemmBlobs.encodeMatrix(a));
        Files.write(fileB, org.hearth.compute.job.GemmBlobs.encodeMatrix(b));
        onFx(() -> {
            robot.lookup("#gemm-a").queryAs(javafx.scene.control.TextField.class).setText(fileA.toString());
            robot.lookup("#gemm-b").queryAs(javafx.scene.control.TextField.class).setText(fileB.toString());
            robot.lookup("#gemm-m").queryAs(javafx.scene.control.Spinner.class).getValueFactory().setValue(m);
            robot.lookup("#gemm-k").queryAs(javafx.scene.control.Spinner.class).getValueFactory().setValue(k);
            robot.lookup("#gemm-n").queryAs(javafx.scene.control.Spinner.class).getValueFactory().setValue(n);
            return null;
        });
        long gemmId = world.market.jobCount().longValue() + 1;
        CompletableFuture<Void> product = CompletableFuture.runAsync(() -> {
            try {
                provider.completeWhenPosted(BigInteger.valueOf(gemmId), UnaryOperator.identity());
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        org.hearth.app.FxScroll.reveal(robot.lookup("#gemm-post").query());
        FxClicks.click(robot, "#gemm-post");
        deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> onFx(() -> model.busy.get()));
        while (onFx(() -> model.busy.get()) && System.nanoTime() < deadline) {
            if (onFx(() -> robot.lookup("#review-confirm").tryQuery().map(x -> !x.isDisabled()).orElse(false))) {
                confirmOne();
            }
            Thread.sleep(200);
        }
        product.get(10, TimeUnit.SECONDS);
        shot("compute-requests-gemm");
        assertEquals(JobOutcome.Status.ACCEPTED, onFx(() -> model.gemmOutcome.get() == null ? null : model.gemmOutcome.get().status()),
                onFx(model.status::get));
        assertEquals("Job #" + gemmId + ": verified and accepted.", onFx(() -> robot.lookup("#requests-status").queryAs(Label.class).getText()));
        Path c = dir.resolve("c.f32");
        onFx(() -> {
            model.saveGemm(c);
            return null;
        });
        float[] got = org.hearth.compute.job.GemmBlobs.decodeMatrix(Files.readAllBytes(c), m, n);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double want = 0;
                for (int x = 0; x < k; x++) {
                    want += a[i * k + x] * b[x * n + j];
                }
                assertEquals(want, got[i * n + j], 1e-4, "C[" + i + "][" + j + "]");
            }
        }
        shot("compute-requests-gemm");
    }

    /** Confirms the review shown and waits until it is gone (the next one, if any, is a new pane). */
    private void confirmOne() throws Exception {
        javafx.scene.Node pane = onFx(() -> robot.lookup("#review-pane").query());
        for (int attempt = 0; attempt < 3; attempt++) {
            FxClicks.click(robot, "#review-confirm");
            try {
                WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> robot.lookup("#review-pane").tryQuery().map(n -> n != pane).orElse(true)));
                return;
            } catch (java.util.concurrent.TimeoutException stillShown) {
                shot("compute-requests-stuck-review");
            }
        }
        throw new AssertionError("the review was not confirmed: " + onFx(() -> app.compute().requests(null, null).status.get()));
    }

    private void shot(String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> robot.window(0).getScene().snapshot(null)).get(10, TimeUnit.SECONDS);
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", SHOTS.resolve(name + ".png").toFile());
    }
}
