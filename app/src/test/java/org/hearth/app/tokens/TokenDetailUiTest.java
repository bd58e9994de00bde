package org.hearth.app.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.SimpleObjectProperty;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.hearth.app.FxClicks;
import org.hearth.app.desktop.Messages;
import org.hearth.app.shell.Navigator;
import org.hearth.app.shell.Theme;
import org.hearth.chain.Addresses;
import org.hearth.chain.RpcClient;
import org.hearth.chain.abi.ContractCalls;
import org.hearth.chain.review.TokenAmount;
import org.hearth.chain.session.ChainSession;
import org.hearth.chain.tx.PrivateKeySigner;
import org.hearth.node.DemoWorld;
import org.hearth.store.Database;
import org.hearth.store.DemoWorldRepository;
import org.hearth.testing.DevTx;
import org.hearth.testing.TestChain;
import org.hearth.tokens.Approval;
import org.hearth.tokens.TokenBalance;
import org.hearth.tokens.TokenRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.web3j.crypto.ECKeyPair;
import org.web3j.utils.Numeric;

/**
 * The token detail page pushed over the portfolio on anvil: history adding up, a send through the
 * review (a look-alike recipient must be acknowledged; a first send goes through and the chain shows
 * it), receive with the address and QR code, approvals revoked one by one and in a batch (the chain
 * shows 0), and hide/unhide under Manage; screenshots in light and dark.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TokenDetailUiTest {

    private static final ECKeyPair DEV1 = ECKeyPair.create(Numeric.toBigInt("0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d"));
    private static final String USER = DevTx.ACCOUNTS[1];
    private static final String PERSON = DevTx.ACCOUNTS[3];
    private static final String OPERATOR = DevTx.ACCOUNTS[5];
    private static final String STRANGER = "0x000000000000000000000000000000000000bEEF";
    /** Starts and ends like dev account 0, which funded USER: the address a poisoner would plant. */
    private static final String FUNDER_TWIN = Addresses.checksummed("0xf39f" + "00".repeat(16) + "2266");
    private static final Path SHOTS = Path.of(System.getProperty("hearth.screenshots", "target/screenshots"));
    private static final FxRobot robot = new FxRobot();

    private static TestChain chain;
    private static ChainSession session;
    private static Map<String, String> demo;
    private static Stage stage;
    private static TokensView view;
    private static Navigator<String> navigator;

    @BeforeAll
    static void open() throws Exception {
        Files.createDirectories(SHOTS);
        Path dir = Files.createTempDirectory("hearth-token-detail");
        chain = TestChain.start(dir, 1);
        Database db = Database.open(dir.resolve("hearth.db"));
        demo = new DemoWorld(chain.rpc(), new DemoWorldRepository(db), dir.resolve("demo.lock")).ensure(USER).contracts();
        DevTx dev = new DevTx(chain.rpc());
        dev.call(USER, demo.get("HearthToken"), "approve(address,uint256)", demo.get("ComputeMarket"), TokenAmount.MAX_UINT256);
        dev.call(USER, demo.get("HearthToken"), "approve(address,uint256)", PERSON, new BigInteger("2500000000000000000"));
        dev.call(USER, demo.get("HearthCollectibles"), "setApprovalForAll(address,bool)", OPERATOR, true);
        session = ChainSession.open(new RpcClient(chain.rpc().endpoint()), ChainSession.Kind.LOCAL, db, 0);
        ResourceBundle text = Messages.text(java.util.Locale.getDefault());
        stage = FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(s -> {
            Theme.LIGHT.apply();
            BorderPane centre = new BorderPane();
            navigator = new Navigator<>(centre::setCenter);
            view = new TokensView(text, new SimpleObjectProperty<>(session), new SimpleObjectProperty<>(USER), navigator::push,
                    address -> new PrivateKeySigner(DEV1));
            Scene scene = new Scene(centre, 1100, 760);
            scene.getStylesheets().add(TokensView.class.getResource("/org/hearth/app/hearth.css").toExternalForm());
            s.setScene(scene);
            s.show();
            navigator.show("tokens", () -> view);
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> view.rows().stream().anyMatch(r -> r.token().symbol().equals("HRTH")));
    }

    @AfterAll
    static void close() throws Exception {
        FxToolkit.cleanupStages();
        WaitForAsyncUtils.asyncFx(Theme.LIGHT::apply).get();
        session.close();
        chain.close();
    }

    private static TokenDetailPage openHrth() throws Exception {
        TokenBalance hrth = view.rows().stream().filter(r -> r.token().symbol().equals("HRTH")).findFirst().orElseThrow();
        WaitForAsyncUtils.asyncFx(() -> {
            if (navigator.currentPage() instanceof TokenDetailPage) {
                navigator.back();
            }
            view.open(hrth);
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
        return (TokenDetailPage) navigator.currentPage();
    }

    @Test
    @Order(1)
    void theHistoryAddsUpToTheBalance() throws Exception {
        TokenDetailPage page = openHrth();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !page.history().rows().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Transfers: 1, adding up to 10,000 HRTH", label("#token-history-net"), "the demo world's funding, the whole balance");
        assertEquals("10,000 HRTH", label("#token-detail-balance"));
        shots("token-detail-history");
    }

    @Test
    @Order(2)
    void aLookAlikeRecipientMustBeAcknowledgedAndAFirstSendGoesThrough() throws Exception {
        TokenDetailPage page = openHrth();
        select(page, "send");
        type("#token-send-to", FUNDER_TWIN);
        type("#token-send-amount", "1.5");
        FxClicks.click(robot, "#token-send-review");
        FxClicks.untilVisible(robot, "#review-warning-lookAlike");
        assertTrue(label("#review-warning-lookAlike").startsWith("Look-alike address: " + FUNDER_TWIN + " starts and ends like "
                + DevTx.ACCOUNTS[0]), label("#review-warning-lookAlike"));
        assertEquals("1.5 HRTH", label("#review-arg-1"), "the token amount with its symbol");
        assertTrue(disabled("#review-confirm"), "a danger warning not acknowledged yet");
        shots("token-send-lookalike");
        FxClicks.click(robot, "#review-back");

        type("#token-send-to", STRANGER);
        FxClicks.click(robot, "#token-send-review");
        FxClicks.untilVisible(robot, "#review-warning-firstSend");
        assertFalse(disabled("#review-confirm"), "a first send is pointed out, not blocked");
        FxClicks.click(robot, "#review-confirm");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#token-send-hash").tryQuery().isPresent()
                || !textOf("#token-review-error").isEmpty());
        assertEquals("", textOf("#token-review-error"), "signing and sending worked");
        String token = demo.get("HearthToken");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> new BigInteger("1500000000000000000").equals(
                new ContractCalls(session.rpc()).readOne(token, "balanceOf(address)(uint256)", STRANGER)));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> label("#token-detail-balance").equals("9,998.5 HRTH"));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> page.history().rows().size() == 2);
        shots("token-sent");
    }

    @Test
    @Order(3)
    void receiveShowsTheAccountsAddressAndItsQrCode() throws Exception {
        TokenDetailPage page = openHrth();
        select(page, "receive");
        FxClicks.untilVisible(robot, "#receive-qr");
        assertEquals(Addresses.checksummed(USER), label("#receive-address"));
        shots("token-receive");
    }

    @Test
    @Order(4)
    void anApprovalIsRevokedFromTheTokensApprovalsTab() throws Exception {
        TokenDetailPage page = openHrth();
        select(page, "approvals");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> page.approvals().approvals().size() == 3);
        WaitForAsyncUtils.waitForFxEvents();
        List<Approval> listed = page.approvals().approvals();
        assertEquals(List.of("0x000000000000000000000000000000000000dead", demo.get("ComputeMarket").toLowerCase(), PERSON.toLowerCase()),
                listed.stream().map(Approval::spender).toList(), "the demo world's approval of HRTH to no code, then this test's two");
        assertEquals(List.of(Approval.UNLIMITED), listed.get(1).risks());
        assertEquals(List.of(Approval.NO_CODE, Approval.UNKNOWN_SPENDER), listed.get(2).risks());
        assertTrue(texts(".approval-amount").contains("Unlimited HRTH"), texts(".approval-amount").toString());
        assertTrue(texts(".approval-amount").contains("2.5 HRTH"), texts(".approval-amount").toString());
        shots("token-approvals");
        FxClicks.click(robot, "#approval-revoke-2");
        FxClicks.untilVisible(robot, "#review-confirm");
        assertEquals("0 HRTH", label("#review-arg-1"));
        FxClicks.click(robot, "#review-confirm");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> page.approvals().approvals().size() == 2);
        assertEquals(BigInteger.ZERO, new ContractCalls(session.rpc()).readOne(demo.get("HearthToken"),
                "allowance(address,address)(uint256)", USER, PERSON), "the chain shows 0");
    }

    @Test
    @Order(5)
    void theApprovalsPageRevokesSeveralInOneBatch() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            if (navigator.currentPage() != view) {
                navigator.back();
            }
        }).get();
        FxClicks.click(robot, "#tokens-approvals");
        ApprovalsPage page = (ApprovalsPage) navigator.currentPage();
        // HRTH to no code and to the market, dUSDT to the market (the demo world's), the collectibles' operator
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> page.pane().approvals().size() == 4);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(page.pane().approvals().stream().anyMatch(a -> a.standard() == Approval.Standard.ERC721 && a.isOperator()));
        for (int i = 0; i < 4; i++) {
            FxClicks.click(robot, "#approval-pick-" + i);
        }
        shots("approvals-page");
        FxClicks.click(robot, "#approvals-revoke-selected");
        for (int i = 0; i < 4; i++) { // one review per approval, one after another
            FxClicks.untilVisible(robot, "#review-confirm");
            Label function = robot.lookup("#review-function").queryAs(Label.class);
            java.util.concurrent.Callable<Boolean> moved = () -> robot.lookup("#review-function").tryQuery().map(n -> n != function).orElse(true)
                    || !textOf("#approvals-review-error").isEmpty();
            FxClicks.click(robot, "#review-confirm");
            for (int retry = 0; retry < 2 && !settlesWithin(10, moved); retry++) {
                // A click can land while the review is still laying out and be lost; Confirm is disabled while a
                // send is under way, so it is enabled here only when the first click never reached it.
                if (WaitForAsyncUtils.asyncFx(() -> robot.lookup("#review-confirm").tryQuery().map(n -> !n.isDisabled()).orElse(false)).get()) {
                    FxClicks.click(robot, "#review-confirm");
                }
            }
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, moved);
            assertEquals("", textOf("#approvals-review-error"), "revoke " + i + " signed and sent");
        }
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> page.pane().approvals().isEmpty());
        ContractCalls calls = new ContractCalls(session.rpc());
        assertEquals(BigInteger.ZERO, calls.readOne(demo.get("HearthToken"), "allowance(address,address)(uint256)", USER, demo.get("ComputeMarket")));
        assertEquals(false, calls.readOne(demo.get("HearthCollectibles"), "isApprovedForAll(address,address)(bool)", USER, OPERATOR));
    }

    private static boolean settlesWithin(int seconds, java.util.concurrent.Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        }
    }

    @Test
    @Order(6)
    void manageHidesTheTokenAndShowsItAgain() throws Exception {
        TokenDetailPage page = openHrth();
        select(page, "manage");
        FxClicks.untilVisible(robot, "#token-manage-toggle");
        FxClicks.click(robot, "#token-manage-toggle");
        TokenRegistry registry = new TokenRegistry(session);
        String token = demo.get("HearthToken");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> registry.require(token).hidden());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> label("#token-manage-state").startsWith("Hidden by you"));
        shots("token-manage-hidden");
        FxClicks.click(robot, "#token-manage-toggle");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !registry.require(token).hidden());
    }

    private static void select(TokenDetailPage page, String tab) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> page.select(tab)).get();
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void type(String id, String value) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> robot.lookup(id).queryAs(TextField.class).setText(value)).get();
    }

    /** A label's text, or "" when there is no such label on screen now. */
    private static String textOf(String id) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> robot.lookup(id).tryQuery().map(n -> ((Label) n).getText()).orElse("")).get(10, TimeUnit.SECONDS);
    }

    private static String label(String id) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> robot.lookup(id).queryAs(Label.class).getText()).get(10, TimeUnit.SECONDS);
    }

    private static List<String> texts(String query) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> robot.lookup(query).queryAllAs(Label.class).stream().map(Label::getText).toList())
                .get(10, TimeUnit.SECONDS);
    }

    private static boolean disabled(String id) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> robot.lookup(id).query().isDisabled()).get(10, TimeUnit.SECONDS);
    }

    /** The same view in light and in dark. */
    private static void shots(String name) throws Exception {
        screenshot(name);
        WaitForAsyncUtils.asyncFx(Theme.DARK::apply).get();
        WaitForAsyncUtils.waitForFxEvents();
        screenshot(name + "-dark");
        WaitForAsyncUtils.asyncFx(Theme.LIGHT::apply).get();
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void screenshot(String name) throws Exception {
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> stage.getScene().snapshot(null)).get(10, TimeUnit.SECONDS);
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", SHOTS.resolve(name + ".png").toFile());
    }
}
