package org.hearth.app.wallet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javax.imageio.ImageIO;
import org.hearth.app.shell.Theme;
import org.hearth.chain.RpcClient;
import org.hearth.history.HistoryItem;
import org.hearth.store.Database;
import org.hearth.testing.RpcProxy;
import org.hearth.testing.TestChain;
import org.hearth.testing.ValueForwarders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Ether a contract pays to a watched account, in the history on a real anvil (left), and the same
 * account seen through a node that offers no traces (right: a proxy in front of the same anvil).
 */
class InternalTransfersHistoryUiTest {

    private static final String ME = "0x1234567890123456789012345678901234567890";
    private static final BigInteger MILLI = BigInteger.TEN.pow(15);
    private static final Path SHOTS = Path.of(System.getProperty("hearth.screenshots", "target/screenshots"));

    private static final FxRobot robot = new FxRobot();
    private static TestChain node;
    private static ValueForwarders chain;
    private static RpcProxy tracelessNode;
    private static AccountModel traced;
    private static AccountModel untraced;
    private static HistoryPane tracedPane;
    private static HistoryPane untracedPane;

    /** The sessions opened here; closed at the end, which stops their background indexing. */
    private static final List<org.hearth.chain.session.ChainSession> SESSIONS = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeAll
    static void open() throws Exception {
        Path dir = Files.createTempDirectory("hearth-internal-ui");
        Files.createDirectories(SHOTS);
        node = TestChain.start(dir, 3600);
        chain = new ValueForwarders(node.rpc());
        tracelessNode = RpcProxy.refusingTraces(node.rpc().endpoint());
        traced = watched(node.rpc(), Database.open(dir.resolve("traced.db")));
        untraced = watched(new RpcClient(tracelessNode.url()), Database.open(dir.resolve("untraced.db")));
        ResourceBundle text = ResourceBundle.getBundle("org.hearth.app.messages");

        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            Theme.LIGHT.apply();
            tracedPane = new HistoryPane(text, traced.history, traced.internalTransfersHidden, i -> { }, i -> { }, org.hearth.app.control.AddressNames.NONE);
            untracedPane = new HistoryPane(text, untraced.history, untraced.internalTransfersHidden, i -> { }, i -> { }, org.hearth.app.control.AddressNames.NONE);
            GridPane root = new GridPane(16, 0);
            for (int i = 0; i < 2; i++) { // two equal columns, however long the note
                ColumnConstraints half = new ColumnConstraints();
                half.setPercentWidth(50);
                root.getColumnConstraints().add(half);
            }
            root.addRow(0, column("anvil (traces)", tracedPane), column("a node without traces", untracedPane));
            root.setPrefSize(1100, 360);
            root.setStyle("-fx-padding: 12");
            stage.setScene(new Scene(root));
            stage.show();
        });
    }

    @AfterAll
    static void close() throws Exception {
        FxToolkit.cleanupStages();
        SESSIONS.forEach(org.hearth.chain.session.ChainSession::close);
        tracelessNode.close();
        node.close();
    }

    @Test
    void paymentsFromAContractAreListedAndANodeWithoutTracesSaysTheyAreMissing() throws Exception {
        String payer = chain.deployPayer();
        String payout = chain.send(payer, milli(300), ValueForwarders.payouts(ME, milli(200), ME, milli(100)));
        String gift = chain.send(ME, milli(1000), null);
        chain.mine();

        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.asyncFx(() -> {
                traced.refresh();
                untraced.refresh();
            }).get();
            Thread.sleep(300);
            return WaitForAsyncUtils.asyncFx(() -> traced.history.size() == 3 && untraced.history.size() == 1
                    && untraced.internalTransfersHidden.get()).get(10, TimeUnit.SECONDS);
        });
        WaitForAsyncUtils.waitForFxEvents();

        List<HistoryItem> items = WaitForAsyncUtils.asyncFx(() -> List.copyOf(traced.history)).get(10, TimeUnit.SECONDS);
        assertEquals(List.of(HistoryItem.Direction.RECEIVED, HistoryItem.Direction.RECEIVED_FROM_CONTRACT,
                HistoryItem.Direction.RECEIVED_FROM_CONTRACT), items.stream().map(HistoryItem::direction).toList());
        assertEquals(List.of(gift, payout, payout), items.stream().map(HistoryItem::hash).toList());
        assertEquals(milli(1300), WaitForAsyncUtils.asyncFx(() -> traced.balance.get()).get(10, TimeUnit.SECONDS));

        List<String> tracedTexts = texts(tracedPane);
        // Each payout row: the words, then the paying contract as an address label (short, checksummed).
        assertEquals(2, tracedTexts.stream().filter("Received from contract"::equals).count(), tracedTexts.toString());
        assertEquals(2, tracedTexts.stream().filter(org.hearth.app.control.AddressLabel.shortForm(org.hearth.chain.Addresses.checksummed(payer))::equals).count(),
                tracedTexts.toString());
        assertTrue(tracedTexts.containsAll(List.of("+0.2 ETH", "+0.1 ETH", "+1 ETH")), tracedTexts.toString());
        assertFalse(visible(tracedPane, "#history-no-internal"));

        assertTrue(visible(untracedPane, "#history-no-internal"));
        assertTrue(texts(untracedPane).stream().anyMatch(t -> t.startsWith("Internal transfers not shown: this node does not offer traces")));
        assertEquals(List.of(gift), WaitForAsyncUtils.asyncFx(() -> untraced.history.stream().map(HistoryItem::hash).toList())
                .get(10, TimeUnit.SECONDS));
        screenshot("history-internal-transfers");
    }

    /** A watched account (nothing to sign with), wired by the app's own {@link ChainServices}. */
    private static AccountModel watched(RpcClient rpc, Database db) {
        ChainServices services = ChainServices.open(rpc, db, 0);
        SESSIONS.add(services.session());
        return services.account(ME, () -> {
            throw new IllegalStateException("a watched account signs nothing");
        });
    }

    private static VBox column(String title, HistoryPane pane) {
        Label label = new Label(title);
        label.getStyleClass().add("title-4");
        VBox box = new VBox(8, label, pane);
        VBox.setVgrow(pane, Priority.ALWAYS);
        return box;
    }

    private static List<String> texts(Node root) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> robot.from(root).lookup((Node n) -> n instanceof Label).queryAllAs(Label.class)
                .stream().filter(Node::isVisible).map(Label::getText).toList()).get(10, TimeUnit.SECONDS);
    }

    private static boolean visible(Node root, String id) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> robot.from(root).lookup(id).query().isVisible()).get(10, TimeUnit.SECONDS);
    }

    private static BigInteger milli(long n) {
        return MILLI.multiply(BigInteger.valueOf(n));
    }

    private static void screenshot(String name) throws Exception {
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> robot.window(0).getScene().snapshot(null)).get(10, TimeUnit.SECONDS);
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", SHOTS.resolve(name + ".png").toFile());
    }
}
