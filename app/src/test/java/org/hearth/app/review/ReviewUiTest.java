package org.hearth.app.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.hearth.app.FxClicks;
import org.hearth.app.control.AddressNames;
import org.hearth.app.shell.Theme;
import org.hearth.chain.RpcClient;
import org.hearth.chain.abi.Abi;
import org.hearth.chain.review.CallDecoder;
import org.hearth.chain.review.TokenAmount;
import org.hearth.chain.review.TxReview;
import org.hearth.chain.review.TxReviewer;
import org.hearth.chain.session.ChainSession;
import org.hearth.chain.tx.FeeLevel;
import org.hearth.chain.tx.TxPipeline;
import org.hearth.node.DemoWorld;
import org.hearth.store.AddressBookRepository;
import org.hearth.store.Database;
import org.hearth.store.DemoWorldRepository;
import org.hearth.testing.TestChain;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The one review screen on transactions prepared through the real pipeline against the demo world's
 * HearthToken on anvil: an ERC-20 transfer, an unlimited approve and an unknown call, each decoded
 * (function, named arguments, token amount with its symbol) with its warnings; screenshots in light and dark.
 */
class ReviewUiTest {

    /** anvil's dev account 1, funded with HRTH by the demo world. */
    private static final String USER = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
    private static final String BOB = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC";
    private static final Path SHOTS = Path.of(System.getProperty("hearth.screenshots", "target/screenshots"));
    private static final FxRobot robot = new FxRobot();

    private static TestChain chain;
    private static ChainSession session;
    private static TxPipeline pipeline;
    private static TxReviewer reviewer;
    private static AddressNames names;
    private static String token;
    private static String governor;
    private static ResourceBundle text;
    private static Stage stage;

    @BeforeAll
    static void open() throws Exception {
        Files.createDirectories(SHOTS);
        Path dir = Files.createTempDirectory("hearth-review");
        chain = TestChain.start(dir, 1);
        RpcClient rpc = chain.rpc();
        Database db = Database.open(dir.resolve("hearth.db"));
        Map<String, String> contracts = new DemoWorld(rpc, new DemoWorldRepository(db), dir.resolve("demo.lock")).ensure(USER).contracts();
        token = contracts.get("HearthToken");
        governor = contracts.get("HearthGovernor");
        // wired as the wallet wires it: the session's pipeline, and its registry to name the contracts
        session = ChainSession.open(new RpcClient(rpc.endpoint()), ChainSession.Kind.LOCAL, db, 0);
        pipeline = session.pipeline();
        reviewer = new TxReviewer(session.rpc(), CallDecoder::shipped, session.contracts()::byAddress);
        AddressBookRepository book = new AddressBookRepository(db);
        book.save(BOB, "Bob", "");
        names = AddressNames.of(book);
        text = ResourceBundle.getBundle("org.hearth.app.messages");
        stage = FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(s -> {
            Theme.LIGHT.apply();
            Scene scene = new Scene(new StackPane(), 860, 760);
            scene.getStylesheets().add(ReviewPane.class.getResource("/org/hearth/app/hearth.css").toExternalForm());
            s.setScene(scene);
            s.show();
        });
    }

    @AfterAll
    static void close() throws Exception {
        FxToolkit.cleanupStages();
        WaitForAsyncUtils.asyncFx(Theme.LIGHT::apply).get();
        session.close();
        chain.close();
    }

    @Test
    void anErc20TransferShowsTheFunctionItsArgumentsAndTheAmountWithItsSymbol() throws Exception {
        TxReview review = prepare(token, Abi.encodeCall("transfer(address,uint256)", BOB, new BigInteger("1234500000000000000000")));
        AtomicInteger confirmed = new AtomicInteger();
        AtomicInteger back = new AtomicInteger();
        show(review, confirmed::incrementAndGet, back::incrementAndGet);

        assertEquals("transfer", label("#review-function"));
        assertEquals("transfer(address,uint256)", label("#review-signature"));
        assertEquals("ERC-20 token · HRTH", label("#review-token"));
        assertEquals("HearthToken", label("#review-target-name"), "named by the session's contract registry");
        assertEquals("to (address)", label("#review-arg-name-0"));
        assertEquals(BOB, label("#review-arg-0"));
        assertEquals("Bob", label("#review-arg-0-name"), "the address book's name for the recipient");
        assertEquals("value (uint256)", label("#review-arg-name-1"));
        assertEquals("1,234.5 HRTH", label("#review-arg-1"), "the amount with the token's decimals and symbol, grouped");
        assertEquals(token, label("#review-to"));
        assertEquals("0 ETH", label("#review-amount"));
        assertFalse(visible("#review-warnings"), "nothing to warn about");
        screenshot("review-erc20-transfer");

        FxClicks.click(robot, "#review-back");
        FxClicks.click(robot, "#review-confirm");
        assertEquals(1, back.get());
        assertEquals(1, confirmed.get());
    }

    @Test
    void anUnlimitedApproveReadsUnlimitedAndIsWarnedAbout() throws Exception {
        show(prepare(token, Abi.encodeCall("approve(address,uint256)", BOB, TokenAmount.MAX_UINT256)), () -> { }, () -> { });

        assertEquals("approve", label("#review-function"));
        assertEquals("spender (address)", label("#review-arg-name-0"));
        assertEquals("Unlimited HRTH", label("#review-arg-1"));
        assertTrue(visible("#review-warnings"));
        assertEquals("Unlimited approval: " + BOB + " may spend all your HRTH, now and later, until you revoke it.",
                label("#review-warning-unlimitedApproval"));
        screenshot("review-approve-unlimited");
    }

