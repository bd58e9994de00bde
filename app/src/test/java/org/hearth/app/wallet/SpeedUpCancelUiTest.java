package org.hearth.app.wallet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.hearth.app.FxClicks;
import org.hearth.chain.Hex;
import org.hearth.chain.RpcClient;
import org.hearth.chain.tx.PrivateKeySigner;
import org.hearth.chain.tx.TxKind;
import org.hearth.chain.tx.TxSigner;
import org.hearth.chain.tx.TxStatus;
import org.hearth.history.HistoryItem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.web3j.crypto.ECKeyPair;
import org.web3j.utils.Numeric;

/**
 * Speed-up and cancel clicked in the history list while a send waits in a real anvil's mempool
 * (mining is switched off through anvil's RPC and blocks are mined on cue).
 */
class SpeedUpCancelUiTest {

    /** anvil's dev account 4; a public test key (SendFlowUiTest uses account 1). */
    private static final TxSigner SIGNER = new PrivateKeySigner(ECKeyPair.create(
            Numeric.toBigInt("0x47e179ec197488593b187f80a00eb0da91f1b9d0b13f8733639f19c30a34926a")));
    private static final String CAROL = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC";
    private static final int BLOCK_TIME_SECONDS = 1;
    private static final Path SHOTS = Path.of(System.getProperty("hearth.screenshots", "target/screenshots"));

    private static SignerOnTestChain wallet;
    private static RpcClient rpc;
    private static AccountModel account;
    private static final FxRobot robot = new FxRobot();

    @BeforeAll
    static void open() throws Exception {
        Files.createDirectories(SHOTS);
        wallet = SignerOnTestChain.open("hearth-replace", BLOCK_TIME_SECONDS, SIGNER);
        rpc = wallet.rpc;
        account = wallet.account;
        ResourceBundle text = ResourceBundle.getBundle("org.hearth.app.messages");

        wallet.showSendAndHistory(text, robot);
    }

    @AfterAll
    static void close() throws Exception {
        FxToolkit.cleanupStages();
        wallet.close();
    }

    /** Transactions stay in the mempool until the test mines. */
    @BeforeEach
    void holdBlocks() {
        rpc.call("evm_setIntervalMining", 0);
    }

    @AfterEach
    void resumeMining() {
        rpc.call("evm_setIntervalMining", BLOCK_TIME_SECONDS);
    }

    @Test
    void speedUpMinesTheSameSendWithAHigherFeeAtTheOriginalNonce() throws Exception {
        BigInteger carolBefore = balance(CAROL);
        String hash = sendThroughTheForm("0.5");
        JsonNode original = rpc.call("eth_getTransactionByHash", hash);
        long nonce = quantity(original, "nonce").longValueExact();
        assertTrue(buttonOf(hash, "#history-speed-up").isVisible() && buttonOf(hash, "#history-cancel").isVisible());
        screenshot("history-pending");

        FxClicks.click(robot, buttonOf(hash, "#history-speed-up"));
        String faster = awaitItem(i -> i.kind() == TxKind.SPEED_UP && i.status() == TxStatus.PENDING).hash();
        JsonNode replacement = rpc.call("eth_getTransactionByHash", faster);
        assertEquals(nonce, quantity(replacement, "nonce").longValueExact());
        assertTrue(quantity(replacement, "maxFeePerGas").compareTo(quantity(original, "maxFeePerGas")) > 0);
        assertTrue(quantity(replacement, "maxPriorityFeePerGas").compareTo(quantity(original, "maxPriorityFeePerGas")) > 0);

        rpc.call("evm_mine");
        awaitItem(i -> i.hash().equals(faster) && i.status() == TxStatus.CONFIRMED);
        awaitItem(i -> i.hash().equals(hash) && i.status() == TxStatus.REPLACED);
        JsonNode mined = rpc.call("eth_getTransactionByHash", faster);
        assertEquals(replacement.path("maxFeePerGas").asText(), mined.path("maxFeePerGas").asText(), "the higher fee reached the chain");
        assertEquals("0x1", rpc.call("eth_getTransactionReceipt", faster).path("status").asText());
        assertTrue(rpc.call("eth_getTransactionReceipt", hash).isNull(), "the original never landed");
        assertEquals(new BigInteger("500000000000000000"), balance(CAROL).subtract(carolBefore), "Carol was paid once");

        List<HistoryItem> confirmedAtNonce = items(i -> Long.valueOf(nonce).equals(i.nonce()) && i.status() == TxStatus.CONFIRMED);
        assertEquals(1, confirmedAtNonce.size(), confirmedAtNonce.toString());
        assertEquals(faster, confirmedAtNonce.getFirst().hash());
        assertTrue(rowText(faster).contains("Confirmed (speed-up) · nonce " + nonce), rowText(faster));
        assertTrue(robot.lookup("#history-list #history-speed-up").tryQuery().isEmpty(), "nothing is pending any more");
        assertEquals("", robot.lookup("#history-error").queryAs(Label.class).getText());
        screenshot("history-sped-up");
    }

