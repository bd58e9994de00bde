package org.hearth.app.governance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.VBox;
import javax.imageio.ImageIO;
import org.hearth.app.FxClicks;
import org.hearth.app.desktop.HearthApplication;
import org.hearth.app.desktop.LaunchOptions;
import org.hearth.app.shell.Theme;
import org.hearth.app.wallet.WalletModel;
import org.hearth.chain.RpcClient;
import org.hearth.chain.abi.ContractCalls;
import org.hearth.chain.session.ChainSession;
import org.hearth.chain.session.KnownContract;
import org.hearth.dao.Governor;
import org.hearth.node.NodeState;
import org.hearth.testing.GovernanceWorld;
import org.hearth.wallet.WalletService;
import org.hearth.wallet.hd.AddressScheme;
import org.hearth.wallet.mnemonic.Mnemonic;
import org.hearth.wallet.vault.Vault;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Voting, delegating, queueing and executing from the Governance screen, each through the review,
 * on the app's own local chain with the demo world, signed by the wallet's first account (anvil's
 * account 0, the demo world's owner, which holds most of the votes).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@org.junit.jupiter.api.extension.ExtendWith(org.hearth.app.FxThreadDump.class)
class GovernanceActionsUiTest {

    private static final String PHRASE = "test test test test test test test test test test test junk";
    private static final String PASSWORD = "governance ui test password";
    private static final String OWNER = GovernanceWorld.OWNER;
    private static final Path SHOTS = Path.of(System.getProperty("hearth.screenshots", "target/screenshots"));

    private static HearthApplication app;
    private static final FxRobot robot = new FxRobot();

    @BeforeAll
    static void openWindow() throws Exception {
        Path dataDir = Files.createTempDirectory("hearth-governance-actions");
        Files.createDirectories(SHOTS);
        new WalletService(Vault.inDataDir(dataDir)).create(PASSWORD.toCharArray(), Mnemonic.parse(PHRASE), "", AddressScheme.BIP44,
                List.of(0)).lock();
        FxToolkit.registerPrimaryStage();
        app = (HearthApplication) FxToolkit.setupApplication(() -> new HearthApplication(new LaunchOptions(dataDir, null)));
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> app.chain().state.get() == NodeState.RUNNING
                && app.chain().contracts.size() >= 6 && !app.chain().busy.get() && app.chain().session().get() != null);
        WaitForAsyncUtils.asyncFx(() -> app.wallet().unlock(PASSWORD.toCharArray(), "")).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> app.wallet().state.get() == WalletModel.State.UNLOCKED);
        // the unlock funds the first account on the local chain, from the same account: let it finish before signing
        ChainSession session = session();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> app.services().demoWorld().isFunded(session.chainId(), session.genesisHash(), OWNER));
        FxClicks.click(robot, "#nav-governance");
    }

    @AfterAll
    static void closeWindow() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    @Test
    @Order(1)
    void votesForWithAReasonThroughTheReviewAndSeesItsVote() throws Exception {
        select("Fund GPU provider onboarding", 4);
        BigInteger id = selected().proposal().id();
        BigInteger snapshot = selected().proposal().stored().voteStart();
        BigInteger end = selected().proposal().stored().voteEnd();
        String governor = governor().address();
        BigInteger atSnapshot = (BigInteger) calls().readOne(governor, "getVotes(address,uint256)(uint256)", OWNER, snapshot);
        assertTrue(atSnapshot.signum() > 0);
        String votes = ProposalDetail.tokens(atSnapshot);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> visible("#governance-snapshot-power"));
        // the demo governor counts seconds: its snapshot and vote end are times, shown as they are, and the vote lasts a day
        assertEquals(BigInteger.valueOf(86_400), end.subtract(snapshot));
        assertEquals("Your votes at this proposal's snapshot (" + when(snapshot) + "): " + votes, label("#governance-snapshot-power"));
        assertEquals("Voting from " + when(snapshot) + " to " + when(end), label("#governance-detail-times"));

        press("#governance-support-for");
        press("#governance-reason").write("Onboarding pays for itself");
        press("#governance-vote-review");
        reviewOpens();
        assertEquals("castVoteWithReason(uint256,uint8,string)", label("#review-signature"));
        assertEquals("Your votes at this proposal's snapshot (" + when(snapshot) + "): " + votes, label("#review-voting-power"));
        assertEquals(OWNER, label("#review-from"));
        assertEquals(governor, label("#review-to"));
        screenshot("governance-vote-review");

        confirm();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> visible("#governance-your-vote"));
        assertEquals("You voted for with " + votes + " votes.", label("#governance-your-vote"));
        String line = OWNER + " voted for with " + votes + ": Onboarding pays for itself";
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> detailLines().contains(line));
        assertEquals(Boolean.TRUE, calls().readOne(governor, "hasVoted(uint256,address)(bool)", id, OWNER));
        assertTrue(label("#governance-tx-status").startsWith("Confirmed: 0x"), label("#governance-tx-status"));
        screenshot("governance-voted");
    }

    @Test
    @Order(2)
    void delegatesToAnotherAddressIsToldWhyItsVotesAreZeroAndDelegatesBackToItself() throws Exception {
        String other = GovernanceWorld.USER;
        String token = governor().token();
        type("#governance-delegate-to", "0x1234");
        press("#governance-delegate");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !label("#governance-error").isEmpty());
        assertEquals("0x1234 is not a valid address (check the checksum)", label("#governance-error"));
        assertFalse(visible("#review-pane"), "nothing to review for a malformed address");
        type("#governance-delegate-to", "");
        press("#governance-delegate-to").write(other);
        press("#governance-delegate");
        reviewOpens();
        assertEquals("delegate(address)", label("#review-signature"));
        confirm();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> visible("#governance-power-reason"));
        assertEquals("You delegated your tokens to " + other + ", who votes with them.", label("#governance-power-reason"));
        assertEquals(other, calls().readOne(token, "delegates(address)(address)", OWNER));
        screenshot("governance-delegated-elsewhere");

        press("#governance-delegate-self");
        reviewOpens();
        confirm();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !visible("#governance-power-reason") && label("#governance-power").endsWith(OWNER));
        assertEquals(OWNER, calls().readOne(token, "delegates(address)(address)", OWNER));
        assertFalse(visible("#governance-delegate-self"), "no self-delegation offered once self-delegated");
    }

    @Test
    @Order(3)
    void addsAGovernorQueuesItsSucceededProposalAndExecutesItWhenTheCountdownEnds() throws Exception {
        RpcClient rpc = session().rpc();
        Map<String, String> contracts = new LinkedHashMap<>();
        session().contracts().all().forEach(c -> contracts.put(c.name(), c.address()));
        GovernanceWorld world = GovernanceWorld.create(rpc, contracts);
        press("#governance-add-address").write(world.governor);
        press("#governance-add");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> governor().address().equalsIgnoreCase(world.governor) && table().getItems().size() == 3);
        assertTrue(session().contracts().byAddress(world.governor).map(KnownContract::artifactName).orElseThrow().equals("HearthGovernor"));
        // the watch tells about the succeeded proposal: a badge on Governance and a link that shows it
        app.governanceWatch().checkSoon();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> noticeLinks().contains("Ready to queue: Mixed bag"));
        assertTrue(label("#nav-badge-governance").matches("[1-9][0-9]*"), label("#nav-badge-governance"));
        assertTrue(onFx(() -> robot.lookup("#governance-notices").queryAs(javafx.scene.control.MenuButton.class).getText())
                .matches("Notices \\([1-9][0-9]*\\)"));
        WaitForAsyncUtils.asyncFx(() -> robot.lookup("#governance-notices").queryAs(javafx.scene.control.MenuButton.class).getItems().stream()
                .filter(i -> i.getText().equals("Ready to queue: Mixed bag")).findFirst().orElseThrow().fire()).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> selected() != null && selected().proposal().title().equals("Mixed bag")));
        screenshot("governance-notices");
        select("Mixed bag", 3);
        assertEquals("Succeeded · proposed by " + OWNER, label("#governance-detail-state").replace("\u00b7", "·"));
        // this governor counts blocks: the vote's blocks with their times (mined blocks: their own timestamps)
        assertTrue(label("#governance-detail-times").matches("Voting from block [0-9,]+ \\(about \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d\\) "
                + "to block [0-9,]+ \\(about \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d\\)"), label("#governance-detail-times"));
        press("#governance-simulate");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> visible("#governance-sim-verdict"));
        String timelock = org.hearth.chain.Addresses.checksummed(world.timelock);
        assertEquals("Every action succeeds when run as " + timelock + ".", label("#governance-sim-verdict"));
        // known addresses are named, the Transfer's amount has the token's decimals and symbol
        assertEquals("Action 3 to " + named("HearthToken", contracts.get("HearthToken")) + " succeeds", label("#governance-sim-action-3"));
        String transfer = "\u2003Transfer(from: " + timelock + ", to: " + GovernanceWorld.GRANTEE + ", value: 100 HRTH) from "
                + named("HearthToken", contracts.get("HearthToken"));
        assertTrue(detailTexts().contains(transfer), detailTexts().toString());
        assertTrue(detailTexts().contains(GovernanceWorld.GRANTEE + " +100 HRTH"), detailTexts().toString());
        assertTrue(detailTexts().contains(timelock + " -1 ETH"), detailTexts().toString());
        screenshot("governance-simulated");
        press("#governance-queue");
        reviewOpens();
        assertEquals("queue(address[],uint256[],bytes[],bytes32)", label("#review-signature"));
        confirm();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> visible("#governance-eta"));
        assertTrue(label("#governance-detail-state").startsWith("Queued"), label("#governance-detail-state"));
        assertTrue(label("#governance-eta").startsWith("Executable in "), label("#governance-eta"));
        assertTrue(robot.lookup("#governance-execute").queryAs(Button.class).isDisabled(), "Execute waits for the ETA");
        screenshot("governance-queued");

        rpc.call("evm_increaseTime", 120); // well past the ETA: chain time moves with blocks, a second or two behind the wall clock
        rpc.call("evm_mine");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !robot.lookup("#governance-execute").queryAs(Button.class).isDisabled());
        assertEquals("The timelock delay has passed: it can be executed now.", label("#governance-eta"));
        BigInteger grantee = tokenBalance(contracts.get("HearthToken"), GovernanceWorld.GRANTEE);
        BigInteger ethBefore = rpc.callQuantity("eth_getBalance", GovernanceWorld.ETH_RECIPIENT, "latest");
        press("#governance-execute");
        reviewOpens();
        assertEquals("execute(address[],uint256[],bytes[],bytes32)", label("#review-signature"));
        confirm();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> label("#governance-detail-state").startsWith("Executed"));
        assertEquals(GovernanceWorld.TOKEN.multiply(BigInteger.valueOf(100)), tokenBalance(contracts.get("HearthToken"), GovernanceWorld.GRANTEE).subtract(grantee));
        assertEquals(GovernanceWorld.TOKEN, rpc.callQuantity("eth_getBalance", GovernanceWorld.ETH_RECIPIENT, "latest").subtract(ethBefore));
        screenshot("governance-executed-light");
        WaitForAsyncUtils.asyncFx(Theme.DARK::apply).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        screenshot("governance-executed-dark");
        WaitForAsyncUtils.asyncFx(Theme.LIGHT::apply).get(10, TimeUnit.SECONDS);
    }

    @Test
    @Order(4)
    @SuppressWarnings("unchecked")
    void buildsAProposalFromRecipesAndAnImportSimulatesItAndProposesItThroughTheReview() throws Exception {
        String token = session().contracts().byName("HearthToken").orElseThrow().address();
        String market = session().contracts().byName("ComputeMarket").orElseThrow().address();
        String votes = governor().token(); // the governor chosen above (the builder hides its picker)
        int before = table().getItems().size();
        press("#governance-new");
        FxClicks.untilVisible(robot, "#builder-title");
        press("#builder-title").write("Pay the auditors");
        press("#builder-body").write("**Audit** of the market, see [report](https://audit.example/r)");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(WaitForAsyncUtils.asyncFx(() -> robot.lookup("#builder-preview").queryAll().stream().findFirst()
                .map(p -> robot.from(p).lookup((Node n) -> n instanceof javafx.scene.text.Text t && t.getText().contains("https://audit.example/r"))
                        .tryQuery().isPresent()).orElse(false)).get(), "the preview shows the link's target");

        // an imported actions file replaces the list; removing its action empties it again
        press("#builder-import").write("[{\"target\":\"" + GovernanceWorld.ETH_RECIPIENT + "\",\"value\":\"500000000000000000\"}]");
        press("#builder-import-apply");
        added(1);
        assertEquals("Send 0.5 ETH from the treasury to " + GovernanceWorld.ETH_RECIPIENT, label("#builder-action-1"));
        press("#builder-remove-1");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !visible("#builder-action-1"));

        type("#recipe-amount", "250");
        type("#recipe-to", GovernanceWorld.GRANTEE);
        press("#builder-add");
        added(1);
        // the recipe moves the governor's own token: on the block-number governor added above, BVOTE
        assertEquals("Transfer 250 BVOTE from the treasury to " + GovernanceWorld.GRANTEE, label("#builder-action-1"));

        ComboBox<RecipeForm.Recipe> recipe = robot.lookup("#builder-recipe").queryAs(ComboBox.class);
        WaitForAsyncUtils.asyncFx(() -> recipe.setValue(RecipeForm.Recipe.PARAMETER)).get(10, TimeUnit.SECONDS);
        ComboBox<KnownContract> contract = robot.lookup("#recipe-contract").queryAs(ComboBox.class);
        ComboBox<String> function = robot.lookup("#recipe-function").queryAs(ComboBox.class);
        WaitForAsyncUtils.asyncFx(() -> {
            contract.setValue(contract.getItems().stream().filter(c -> c.name().equals("ComputeMarket")).findFirst().orElseThrow());
            function.setValue("setFeeBps(uint256)");
        }).get(10, TimeUnit.SECONDS);
        type("#recipe-values", "300");
        press("#builder-add");
        added(2);
        assertEquals("Change a parameter of ComputeMarket: setFeeBps(300)", label("#builder-action-2"));

        WaitForAsyncUtils.asyncFx(() -> recipe.setValue(RecipeForm.Recipe.CUSTOM)).get(10, TimeUnit.SECONDS);
        // the form sits low in the scrolled builder: its fields are filled directly, the button is clicked
        type("#recipe-target", token);
        type("#recipe-signature", "approve(address,uint256)");
        type("#recipe-args", GovernanceWorld.GRANTEE + "\n5");
        press("#builder-add");
        added(3);
        assertTrue(label("#builder-action-3").startsWith("Call HearthToken: approve("), label("#builder-action-3"));

        assertTrue(robot.lookup("#builder-propose").queryAs(Button.class).isDisabled(), "Propose waits for a simulation");
        press("#builder-simulate");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> visible("#governance-sim-verdict"));
        // this governor's treasury was emptied by the executed proposal, and the market belongs to the demo timelock
        assertTrue(label("#governance-sim-verdict").startsWith("An action reverts"), label("#governance-sim-verdict"));
        assertTrue(label("#governance-sim-action-1").contains("ERC20InsufficientBalance"), label("#governance-sim-action-1"));
        assertEquals("Action 2 to " + named("ComputeMarket", market) + " reverts: NotTimelock()", label("#governance-sim-action-2"));
        screenshot("governance-builder-light");
        WaitForAsyncUtils.asyncFx(Theme.DARK::apply).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        screenshot("governance-builder-dark");
        WaitForAsyncUtils.asyncFx(Theme.LIGHT::apply).get(10, TimeUnit.SECONDS);

        press("#builder-propose");
        reviewOpens();
        assertEquals("propose(address[],uint256[],bytes[],string)", label("#review-signature"));
        confirm();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> visible("#governance-proposals") && table().getItems().size() == before + 1);
        GovernanceModel.Row created = table().getItems().getFirst();
        assertEquals("Pay the auditors", created.proposal().title());
        assertEquals("# Pay the auditors\n\n**Audit** of the market, see [report](https://audit.example/r)", created.proposal().stored().description());
        assertEquals(List.of(votes, market, token), created.proposal().stored().targets().stream().map(org.hearth.chain.Addresses::checksummed).toList());
    }

    /**
     * Confirms the review. A click can land while the review is still laying out and be lost (seen under load):
     * Confirm is disabled while a send is under way, so it is clicked again only while the review still shows it enabled.
     */
    private static void confirm() throws Exception {
        FxClicks.click(robot, "#review-confirm");
        java.util.concurrent.Callable<Boolean> taken = () -> !visible("#review-pane")
                || onFx(() -> robot.lookup("#review-confirm").tryQuery().map(Node::isDisabled).orElse(true));
        for (int retry = 0; retry < 2 && !settlesWithin(10, taken); retry++) {
            FxClicks.click(robot, "#review-confirm");
        }
    }

    private static boolean settlesWithin(int seconds, java.util.concurrent.Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        }
    }

    /** A known address as the simulation names it: the name, then the address shortened. */
    private static String named(String name, String address) {
        return name + " (" + address.substring(0, 6) + "\u2026" + address.substring(38) + ")";
    }

    /** A governor time as the screen shows it (local time, to the minute). */
    private static String when(BigInteger unixSeconds) {
        return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                .format(java.time.Instant.ofEpochSecond(unixSeconds.longValueExact()).atZone(java.time.ZoneId.systemDefault()));
    }

    private static void type(String id, String text) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> robot.lookup(id).queryTextInputControl().setText(text)).get(10, TimeUnit.SECONDS);
    }

    private static List<String> noticeLinks() {
        return onFx(() -> robot.lookup("#governance-notices").queryAs(javafx.scene.control.MenuButton.class).getItems().stream()
                .map(javafx.scene.control.MenuItem::getText).toList());
    }

    /** Scrolls the node into its scroll pane's view (a real user scrolls too), then clicks it. */
    private static FxRobot press(String id) throws Exception {
        FxClicks.untilVisible(robot, id);
        onFx(() -> {
            Node n = robot.lookup(id).query();
            for (javafx.scene.Parent p = n.getParent(); p != null; p = p.getParent()) {
                if (p instanceof javafx.scene.control.ScrollPane sp && sp.getContent() != null) {
                    double y = sp.getContent().sceneToLocal(n.localToScene(n.getBoundsInLocal())).getMinY();
                    double room = sp.getContent().getBoundsInLocal().getHeight() - sp.getViewportBounds().getHeight();
                    sp.setVvalue(room <= 0 ? 0 : Math.max(0, Math.min(1, (y - 20) / room)));
                    break;
                }
            }
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        return FxClicks.click(robot, id);
    }

    /** Waits for the builder's action {@code n}, failing with the builder's error when adding failed. */
    private static void added(int n) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> visible("#builder-action-" + n) || !label("#builder-error").isEmpty());
        assertEquals("", label("#builder-error"));
    }

    /** Waits for the review, failing with the screen's error when preparing the transaction failed. */
    private static void reviewOpens() throws Exception {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> visible("#review-pane") || !label("#governance-error").isEmpty()
                    || !label("#builder-error").isEmpty());
        } catch (java.util.concurrent.TimeoutException e) {
            screenshot("failed-review-wait");
            throw e;
        }
        assertEquals("", label("#governance-error") + label("#builder-error"));
    }

    private static BigInteger tokenBalance(String token, String account) {
        return (BigInteger) calls().readOne(token, "balanceOf(address)(uint256)", account);
    }

    private static void select(String title, int rows) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> table().getItems().size() == rows);
        WaitForAsyncUtils.asyncFx(() -> table().getItems().stream().filter(r -> r.proposal().title().equals(title)).findFirst()
                .ifPresent(r -> table().getSelectionModel().select(r))).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> selected() != null && selected().proposal().title().equals(title));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static GovernanceModel.Row selected() {
        return table().getSelectionModel().getSelectedItem();
    }

    @SuppressWarnings("unchecked")
    private static TableView<GovernanceModel.Row> table() {
        return robot.lookup("#governance-proposals").queryAs(TableView.class);
    }

    @SuppressWarnings("unchecked")
    private static Governor governor() {
        Governor g = robot.lookup((Node n) -> "governance-governor".equals(n.getId())).tryQuery().map(n -> ((ComboBox<Governor>) n).getValue()).orElse(null);
        return g == null ? new Governor("0x0000000000000000000000000000000000000000", "", "", "", "", null, Governor.Clock.BLOCK_NUMBER) : g;
    }

    private static ChainSession session() {
        return app.chain().session().get();
    }

    private static ContractCalls calls() {
        return new ContractCalls(session().rpc());
    }

    /** Read on the FX thread: the scene changes under a reader on another thread. */
    private static boolean visible(String id) {
        return onFx(() -> robot.lookup(id).tryQuery().map(n -> n.isVisible() && n.getScene() != null).orElse(false));
    }

    private static String label(String id) {
        return onFx(() -> robot.lookup(id).tryQuery().map(n -> ((Label) n).getText()).orElse(""));
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> detailLines() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> robot.lookup("#governance-detail").queryAs(VBox.class).getChildren().stream()
                .filter(n -> n instanceof Label).map(n -> ((Label) n).getText()).toList()).get(10, TimeUnit.SECONDS);
    }

    /** Every label's text in the detail, nested boxes included. */
    private static List<String> detailTexts() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> robot.lookup("#governance-detail").queryAs(VBox.class).lookupAll(".label").stream()
                .filter(n -> n instanceof Label).map(n -> ((Label) n).getText()).toList()).get(10, TimeUnit.SECONDS);
    }

    private static void screenshot(String name) throws Exception {
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> robot.window(0).getScene().snapshot(null)).get(10, TimeUnit.SECONDS);
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", SHOTS.resolve(name + ".png").toFile());
        assertTrue(Files.size(SHOTS.resolve(name + ".png")) > 5_000, "screenshot " + name + " is empty");
    }
}
