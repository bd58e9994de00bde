package org.hearth.app.desktop;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import org.hearth.app.FxClicks;
import org.hearth.app.shell.Screen;
import org.hearth.app.wallet.WalletModel;
import org.controlsfx.control.GridCell;
import org.hearth.nft.NftMetadata;
import org.hearth.nft.NftService;
import org.hearth.node.NodeState;
import org.hearth.wallet.WalletService;
import org.hearth.wallet.hd.AddressScheme;
import org.hearth.wallet.mnemonic.Mnemonic;
import org.hearth.wallet.vault.VaultAccount;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.NodeQueryUtils;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every screen in a pseudo-locale whose every bundle value is wrapped in ⟦…⟧ (see {@link PseudoBundles}):
 * any readable text on screen outside ⟦…⟧ that is not data did not come from a bundle, and fails the test.
 * Data is: hex (addresses, hashes, also shortened with …), URLs (http, data:, ipfs:, ar:), media types, BIP-32 paths,
 * file paths, numbers and punctuation, and the names the user or the chain gave (account labels, demo contract
 * names, NFT names, collections and traits).
 */
class PseudoLocaleUiTest {

    private static final String PHRASE = "test test test test test test test test test test test junk";
    private static final String PASSWORD = "correct horse battery";
    private static final Pattern WRAPPED = Pattern.compile(PseudoBundles.OPEN + "[^" + PseudoBundles.OPEN + PseudoBundles.CLOSE + "]*" + PseudoBundles.CLOSE);
    private static final Pattern DATA = Pattern.compile("0x[0-9a-fA-F]*(…[0-9a-fA-F]*)?|https?://\\S+|(data|ipfs|ar):\\S*"
            + "|\\b(application|image|text|video|audio)/[\\w.+-]+|m(/[0-9]+'?|/\\{i})+|(/[^\\s/]+)+/?");

    private static final FxRobot robot = new FxRobot();
    private static Locale original;
    private static HearthApplication app;
    private final Set<String> offences = new LinkedHashSet<>();
    /** Everything read, kept in target/ so a person can see what the check covered. */
    private final List<String> read = new ArrayList<>();
    /** Text the chain gave that a screen shows as data (NFT names, traits), added as the test reaches it. */
    private final List<String> chainData = new ArrayList<>();
    private final Set<String> chainWords = new LinkedHashSet<>();

