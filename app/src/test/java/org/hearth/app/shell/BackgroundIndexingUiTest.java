package org.hearth.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.hearth.app.FxClicks;
import org.hearth.app.desktop.HearthApplication;
import org.hearth.app.desktop.LaunchOptions;
import org.hearth.app.wallet.WalletModel;
import org.hearth.chain.Hex;
import org.hearth.chain.session.ChainSession;
import org.hearth.history.HistoryItem;
import org.hearth.index.Erc20Transfer;
import org.hearth.index.SyncProgress;
import org.hearth.node.NodeState;
import org.hearth.testing.TransferEmitters;
import org.hearth.testing.ValueForwarders;
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
 * The whole app with a wallet that stays locked on another screen: ether and ERC-20 transfers to
 * its account, and a backlog of blocks, are indexed in the background (no screen steps the
 * indexer); the status bar shows a progress bar while the indexer is behind and hides it once it
 * has caught up; the wallet's history then shows the receipt without a refresh of its own driving it.
 */
class BackgroundIndexingUiTest {

    private static final String PASSWORD = "correct horse battery";
    private static final BigInteger ETHER = BigInteger.TEN.pow(18);
    private static final Path SHOTS = Path.of(System.getProperty("hearth.screenshots", "target/screenshots"));
    private static final FxRobot robot = new FxRobot();
    private static HearthApplication app;
    private static String account;

    @BeforeAll
    static void openWithALockedWallet() throws Exception {
        Path dataDir = Files.createTempDirectory("hearth-indexing-ui");
        Mnemonic phrase = Mnemonic.parse("legal winner thank year wave sausage worth useful legal winner thank yellow");
        try (UnlockedVault vault = new WalletService(Vault.inDataDir(dataDir)).create(PASSWORD.toCharArray(), phrase, "", AddressScheme.BIP44, List.of(0))) {
            account = vault.publicData().accounts().getFirst().address().toLowerCase(Locale.ROOT);
        }
        FxToolkit.registerPrimaryStage();
        app = (HearthApplication) FxToolkit.setupApplication(() -> new HearthApplication(new LaunchOptions(dataDir, null)));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> app.chain().state.get() == NodeState.RUNNING && !app.chain().busy.get()
                && session() != null && session().indexing().running());
    }

    @AfterAll
    static void close() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    @Test
    void aBacklogIsIndexedInTheBackgroundWithAProgressBarAndTheWalletShowsWhatCameMeanwhile() throws Exception {
        FxClicks.click(robot, "#nav-settings"); // the wallet screen is never shown while this happens
        ChainSession session = session();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> caughtUp(session));
        assertFalse(progressShown(), "caught up: no progress bar");

        // every progress the status bar draws is recorded, so a short backlog cannot slip by unseen
        List<SyncProgress> drawnBehind = new CopyOnWriteArrayList<>();
        Node box = WaitForAsyncUtils.asyncFx(() -> robot.lookup("#status-index-progress").query().getParent()).get();
        WaitForAsyncUtils.asyncFx(() -> app.chain().indexProgress.addListener((o, was, is) -> {
            if (box.isVisible()) {
                drawnBehind.add(is);
            }
        })).get();

        TransferEmitters emitter = TransferEmitters.deploy(session.rpc());
        emitter.emitAndMine(ValueForwarders.DEV0, account, 3, 500);
        String paid = session.rpc().call("eth_sendTransaction", Map.of("from", ValueForwarders.DEV0, "to", account,
                "value", Hex.quantity(ETHER.multiply(BigInteger.valueOf(3))))).asText();
        session.rpc().call("evm_mine");
        session.rpc().call("anvil_mine", Hex.quantity(3_000)); // the backlog: a few turns of the block reader
        session.indexing().wake();

        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> caughtUp(session) && !progressShown());
        assertFalse(drawnBehind.isEmpty(), "the progress bar was shown while the backlog was indexed");
        SyncProgress first = drawnBehind.getFirst();
        assertTrue(first.scannedTo() < first.head() && first.fraction() < 1.0, first.toString());
        long head = session.rpc().blockNumber();
        assertTrue(drawnBehind.stream().anyMatch(p -> p.head() >= head), "it followed the indexer to the head");

        List<Erc20Transfer> tokens = session.erc20Transfers().of(session.chainId(), account);
        assertEquals(List.of(BigInteger.valueOf(502), BigInteger.valueOf(501), BigInteger.valueOf(500)),
                tokens.stream().filter(t -> t.token().equalsIgnoreCase(emitter.address())).map(Erc20Transfer::value)
                        .sorted(java.util.Comparator.reverseOrder()).toList(), "ERC-20 transfers indexed with the wallet locked and hidden");
        assertTrue(session.accounts().incoming().to(session.chainId(), account).stream().anyMatch(t -> t.txHash().equalsIgnoreCase(paid)),
                "the ether receipt indexed by the block reader in the background");

        shootStatusBar(drawnBehind.get(drawnBehind.size() / 2));

        FxClicks.click(robot, "#nav-wallet");
        FxClicks.click(robot, "#unlock-password").write(PASSWORD);
        FxClicks.click(robot, "#unlock-action");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> app.wallet().state.get() == WalletModel.State.UNLOCKED);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> historyHas(paid));
    }

    /** The status bar in both themes with a progress the indexer really published during the backlog. */
    private static void shootStatusBar(SyncProgress behind) throws Exception {
        Files.createDirectories(SHOTS);
        for (Theme theme : List.of(Theme.LIGHT, Theme.DARK)) {
            WritableImage image = WaitForAsyncUtils.asyncFx(() -> {
                theme.apply();
                app.chain().indexProgress.set(behind);
                Node bar = robot.lookup("#status-index-progress").query().getParent().getParent();
                return bar.snapshot(null, null);
            }).get(10, TimeUnit.SECONDS);
            ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", SHOTS.resolve("status-bar-indexing-" + theme.name().toLowerCase(Locale.ROOT) + ".png").toFile());
        }
        WaitForAsyncUtils.asyncFx(() -> {
            Theme.LIGHT.apply();
            app.chain().indexProgress.set(session().indexing().progress());
        }).get();
    }

    private static boolean caughtUp(ChainSession s) throws Exception {
        SyncProgress p = s.indexing().progress();
        return p != null && p.caughtUp() && p.head() >= s.rpc().blockNumber();
    }

    private static boolean progressShown() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> robot.lookup("#status-index-progress").queryAs(ProgressBar.class).getParent().isVisible())
                .get(10, TimeUnit.SECONDS);
    }

    private static boolean historyHas(String hash) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> robot.lookup("#history-list").tryQuery()
                .map(n -> ((ListView<?>) n).getItems().stream()
                        .anyMatch(i -> i instanceof HistoryItem h && h.hash().equalsIgnoreCase(hash) && h.direction() == HistoryItem.Direction.RECEIVED))
                .orElse(false)).get(10, TimeUnit.SECONDS);
    }

    private static ChainSession session() {
        return app.chain().currentSession().orElse(null);
    }
}
