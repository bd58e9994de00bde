package org.hearth.app.wallet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ResourceBundle;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.hearth.app.FxClicks;
import org.hearth.chain.RpcClient;
import org.hearth.chain.tx.PrivateKeySigner;
import org.hearth.chain.tx.TxSigner;
import org.hearth.chain.tx.TxStatus;
import org.hearth.history.HistoryItem;
import org.hearth.store.AddressBookRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.web3j.crypto.ECKeyPair;
import org.web3j.utils.Numeric;

/** Send ETH through the real form, review screen and pipeline on a real anvil, to confirmation. */
@org.junit.jupiter.api.extension.ExtendWith(org.hearth.app.FxThreadDump.class)
class SendFlowUiTest {

    /** anvil's dev account 1; a public test key. */
    private static final TxSigner SIGNER = new PrivateKeySigner(ECKeyPair.create(
            Numeric.toBigInt("0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d")));
    private static final String CAROL = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC";
    private static final Path SHOTS = Path.of(System.getProperty("hearth.screenshots", "target/screenshots"));

    private static SignerOnTestChain wallet;
    private static RpcClient rpc;
    private static AccountModel account;
    private static final FxRobot robot = new FxRobot();

    @BeforeAll
    static void open() throws Exception {
        Files.createDirectories(SHOTS);
        wallet = SignerOnTestChain.open("hearth-send", 1, SIGNER);
        rpc = wallet.rpc;
        account = wallet.account;
        new AddressBookRepository(wallet.db).save(CAROL, "Carol", "");
        ResourceBundle text = ResourceBundle.getBundle("org.hearth.app.messages");

        wallet.showSendAndHistory(text, robot);
    }

    @AfterAll
    static void close() throws Exception {
        FxToolkit.cleanupStages();
        wallet.close();
    }

    @Test
    void sendsToASavedContactAfterReviewAndSeesItConfirmed() throws Exception {
        BigInteger carolBefore = rpc.callQuantity("eth_getBalance", CAROL, "latest");
        WaitForAsyncUtils.asyncFx(() -> {
            robot.lookup("#send-to").queryTextInputControl().clear();
            robot.lookup("#send-amount").queryTextInputControl().clear();
        }).get();
        FxClicks.click(robot, "#send-to").write("Carol");
        FxClicks.click(robot, "#send-amount").write("1.25");
        FxClicks.click(robot, "#send-review");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#review-pane").tryQuery().isPresent()
                || !errorText().isEmpty());
        assertEquals("", errorText());

        assertEquals(CAROL, label("#review-to"));
        assertEquals("Carol", label("#review-to-name"));
        assertEquals(SIGNER.address(), label("#review-from"));
        assertEquals("1.25 ETH", label("#review-amount"));
        assertEquals("Chain 31337", label("#review-network"));
        assertTrue(label("#review-fee-math").contains("21,000 gas"), label("#review-fee-math"));
        assertTrue(robot.lookup("#review-function").tryQuery().isEmpty(), "a plain transfer has no call to decode");
        screenshot("send-review");

        FxClicks.click(robot, "#review-confirm");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#send-hash").tryQuery().isPresent());
        String hash = label("#send-hash");
        assertEquals("Sent \u2014 waiting for confirmation", label("#send-status"));
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
        // The heading follows the row below: once the history says confirmed, so does the heading.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> label("#send-status").equals("Confirmed in block " + String.format("%,d", item.block())));
        assertEquals("It stays in the account's History.", label("#send-hint"));
        assertEquals("1.25 ETH", label("#send-sent-amount"));
        assertEquals("Carol", label("#send-sent-to-name"));
        WaitForAsyncUtils.waitForFxEvents();
        screenshot("send-confirmed");
    }

    @Test
    void aBadAmountIsExplainedAndNothingIsSent() throws Exception {
        long nonce = rpc.callQuantity("eth_getTransactionCount", SIGNER.address(), "pending").longValueExact();
        if (robot.lookup("#send-another").tryQuery().isPresent()) {
            FxClicks.click(robot, "#send-another");
        }
        FxClicks.untilVisible(robot, "#send-review");
        WaitForAsyncUtils.asyncFx(() -> {
            robot.lookup("#send-to").queryTextInputControl().setText(CAROL);
            robot.lookup("#send-amount").queryTextInputControl().setText("1.2.3");
        }).get();
        FxClicks.click(robot, "#send-review");
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