    @BeforeAll
    static void openInThePseudoLocale() throws Exception {
        PseudoBundles.write();
        original = Locale.getDefault();
        Locale.setDefault(PseudoBundles.PSEUDO);
        Path dataDir = Files.createTempDirectory("hearth-pseudo");
        FxToolkit.registerPrimaryStage();
        app = (HearthApplication) FxToolkit.setupApplication(() -> new HearthApplication(new LaunchOptions(dataDir, null)));
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> app.chain().state.get() == NodeState.RUNNING
                && app.chain().height.get() != null && app.chain().contracts.size() == org.hearth.node.DemoWorld.CONTRACTS.size() && !app.chain().busy.get());
    }

    @AfterAll
    static void close() throws Exception {
        try {
            FxToolkit.cleanupApplication(app);
            FxToolkit.cleanupStages();
        } finally {
            Locale.setDefault(original);
        }
    }

    @Test
    void everyScreenShowsOnlyTextFromTheBundles() throws Exception {
        assertTrue(app.text().getString("nav.wallet").startsWith(PseudoBundles.OPEN), "the window reads the pseudo-locale");
        for (Screen screen : Screen.values()) {
            FxClicks.click(robot, "#nav-" + screen.id());
            WaitForAsyncUtils.waitForFxEvents();
            scan(screen.id());
        }
        walletInAllItsStates();
        nftDetailAndSend();
        Files.write(Path.of("target", "pseudo-locale-text.txt"), read);
        assertTrue(offences.isEmpty(), "text not from a bundle:\n" + String.join("\n", offences));
    }

    @Test
    void theCheckTellsBundleTextFromLiteralsAndData() {
        Set<String> names = Set.of("Account 1");
        assertTrue(fromBundleOrData("⟦Block 1,234⟧", names));
        assertTrue(fromBundleOrData("⟦Sending needs the chain: ⟦Cannot reach the node at %s⟧⟧", names));
        assertTrue(fromBundleOrData("Account 1\n0xf39Fd6…2266", names));
        assertTrue(fromBundleOrData("⟦Standard⟧  m/44'/60'/0'/0/{i}", names));
        assertTrue(fromBundleOrData("http://127.0.0.1:8545 · /tmp/hearth/hearth.db · 12.5", names));
        org.junit.jupiter.api.Assertions.assertFalse(fromBundleOrData("Msamples/s", names));
        org.junit.jupiter.api.Assertions.assertFalse(fromBundleOrData("⟦Sent⟧ to Bob", names));
        org.junit.jupiter.api.Assertions.assertFalse(fromBundleOrData("Paused: ⟦on battery⟧", names));
    }

    private void walletInAllItsStates() throws Exception {
        FxClicks.click(robot, "#nav-wallet");
        FxClicks.click(robot, "#wallet-create");
        scan("wallet create");
        FxClicks.click(robot, "#create-cancel");
        FxClicks.click(robot, "#wallet-restore");
        scan("wallet restore");
        FxClicks.click(robot, "#restore-cancel");

        WalletService wallet = new WalletService(app.services().vault());
        wallet.create(PASSWORD.toCharArray(), Mnemonic.parse(PHRASE), "", AddressScheme.BIP44, List.of(0)).lock();
        WaitForAsyncUtils.asyncFx(() -> app.wallet().reload()).get();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> app.wallet().state.get() == WalletModel.State.LOCKED);
        unlockWith("not the password");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !app.wallet().error.get().isEmpty() && !app.wallet().busy.get());
        scan("wallet locked, after a wrong password");

        unlockWith(PASSWORD);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> app.wallet().state.get() == WalletModel.State.UNLOCKED);
        // the demo world funds the first account: a balance and a history to read
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#account-balance").tryQuery()
                .map(n -> ((Label) n).getText().contains("99.9")).orElse(false));
        for (String tab : List.of("send", "receive", "history", "sign", "verify")) {
            FxClicks.click(robot, "#tab-" + tab);
            WaitForAsyncUtils.waitForFxEvents();
            scan("wallet " + tab);
        }
    }

    /** With the wallet open the gallery lists the demo world's tokens: one token's detail page, then its send page. */
    private void nftDetailAndSend() throws Exception {
        FxClicks.click(robot, "#nav-nfts");
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> robot.lookup(".nft-cell").queryAll().stream()
                .anyMatch(n -> n instanceof GridCell<?> c && c.getItem() != null)).get());
        // the top-left tile on screen (the grid also keeps spare cells out of sight)
        GridCell<?> cell = WaitForAsyncUtils.asyncFx(() -> robot.lookup(".nft-cell").match(NodeQueryUtils.isVisible()).queryAll().stream()
                .filter(n -> n instanceof GridCell<?> c && c.getItem() != null && !c.isEmpty())
                .min(java.util.Comparator.comparingDouble((javafx.scene.Node n) -> n.localToScene(n.getBoundsInLocal()).getMinY())
                        .thenComparingDouble(n -> n.localToScene(n.getBoundsInLocal()).getMinX()))
                .map(n -> (GridCell<?>) n).orElseThrow()).get();
        for (Object item : WaitForAsyncUtils.asyncFx(() -> robot.lookup(".nft-cell").queryAll().stream()
                .map(n -> ((GridCell<?>) n).getItem()).filter(java.util.Objects::nonNull).toList()).get()) {
            for (String d : nftData((NftService.Listed) item)) {
                if (d.strip().length() >= 4) {
                    chainData.add(d); // may stand inside other text
                } else {
                    chainWords.add(d.strip()); // a short trait ("Hue", "12") only as a whole label: inside other text it would erase letters
                }
            }
        }
        chainData.sort(java.util.Comparator.comparingInt(String::length).reversed()); // longest first: "Ember #2" before "Ember"
        scan("nft gallery");
        FxClicks.click(robot, cell);
        FxClicks.untilVisible(robot, "#nft-detail");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#nft-detail-image").tryQuery().isPresent()
                || robot.lookup("#nft-detail-placeholder").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        scan("nft detail");
        FxClicks.click(robot, "#nft-detail-send");
        FxClicks.untilVisible(robot, "#nft-send");
        scan("nft send");
        WaitForAsyncUtils.asyncFx(() -> robot.lookup("#nft-send-to").queryAs(TextField.class).setText("nobody")).get();
        FxClicks.click(robot, "#nft-send-review");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#nft-send-error").tryQuery()
                .map(n -> n.isVisible() && !((Label) n).getText().isBlank()).orElse(false));
        scan("nft send, a recipient that is no address");
    }

    /** What the chain and the token's metadata gave (names, traits, its URI): data, not interface text. */
    private static List<String> nftData(NftService.Listed listed) {
        List<String> out = new ArrayList<>();
        if (listed.nft().collection() != null) {
            out.add(listed.nft().collection());
        }
        if (listed.metadata() != null && listed.metadata().ok()) {
            NftMetadata m = listed.metadata().metadata();
            for (String s : new String[] {m.name(), m.description(), listed.metadata().tokenUri()}) {
                if (s != null) {
                    out.add(s);
                }
            }
            m.attributes().forEach(a -> {
                out.add(a.traitType());
                out.add(a.value());
            });
        }
        out.removeIf(s -> s == null || s.isBlank());
        out.sort(java.util.Comparator.comparingInt(String::length).reversed()); // longest first: "Ember #2" before "Ember"
        return out;
    }

    private static void unlockWith(String password) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !app.wallet().busy.get()
                && robot.lookup("#unlock-action").tryQuery().isPresent());
        WaitForAsyncUtils.asyncFx(() -> {
            robot.lookup("#unlock-password").queryAs(PasswordField.class).setText(password);
            robot.lookup("#unlock-action").queryAs(Button.class).fire();
        }).get();
    }

    private void scan(String situation) throws Exception {
        List<VisibleText.Piece> pieces = WaitForAsyncUtils.asyncFx(() -> VisibleText.of(robot.window(0).getScene().getRoot()))
                .get(10, TimeUnit.SECONDS);
        Set<String> names = new LinkedHashSet<>();
        app.chain().contracts.forEach(e -> names.add(e.getKey()));
        names.addAll(chainData);
        names.addAll(governanceData()); // governors' on-chain name() and proposal titles: data
        for (VaultAccount account : new ArrayList<>(app.wallet().accounts)) {
            names.add(account.label());
        }
        assertTrue(pieces.size() > 5, situation + ": nothing to read?");
        for (VisibleText.Piece piece : pieces) {
            read.add(situation + " · " + piece.where() + ": " + piece.text().replace("\n", "⏎"));
            if (!chainWords.contains(piece.text().strip()) && !fromBundleOrData(piece.text(), names)) {
                offences.add(situation + " · " + piece.where() + ": " + piece.text());
            }
        }
    }

    private static List<String> governanceData() throws InterruptedException {
        org.hearth.chain.session.ChainSession session = app.chain().session().get();
        if (session == null) {
            return List.of();
        }
        List<String> data = new ArrayList<>();
        org.hearth.dao.Proposals proposals = new org.hearth.dao.Proposals(session);
        for (org.hearth.dao.Governor g : new org.hearth.dao.Governors(session).list()) {
            data.add(g.name());
            proposals.sync(g);
            proposals.live(g).forEach(p -> data.add(p.title().strip()));
        }
        data.sort(java.util.Comparator.comparingInt(String::length).reversed());
        return data;
    }

    static boolean fromBundleOrData(String text, Set<String> names) {
        String rest = text;
        String before;
        do { // innermost first: a bundle value may hold another (a problem worded inside a message)
            before = rest;
            rest = WRAPPED.matcher(rest).replaceAll(" ");
        } while (!rest.equals(before));
        for (String name : names) {
            rest = rest.replace(name, " ");
        }
        rest = DATA.matcher(rest).replaceAll(" ");
        return rest.codePoints().noneMatch(Character::isLetter);
    }
}
