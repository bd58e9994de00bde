package org.hearth.app.wallet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
import org.hearth.chain.Hex;
import org.hearth.chain.RpcClient;
import org.hearth.chain.tx.TxPipeline;
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
import org.hearth.store.Database;
import org.hearth.store.TxRepository;
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

    private static final String DEV0 = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";
    private static final String ME = "0x1234567890123456789012345678901234567890";
    /**
     * Deployment code (copies the runtime after it and returns it) followed by a runtime that pays
     * each (address, amount) pair of 32-byte calldata words out of its balance; the opcodes are
     * listed in core's test helper {@code org.hearth.index.ValueForwarders}.
     */
    private static final String PAYER = "0x602480600b6000396000f3"
            + "60005b368110156022576000600060006000846020013585355af1506040016002565b00";
    private static final BigInteger MILLI = BigInteger.TEN.pow(15);
    private static final Path SHOTS = Path.of(System.getProperty("hearth.screenshots", "target/screenshots"));

    private static final FxRobot robot = new FxRobot();
    private static LocalNode node;
    private static RpcClient anvil;
    private static HttpServer tracelessNode;
    private static AccountModel traced;
    private static AccountModel untraced;
    private static HistoryPane tracedPane;
    private static HistoryPane untracedPane;

    @BeforeAll
    static void open() throws Exception {
        Path dir = Files.createTempDirectory("hearth-internal-ui");
        Files.createDirectories(SHOTS);
        node = new LocalNode(new DataDir(dir), AnvilLocator.locate(), new LocalNodeConfig(3600, 5, Duration.ofSeconds(30)));
        anvil = new RpcClient(node.start().rpcUrl());
        tracelessNode = refusingTraces(anvil.endpoint());
        RpcClient withoutTraces = new RpcClient(URI.create("http://127.0.0.1:" + tracelessNode.getAddress().getPort() + "/"));
        traced = account(anvil, Database.open(dir.resolve("traced.db")));
        untraced = account(withoutTraces, Database.open(dir.resolve("untraced.db")));
        ResourceBundle text = ResourceBundle.getBundle("org.hearth.app.messages");

        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            Theme.LIGHT.apply();
            tracedPane = new HistoryPane(text, traced.history, traced.internalTransfersHidden, i -> { }, i -> { });
            untracedPane = new HistoryPane(text, untraced.history, untraced.internalTransfersHidden, i -> { }, i -> { });
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
        tracelessNode.stop(0);
        node.stop(Duration.ofSeconds(5));
    }

    @Test
    void paymentsFromAContractAreListedAndANodeWithoutTracesSaysTheyAreMissing() throws Exception {
        String payer = deployPayer();
        String payout = send(payer, milli(300), "0x" + word(ME.substring(2)) + word(milli(200).toString(16))
                + word(ME.substring(2)) + word(milli(100).toString(16)));
        String gift = send(ME, milli(1000), null);
        anvil.call("evm_mine");

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
        String contract = "Received from contract " + shortChecksummed(payer);
        assertEquals(2, tracedTexts.stream().filter(contract::equals).count(), tracedTexts.toString());
        assertTrue(tracedTexts.containsAll(List.of("+0.2 ETH", "+0.1 ETH", "+1 ETH")), tracedTexts.toString());
        assertFalse(visible(tracedPane, "#history-no-internal"));

        assertTrue(visible(untracedPane, "#history-no-internal"));
        assertTrue(texts(untracedPane).stream().anyMatch(t -> t.startsWith("Internal transfers not shown: this node does not offer traces")));
        assertEquals(List.of(gift), WaitForAsyncUtils.asyncFx(() -> untraced.history.stream().map(HistoryItem::hash).toList())
                .get(10, TimeUnit.SECONDS));
        screenshot("history-internal-transfers");
    }

    private static AccountModel account(RpcClient rpc, Database db) {
        TxRepository txs = new TxRepository(db);
        BlockIndexer indexer = new BlockIndexer(rpc, 31337, db, 0);
        IncomingTransfers incoming = new IncomingTransfers(rpc, db);
        InternalTransfers internal = new InternalTransfers(rpc, db);
        incoming.watch(ME);
        internal.watch(ME);
        indexer.subscribe(incoming);
        indexer.subscribe(internal);
        return new AccountModel(ME, rpc, new TxPipeline(rpc, 31337, txs), new TxTracker(rpc, txs), indexer,
                new AccountHistory(txs, incoming, internal), () -> {
                    throw new IllegalStateException("a watched account signs nothing");
                });
    }

    /** A node that answers everything through anvil except traces, which it does not offer (JSON-RPC -32601). */
    private static HttpServer refusingTraces(URI upstream) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] request = exchange.getRequestBody().readAllBytes();
            String body = new String(request, StandardCharsets.UTF_8);
            String reply;
            if (body.contains("\"method\":\"debug_") || body.contains("\"method\":\"trace_")) {
                reply = "{\"jsonrpc\":\"2.0\",\"id\":" + body.replaceAll("(?s).*\"id\":(\\d+).*", "$1")
                        + ",\"error\":{\"code\":-32601,\"message\":\"the method does not exist/is not available\"}}";
            } else {
                try {
                    reply = http.send(HttpRequest.newBuilder(upstream).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(request)).build(), HttpResponse.BodyHandlers.ofString()).body();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new java.io.IOException(e);
                }
            }
            byte[] bytes = reply.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        return server;
    }

    private static String deployPayer() {
        String hash = send(null, BigInteger.ZERO, PAYER);
        anvil.call("evm_mine");
        return anvil.call("eth_getTransactionReceipt", hash).path("contractAddress").asText();
    }

    private static String send(String to, BigInteger value, String data) {
        Map<String, String> tx = new java.util.LinkedHashMap<>();
        tx.put("from", DEV0);
        if (to != null) {
            tx.put("to", to);
        }
        tx.put("value", Hex.quantity(value));
        tx.put("gas", Hex.quantity(300_000));
        if (data != null) {
            tx.put("data", data);
        }
        return anvil.call("eth_sendTransaction", tx).asText();
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

    private static String shortChecksummed(String address) {
        String c = org.hearth.chain.Addresses.checksummed(address);
        return c.substring(0, 8) + "…" + c.substring(c.length() - 6);
    }

    private static String word(String hex) {
        return "0".repeat(64 - hex.length()) + hex;
    }

    private static BigInteger milli(long n) {
        return MILLI.multiply(BigInteger.valueOf(n));
    }

    private static void screenshot(String name) throws Exception {
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> robot.window(0).getScene().snapshot(null)).get(10, TimeUnit.SECONDS);
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", SHOTS.resolve(name + ".png").toFile());
    }
}
