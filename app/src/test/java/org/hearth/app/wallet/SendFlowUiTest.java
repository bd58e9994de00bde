package org.hearth.app.wallet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ResourceBundle;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.VBox;
import javax.imageio.ImageIO;
import org.hearth.app.shell.Theme;
import org.hearth.chain.RpcClient;
import org.hearth.chain.tx.PrivateKeySigner;
import org.hearth.chain.tx.TxPipeline;
import org.hearth.chain.tx.TxSigner;
import org.hearth.chain.tx.TxStatus;
import org.hearth.chain.tx.TxTracker;
import org.hearth.config.DataDir;
import org.hearth.history.AccountHistory;
import org.hearth.history.HistoryItem;
import org.hearth.index.BlockIndexer;
import org.hearth.index.IncomingTransfers;
import org.hearth.index.InternalTransfers;
import org.hearth.node.AnvilLocator;
import org.hearth.node.LocalNode;
import org.hearth.node.LocalNodeConfig;
import org.hearth.store.AddressBookRepository;
import org.hearth.store.Database;
import org.hearth.store.TxRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.web3j.crypto.ECKeyPair;
import org.web3j.utils.Numeric;

/** Send ETH through the real form, review screen and pipeline on a real anvil, to confirmation. */
class SendFlowUiTest {

    /** anvil's dev account 1; a public test key. */
    private static final TxSigner SIGNER = new PrivateKeySigner(ECKeyPair.create(
            Numeric.toBigInt("0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d")));
    private static final String CAROL = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC";
    private static final Path SHOTS = Path.of(System.getProperty("hearth.screenshots", "target/screenshots"));

    private static Path dir;
    private static LocalNode node;
    private static RpcClient rpc;
    private static AccountModel account;
    private static final FxRobot robot = new FxRobot();

    @BeforeAll
    static void open() throws Exception {
        dir = Files.createTempDirectory("hearth-send");
        Files.createDirectories(SHOTS);
        node = new LocalNode(new DataDir(dir), AnvilLocator.locate(), new LocalNodeConfig(1, 5, Duration.ofSeconds(30)));
        rpc = new RpcClient(node.start().rpcUrl());
        Database db = Database.open(dir.resolve("hearth.db"));
        new AddressBookRepository(db).save(CAROL, "Carol", "");
        TxRepository txs = new TxRepository(db);
        TxPipeline pipeline = new TxPipeline(rpc, rpc.chainId(), txs);
        BlockIndexer indexer = new BlockIndexer(rpc, rpc.chainId(), db, 0);
        IncomingTransfers incoming = new IncomingTransfers(rpc, db);
        InternalTransfers internal = new InternalTransfers(rpc, db);
        incoming.watch(SIGNER.address());
        internal.watch(SIGNER.address());
        indexer.subscribe(incoming);
        indexer.subscribe(internal);
        account = new AccountModel(SIGNER.address(), rpc, pipeline, new TxTracker(rpc, txs), indexer,
                new AccountHistory(txs, incoming, internal), () -> SIGNER);
        SendModel send = new SendModel(pipeline, SIGNER.address(), new AddressBookRepository(db), () -> SIGNER);
        ResourceBundle text = ResourceBundle.getBundle("org.hearth.app.messages");

        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            Theme.LIGHT.apply();
            VBox root = new VBox(12, new SendPane(text, send), new HistoryPane(text, account.history, account.internalTransfersHidden,
                    account::speedUp, account::cancel));
            root.setPrefSize(900, 640);
            stage.setScene(new Scene(root));
            stage.show();
        });
    }

    @AfterAll
    static void close() throws Exception {
        FxToolkit.cleanupStages();
        node.stop(Duration.ofSeconds(5));
    }

    @Test
    void sendsToASavedContactAfterReviewAndSeesItConfirmed() throws Exception {
        BigInteger carolBefore = rpc.callQuantity("eth_getBalance", CAROL, "latest");
        WaitForAsyncUtils.asyncFx(() -> {
            robot.lookup("#send-to").queryTextInputControl().clear();
            robot.lookup("#send-amount").queryTextInputControl().clear();
        }).get();
        robot.clickOn("#send-to").write("Carol");
        robot.clickOn("#send-amount").write("1.25");
        robot.clickOn("#send-review");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#review-pane").tryQuery().isPresent()
                || !errorText().isEmpty());
        assertEquals("", errorText());

        assertEquals(CAROL + "  (Carol)", label("#review-to"));
        assertEquals(SIGNER.address(), label("#review-from"));
        assertEquals("1.25 ETH", label("#review-amount"));
        assertEquals("Chain 31337", label("#review-network"));
        assertTrue(label("#review-max-fee").contains("21000 gas"), label("#review-max-fee"));
        screenshot("send-review");

        robot.clickOn("#review-confirm");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#send-hash").tryQuery().isPresent());
        String hash = label("#send-hash");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.asyncFx(account::refresh).get();
            Thread.sleep(300);
            return WaitForAsyncUtils.asyncFx(() -> account.history.stream()
                    .anyMatch(i -> i.hash().equals(hash) && i.status() == TxStatus.CONFIRMED)).get(10, TimeUnit.SECONDS);
        });
        HistoryItem item = WaitForAsyncUtils.asyncFx(() -> account.history.stream().filter(i -> i.hash().equals(hash)).findFirst().orElseThrow())
                .get(10, TimeUnit.SECONDS);
        assertEquals(new BigInteger("1250000000000000000"), item.value());
        assertEquals(new BigInteger("1250000000000000000"), rpc.callQuantity("eth_getBalance", CAROL, "latest").subtract(carolBefore));
        WaitForAsyncUtils.waitForFxEvents();
        screenshot("send-confirmed");
    }

    @Test
    void aBadAmountIsExplainedAndNothingIsSent() throws Exception {
        long nonce = rpc.callQuantity("eth_getTransactionCount", SIGNER.address(), "pending").longValueExact();
        if (robot.lookup("#send-another").tryQuery().isPresent()) {
            robot.clickOn("#send-another");
        }
        WaitForAsyncUtils.asyncFx(() -> {
            robot.lookup("#send-to").queryTextInputControl().setText(CAROL);
            robot.lookup("#send-amount").queryTextInputControl().setText("1.2.3");
        }).get();
        robot.clickOn("#send-review");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !label("#send-error").isEmpty());
        assertTrue(label("#send-error").startsWith("Not an amount"), label("#send-error"));
        assertEquals(nonce, rpc.callQuantity("eth_getTransactionCount", SIGNER.address(), "pending").longValueExact());
    }

    /** The form's error line, or "" when the form is not on screen (the review replaced it). */
    private static String errorText() {
        return robot.lookup("#send-error").tryQuery().map(n -> ((Label) n).getText()).orElse("");
    }

    private static String label(String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private static void screenshot(String name) throws Exception {
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> robot.window(0).getScene().snapshot(null)).get(10, TimeUnit.SECONDS);
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", SHOTS.resolve(name + ".png").toFile());
    }
}