    @Test
    void cancelSpendsTheNonceOnAZeroValueSendToSelfAndTheOriginalNeverLands() throws Exception {
        BigInteger carolBefore = balance(CAROL);
        String hash = sendThroughTheForm("0.75");
        long nonce = quantity(rpc.call("eth_getTransactionByHash", hash), "nonce").longValueExact();
        screenshot("history-cancel-pending");

        FxClicks.click(robot, buttonOf(hash, "#history-cancel"));
        String cancel = awaitItem(i -> i.kind() == TxKind.CANCEL && i.status() == TxStatus.PENDING).hash();
        rpc.call("evm_mine");
        awaitItem(i -> i.hash().equals(cancel) && i.status() == TxStatus.CONFIRMED);
        awaitItem(i -> i.hash().equals(hash) && i.status() == TxStatus.REPLACED);
        rpc.call("evm_mine"); // a later block does not bring the original back either

        JsonNode mined = rpc.call("eth_getTransactionByHash", cancel);
        assertEquals(nonce, quantity(mined, "nonce").longValueExact());
        assertEquals(SIGNER.address().toLowerCase(), mined.path("from").asText().toLowerCase());
        assertEquals(SIGNER.address().toLowerCase(), mined.path("to").asText().toLowerCase());
        assertEquals(BigInteger.ZERO, quantity(mined, "value"));
        assertEquals("0x1", rpc.call("eth_getTransactionReceipt", cancel).path("status").asText());
        assertTrue(rpc.call("eth_getTransactionReceipt", hash).isNull(), "the cancelled send never landed");
        assertTrue(rpc.call("eth_getTransactionByHash", hash).isNull(), "nor waits in the mempool");
        assertEquals(carolBefore, balance(CAROL));
        assertEquals(nonce + 1, rpc.callQuantity("eth_getTransactionCount", SIGNER.address(), "latest").longValueExact());
        assertTrue(rowText(cancel).contains("Confirmed (cancellation) · nonce " + nonce), rowText(cancel));
        assertTrue(rowText(hash).contains("Replaced · nonce " + nonce), rowText(hash));
        screenshot("history-cancelled");
    }

    /** Sends through the form and review; returns the hash once the history lists it as pending. */
    private static String sendThroughTheForm(String eth) throws Exception {
        if (robot.lookup("#send-another").tryQuery().isPresent()) {
            FxClicks.click(robot, "#send-another");
        }
        FxClicks.untilVisible(robot, "#send-review");
        WaitForAsyncUtils.asyncFx(() -> {
            robot.lookup("#send-to").queryTextInputControl().setText(CAROL);
            robot.lookup("#send-amount").queryTextInputControl().setText(eth);
        }).get();
        FxClicks.click(robot, "#send-review");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#review-pane").tryQuery().isPresent());
        FxClicks.click(robot, "#review-confirm");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#send-hash").tryQuery().isPresent());
        String hash = robot.lookup("#send-hash").queryAs(Label.class).getText();
        awaitItem(i -> i.hash().equals(hash) && i.status() == TxStatus.PENDING);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> cellOf(hash) != null);
        return hash;
    }

    /** Refreshes the account (as each new block does in the app) until the history holds a matching item. */
    private static HistoryItem awaitItem(Predicate<HistoryItem> wanted) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.asyncFx(account::refresh).get();
            Thread.sleep(200);
            return !items(wanted).isEmpty();
        });
        WaitForAsyncUtils.waitForFxEvents();
        return items(wanted).getFirst();
    }

    private static List<HistoryItem> items(Predicate<HistoryItem> wanted) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> account.history.stream().filter(wanted).toList()).get(10, TimeUnit.SECONDS);
    }

    @SuppressWarnings("unchecked")
    private static ListCell<HistoryItem> cellOf(String hash) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> robot.lookup("#history-list .list-cell").queryAll().stream()
                .map(n -> (ListCell<HistoryItem>) n)
                .filter(c -> c.getItem() != null && c.getItem().hash().equals(hash))
                .findFirst().orElse(null)).get(10, TimeUnit.SECONDS);
    }

    private static Button buttonOf(String hash, String id) throws Exception {
        return robot.from(cellOf(hash)).lookup(id).queryButton();
    }

    /** The words the row shows (title and detail line). */
    private static String rowText(String hash) throws Exception {
        ListCell<HistoryItem> cell = cellOf(hash);
        return WaitForAsyncUtils.asyncFx(() -> robot.from(cell).lookup(".label").queryAll().stream()
                .map(n -> ((Label) n).getText()).toList().toString()).get(10, TimeUnit.SECONDS);
    }

    private static BigInteger balance(String address) {
        return rpc.callQuantity("eth_getBalance", address, "latest");
    }

    private static BigInteger quantity(JsonNode tx, String field) {
        return Hex.quantity(tx.path(field).asText(), () -> new IllegalStateException("no " + field + " in " + tx));
    }

    private static void screenshot(String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> robot.window(0).getScene().snapshot(null)).get(10, TimeUnit.SECONDS);
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", SHOTS.resolve(name + ".png").toFile());
    }
}
