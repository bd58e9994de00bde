package org.hearth.app.nft;

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
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.hearth.app.FxClicks;
import org.hearth.app.desktop.Messages;
import org.hearth.app.shell.Navigator;
import org.hearth.app.shell.Theme;
import org.hearth.chain.ContractArtifact;
import org.hearth.chain.RpcClient;
import org.hearth.chain.abi.ContractCalls;
import org.hearth.chain.session.ChainSession;
import org.hearth.chain.tx.PrivateKeySigner;
import org.hearth.node.DemoWorld;
import org.hearth.nft.NftService;
import org.hearth.store.Database;
import org.hearth.store.DemoWorldRepository;
import org.hearth.store.SettingsRepository;
import org.hearth.testing.CountingHttpServer;
import org.hearth.testing.DevTx;
import org.hearth.testing.TestChain;
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
 * The NFTs screen on anvil: the demo world's collections, a collection of hostile metadata and media
 * the account minted itself (a loopback image that must not be fetched, a script in an SVG, broken
 * base64, a WebP, a bidi-laden name) and an unsolicited airdrop in the Spam view; filters, the detail
 * page with royalty, and sending an ERC-1155 quantity through the review. Screenshots light and dark.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NftGalleryUiTest {

    private static final String USER = DevTx.ACCOUNTS[1];
    private static final String BOB = DevTx.ACCOUNTS[2];
    private static final PrivateKeySigner SIGNER = new PrivateKeySigner(
            ECKeyPair.create(Numeric.toBigInt("0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d")));
    private static final String WEBP = "UklGRiQAAABXRUJQVlA4TBcAAAAvB0ABAA8Q87//8x8OAIJI8N9rIqL/IQA=";
    private static final Path SHOTS = Path.of(System.getProperty("hearth.screenshots", "target/screenshots"));
    private static final FxRobot robot = new FxRobot();

    private static TestChain chain;
    private static ChainSession session;
    private static CountingHttpServer server;
    private static Map<String, String> demo;
    private static String hostile;
    private static Stage stage;
    private static NftGalleryView view;
    private static Navigator<String> navigator;

    @BeforeAll
    static void open() throws Exception {
        Files.createDirectories(SHOTS);
        Path dir = Files.createTempDirectory("hearth-nft-ui");
        server = new CountingHttpServer().on("/", CountingHttpServer.bytes("image/png", new byte[] {1, 2, 3}));
        chain = TestChain.start(dir, 1);
        Database db = Database.open(dir.resolve("hearth.db"));
        demo = new DemoWorld(chain.rpc(), new DemoWorldRepository(db), dir.resolve("demo.lock")).ensure(USER).contracts();
        DevTx dev = new DevTx(chain.rpc());
        hostile = gallery(dev, "Odd Media", USER);
        for (String uri : List.of(
                meta("Loopback image", "http://127.0.0.1:" + server.port() + "/steal.png"),
                meta("Scripted SVG", "data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg' width='40' height='40' onload='alert(1)'>"
                        + "<script>alert(2)</script><rect width='40' height='40' fill='teal'/></svg>"),
                meta("Broken base64", "data:image/png;base64,!!!not-base64"),
                meta("WebP square", "data:image/webp;base64," + WEBP),
                meta("\u202Egnp.exe <b>bold</b> " + "W".repeat(300), "data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg' "
                        + "width='20000' height='20000'><circle cx='10000' cy='10000' r='9000' fill='orange'/></svg>"))) {
            dev.call(USER, hostile, "mint(address,string)", USER, uri);
        }
        String drop = gallery(dev, "Lovely Art", DevTx.ACCOUNTS[0]);
        dev.call(DevTx.ACCOUNTS[0], drop, "mint(address,string)", USER, meta("Lovely #1", "data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg' "
                + "width='10' height='10'><rect width='10' height='10' fill='pink'/></svg>"));
        session = ChainSession.open(new RpcClient(chain.rpc().endpoint()), ChainSession.Kind.LOCAL, db, 0);
        ResourceBundle text = Messages.text(java.util.Locale.getDefault());
        stage = FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(s -> {
            Theme.LIGHT.apply();
            BorderPane frame = new BorderPane();
            navigator = new Navigator<>(frame::setCenter);
            NftDetailPage.Opener opener = (chainSession, svc, listed, from, onChanged) -> navigator.push(new NftDetailPage(text, chainSession,
                    svc, listed, from, address -> SIGNER, onChanged, navigator::push, navigator::back));
            view = new NftGalleryView(text, new SimpleObjectProperty<>(session), new SimpleObjectProperty<>(USER),
                    new SettingsRepository(db), dir.resolve("nft-cache"), chainSession -> java.util.Optional.empty(), opener);
            Scene scene = new Scene(frame, 1200, 800);
            scene.getStylesheets().add(NftGalleryView.class.getResource("/org/hearth/app/hearth.css").toExternalForm());
            s.setScene(scene);
            s.show();
            navigator.show("nfts", () -> view);
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> view.model().rows().size() == 6 + 5 + 1);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String gallery(DevTx dev, String name, String owner) {
        return dev.deploy(DevTx.ACCOUNTS[0], ContractArtifact.load("HearthGallery").bytecode(), List.of("string", "string", "address"),
                name, "HG", owner).toLowerCase();
    }

    private static String meta(String name, String image) {
        return "data:application/json," + "{\"name\":\"" + name + "\",\"description\":\"A test token.\",\"image\":\"" + image
                + "\",\"attributes\":[{\"trait_type\":\"Kind\",\"value\":\"odd\"}]}";
    }

    @AfterAll
    static void close() throws Exception {
        FxToolkit.cleanupStages();
        WaitForAsyncUtils.asyncFx(Theme.LIGHT::apply).get();
        session.close();
        chain.close();
        server.close();
    }

    @Test
    @Order(1)
    void theGridShowsThumbnailsAndPlaceholdersWithReasonsAndNothingForbiddenIsFetched() throws Exception {
        assertEquals(11, fx(() -> view.model().shown.size()), "the airdrop is not in the Shown view");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> view.model().shown.stream()
                .allMatch(l -> view.thumbnails().ready(l) != null)));
        NftThumbnails.Thumb loopback = thumb("Loopback image");
        assertTrue(loopback.image() == null && loopback.error().contains("Refused to fetch"), loopback.error());
        assertEquals(0, server.requests(), "nothing was fetched from loopback");
        assertTrue(thumb("Scripted SVG").image() != null, "the SVG is drawn, its script never run");
        assertTrue(thumb("Broken base64").error() != null, "broken base64 is a placeholder with a reason");
        assertEquals(8, (int) thumb("WebP square").image().getWidth());
        javafx.scene.image.Image ember = thumb("Hearth Ember #1").image();
        int argb = ember.getPixelReader().getArgb((int) ember.getWidth() / 2, (int) ember.getHeight() / 2);
        assertTrue((argb & 0xffffff) != 0, "the on-chain art is drawn in its hsl() colours, not black");
        assertTrue(texts(".nft-placeholder").stream().anyMatch(t -> t.startsWith("No metadata, so no image: ")), texts(".nft-placeholder").toString());
        List<String> names = texts(".nft-name");
        String odd = names.stream().filter(n -> n.contains("gnp.exe")).findFirst().orElseThrow();
        assertTrue(odd.length() <= 64 && odd.codePoints().noneMatch(c -> Character.getType(c) == Character.FORMAT), odd);
        assertTrue(texts(".nft-placeholder").stream().anyMatch(t -> t.contains("Refused to fetch")), texts(".nft-placeholder").toString());
        screenshot("nfts-gallery");
        WaitForAsyncUtils.asyncFx(Theme.DARK::apply).get();
        WaitForAsyncUtils.waitForFxEvents();
        screenshot("nfts-gallery-dark");
        WaitForAsyncUtils.asyncFx(Theme.LIGHT::apply).get();
    }

    @Test
    @Order(2)
    @SuppressWarnings("unchecked")
    void searchCollectionFilterAndTheSpamViewWithItsReason() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> robot.lookup("#nfts-search").queryAs(TextField.class).setText("ember #2")).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("Hearth Ember #2"), fx(() -> view.model().shown.stream().map(NftService.Listed::name).toList()));
        WaitForAsyncUtils.asyncFx(() -> robot.lookup("#nfts-search").queryAs(TextField.class).setText("")).get();
        ComboBox<NftGalleryModel.Collection> box = robot.lookup("#nfts-collection").queryAs(ComboBox.class);
        WaitForAsyncUtils.asyncFx(() -> box.setValue(box.getItems().stream()
                .filter(c -> c != null && "Hearth Items".equals(c.name())).findFirst().orElseThrow())).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(3, fx(() -> view.model().shown.size()));
        FxClicks.click(robot, "#nfts-view-spam");
        WaitForAsyncUtils.waitForFxEvents();
        List<NftService.Listed> spam = fx(() -> List.copyOf(view.model().shown));
        assertEquals(List.of("Lovely #1"), spam.stream().map(NftService.Listed::name).toList(), "the collection filter resets per view");
        assertEquals("nft.spam.airdrop", spam.getFirst().spamReason());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(texts(".nft-spam-reason").stream().anyMatch(t -> t.startsWith("Hidden as spam: an airdrop")), texts(".nft-spam-reason").toString());
        screenshot("nfts-spam");
        FxClicks.click(robot, "#nfts-view-shown");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(11, fx(() -> view.model().shown.size()));

        // "not spam" from the token's page: remembered over the rule, so it joins the Shown view
        FxClicks.click(robot, "#nfts-view-spam");
        openCell("Lovely #1");
        assertEquals("Not spam: show it", robot.lookup("#nft-detail-hide").queryAs(javafx.scene.control.Button.class).getText());
        FxClicks.click(robot, "#nft-detail-hide");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> view.model().rows().stream()
                .anyMatch(l -> "Lovely #1".equals(l.name()) && !l.nft().spam())));
        FxClicks.click(robot, "#nfts-view-shown");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(12, fx(() -> view.model().shown.size()));
    }

    @Test
    @Order(3)
    void theDetailPageShowsRoyaltyContractAndIdAndSendsAQuantityThroughTheReview() throws Exception {
        openCell("Hearth Ember #2");
        FxClicks.untilVisible(robot, "#nft-detail-image");
        assertTrue(texts(".nft-trait-value").size() == 3, "hue, accent hue and embers: " + texts(".nft-trait-value"));
        screenshot("nfts-detail-ember");
        WaitForAsyncUtils.asyncFx(() -> navigator.back()).get();
        FxClicks.untilVisible(robot, "#nfts-grid");
        openCell("Hearth Items #3");
        FxClicks.untilVisible(robot, "#nft-detail-royalty");
        assertEquals("5% of each sale", robot.lookup("#nft-detail-royalty").queryAs(Label.class).getText());
        String contract = fx(() -> robot.lookup("#nft-detail-contract").queryAs(Label.class).getText());
        assertEquals(org.hearth.chain.Addresses.checksummed(demo.get("HearthItems")), contract);
        assertEquals("20", robot.lookup("#nft-detail-amount").queryAs(Label.class).getText());
        screenshot("nfts-detail-items");
        WaitForAsyncUtils.asyncFx(Theme.DARK::apply).get();
        WaitForAsyncUtils.waitForFxEvents();
        screenshot("nfts-detail-items-dark");
        WaitForAsyncUtils.asyncFx(Theme.LIGHT::apply).get();

        FxClicks.click(robot, "#nft-detail-send");
        WaitForAsyncUtils.asyncFx(() -> {
            robot.lookup("#nft-send-to").queryAs(TextField.class).setText(BOB);
            robot.lookup("#nft-send-amount").queryAs(TextField.class).setText("7");
        }).get();
        FxClicks.click(robot, "#nft-send-review");
        FxClicks.untilVisible(robot, "#review-confirm");
        screenshot("nfts-send-review");
        FxClicks.click(robot, "#review-confirm");
        FxClicks.untilVisible(robot, "#nft-send-sent");
        ContractCalls calls = new ContractCalls(chain.rpc());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> BigInteger.valueOf(7)
                .equals(calls.readOne(demo.get("HearthItems"), "balanceOf(address,uint256)(uint256)", BOB, BigInteger.valueOf(3))));
        FxClicks.click(robot, "#nft-send-close");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> view.model().rows().stream()
                .anyMatch(l -> "Hearth Items".equals(l.nft().collection()) && l.nft().tokenId().intValue() == 3
                        && l.nft().amount().intValue() == 13)));
        assertTrue(robot.lookup("#nfts-grid").tryQuery().isPresent(), "back on the gallery");
    }

    @Test
    @Order(4)
    void aBrokenImageShowsItsReasonOnTheDetailPageAndHidingMovesTheTokenToHidden() throws Exception {
        openCell("Loopback image");
        FxClicks.untilVisible(robot, "#nft-detail-placeholder");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() -> robot.lookup("#nft-detail-placeholder").queryAs(Label.class)
                .getText().contains("Refused to fetch")));
        assertTrue(robot.lookup("#nft-detail-image").tryQuery().isEmpty());
        assertEquals(0, server.requests());
        screenshot("nfts-detail-refused");
        FxClicks.click(robot, "#nft-detail-hide");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> view.model().rows().stream()
                .anyMatch(l -> "Loopback image".equals(l.name()) && l.nft().hidden())));
        FxClicks.click(robot, "#nfts-view-hidden");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("Loopback image"), fx(() -> view.model().shown.stream().map(NftService.Listed::name).toList()));
        FxClicks.click(robot, "#nfts-view-shown");
        assertFalse(fx(() -> view.model().shown.stream().anyMatch(l -> "Loopback image".equals(l.name()))));
    }

    @Test
    @Order(5)
    void thumbnailMemoryStaysBoundedWhateverIsAskedFor() throws Exception {
        NftThumbnails thumbs = new NftThumbnails();
        NftService service = fx(() -> view.model().service(session));
        int asked = NftThumbnails.KEEP + 60;
        java.util.concurrent.atomic.AtomicInteger answered = new java.util.concurrent.atomic.AtomicInteger();
        WaitForAsyncUtils.asyncFx(() -> {
            for (int i = 0; i < asked; i++) {
                String svg = "data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg' width='300' height='300'><rect width='300' height='300' "
                        + "fill='rgb(" + (i % 255) + ",80,120)'/></svg>";
                org.hearth.nft.ResolvedMetadata m = new org.hearth.nft.ResolvedMetadata("data:", List.of(), "application/json",
                        org.hearth.nft.NftMetadata.imageOnly(svg), null);
                NftService.Listed l = new NftService.Listed(new org.hearth.nft.OwnedNft("0x" + "0".repeat(39) + "1", BigInteger.valueOf(i),
                        org.hearth.nft.NftStandard.ERC721, BigInteger.ONE, "Many", false, false), "#" + i, m, null);
                thumbs.request(service, l, () -> true, t -> answered.incrementAndGet());
            }
        }).get();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> answered.get() == asked);
        assertEquals(NftThumbnails.KEEP, fx(thumbs::held), "the oldest thumbnails were let go");
    }

    private static void openCell(String name) throws Exception {
        Node cell = fx(() -> robot.lookup(".nft-cell").queryAll().stream()
                .filter(n -> n instanceof NftCell c && c.getItem() != null && name.equals(NftCell.title(Messages.text(), c.getItem())))
                .findFirst().orElseThrow(() -> new AssertionError("no cell " + name)));
        FxClicks.click(robot, cell);
        FxClicks.untilVisible(robot, "#nft-detail");
    }

    private static NftThumbnails.Thumb thumb(String name) throws Exception {
        return fx(() -> view.thumbnails().ready(view.model().rows().stream().filter(l -> name.equals(l.name())).findFirst().orElseThrow()));
    }

    private static List<String> texts(String query) throws Exception {
        return fx(() -> robot.lookup(query).queryAllAs(Label.class).stream().map(Label::getText).toList());
    }

    private static <T> T fx(java.util.concurrent.Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }

    private static void screenshot(String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage image = fx(() -> stage.getScene().snapshot(null));
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", SHOTS.resolve(name + ".png").toFile());
    }
}