    @Test
    void eachDangerWarningMustBeAcknowledgedBeforeConfirmIsEnabled() throws Exception {
        AtomicInteger confirmed = new AtomicInteger();
        show(prepare(token, Abi.encodeCall("approve(address,uint256)", BOB, TokenAmount.MAX_UINT256)), confirmed::incrementAndGet, () -> { });
        assertTrue(label("#review-warning-spenderNoCode").startsWith("The spender " + BOB + " has no code"));
        assertTrue(disabled("#review-confirm"), "two danger warnings, none acknowledged");
        FxClicks.click(robot, "#review-ack-unlimitedApproval");
        assertTrue(disabled("#review-confirm"), "one danger warning still to acknowledge");
        screenshot("review-danger-acknowledge");
        FxClicks.click(robot, "#review-ack-spenderNoCode");
        assertFalse(disabled("#review-confirm"));
        FxClicks.click(robot, "#review-confirm");
        assertEquals(1, confirmed.get());
        FxClicks.click(robot, "#review-ack-spenderNoCode");
        assertTrue(disabled("#review-confirm"), "unticking takes the acknowledgement back");

        WaitForAsyncUtils.asyncFx(Theme.DARK::apply).get();
        WaitForAsyncUtils.waitForFxEvents();
        screenshot("review-danger-acknowledge-dark");
        WaitForAsyncUtils.asyncFx(Theme.LIGHT::apply).get();
    }

    @Test
    void aWarningThatIsNoDangerLeavesConfirmEnabled() throws Exception {
        show(prepare(token, Abi.encodeCall("transfer(address,uint256)", governor, BigInteger.ONE)), () -> { }, () -> { });
        assertTrue(label("#review-warning-recipientIsContract").startsWith(org.hearth.chain.Addresses.checksummed(governor) + " is a contract"));
        assertTrue(robot.lookup("#review-ack-recipientIsContract").tryQuery().isEmpty());
        assertFalse(disabled("#review-confirm"));
    }

    private static boolean disabled(String id) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> robot.lookup(id).query().isDisabled()).get(10, TimeUnit.SECONDS);
    }

    @Test
    void anUnknownCallIsShownRawWithItsWarnings() throws Exception {
        String data = "0x12345678" + "00".repeat(31) + "2a";
        show(prepare(BOB, data), () -> { }, () -> { });

        assertEquals("Unknown function", label("#review-function"));
        assertEquals(data, WaitForAsyncUtils.asyncFx(() -> robot.lookup("#review-data").queryAs(TextArea.class).getText()).get());
        assertTrue(label("#review-warning-unknownCall").startsWith("Unknown call: the function 0x12345678 is not in"),
                label("#review-warning-unknownCall"));
        assertTrue(label("#review-warning-noCode").startsWith(BOB + " has no code"), label("#review-warning-noCode"));
        screenshot("review-unknown-call");

        WaitForAsyncUtils.asyncFx(Theme.DARK::apply).get();
        WaitForAsyncUtils.waitForFxEvents();
        screenshot("review-unknown-call-dark");
        show(prepare(token, Abi.encodeCall("approve(address,uint256)", BOB, TokenAmount.MAX_UINT256)), () -> { }, () -> { });
        screenshot("review-approve-unlimited-dark");
        WaitForAsyncUtils.asyncFx(Theme.LIGHT::apply).get();
    }

    @Test
    void aGovernorProposeShowsItsActionDecodedUnderTheCalldatas() throws Exception {
        String action = Abi.encodeCall("transfer(address,uint256)", BOB, new BigInteger("5000000000000000000000"));
        show(prepare(governor, Abi.encodeCall("propose(address[],uint256[],bytes[],string)", java.util.List.of(token),
                java.util.List.of(BigInteger.ZERO), java.util.List.of(action), "# Fund onboarding\n\nPay Bob 5,000 HRTH.")), () -> { }, () -> { });

        assertEquals("propose", label("#review-function"));
        assertEquals("description (string)", label("#review-arg-name-3"));
        assertEquals("# Fund onboarding\n\nPay Bob 5,000 HRTH.", label("#review-arg-3"));
        assertEquals("\u21b3 transfer(to: " + BOB + ", value: 5000000000000000000000)", label("#review-arg-2-call-0"));
        screenshot("review-governor-propose");
    }

    /** Prepared through the pipeline from the funded account (gas estimated on anvil), then reviewed. */
    private static TxReview prepare(String to, String data) {
        return reviewer.review(pipeline.prepare(USER, to, BigInteger.ZERO, data, FeeLevel.NORMAL));
    }

    private static void show(TxReview review, Runnable onConfirm, Runnable onBack) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> stage.getScene().setRoot(
                new ReviewPane(text, review, names, new SimpleBooleanProperty(false), onConfirm, onBack))).get();
        FxClicks.untilVisible(robot, "#review-confirm");
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String label(String id) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> robot.lookup(id).queryAs(Label.class).getText()).get(10, TimeUnit.SECONDS);
    }

    private static boolean visible(String id) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> robot.lookup(id).tryQuery().map(Node::isVisible).orElse(false)).get(10, TimeUnit.SECONDS);
    }

    private static void screenshot(String name) throws Exception {
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> stage.getScene().snapshot(null)).get(10, TimeUnit.SECONDS);
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", SHOTS.resolve(name + ".png").toFile());
    }
}
