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
        select("Fund GPU provider onboarding", 2);
        BigInteger id = selected().proposal().id();
        BigInteger snapshot = selected().proposal().stored().voteStart();
        String governor = governor().address();
        BigInteger atSnapshot = (BigInteger) calls().readOne(governor, "getVotes(address,uint256)(uint256)", OWNER, snapshot);
        assertTrue(atSnapshot.signum() > 0);
        String votes = ProposalDetail.tokens(atSnapshot);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> visible("#governance-snapshot-power"));
        assertEquals("Your votes at this proposal's snapshot (" + snapshot + "): " + votes, label("#governance-snapshot-power"));

        FxClicks.click(robot, "#governance-support-for");
        FxClicks.click(robot, "#governance-reason").write("Onboarding pays for itself");
        FxClicks.click(robot, "#governance-vote-review");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> visible("#review-pane"));
        assertEquals("castVoteWithReason(uint256,uint8,string)", label("#review-signature"));
        assertEquals("Your votes at this proposal's snapshot (" + snapshot + "): " + votes, label("#review-voting-power"));
        assertEquals(OWNER, label("#review-from"));
        assertEquals(governor, label("#review-to"));
        screenshot("governance-vote-review");

        FxClicks.click(robot, "#review-confirm");
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
        FxClicks.click(robot, "#governance-delegate-to").write(other);
        FxClicks.click(robot, "#governance-delegate");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> visible("#review-pane"));
        assertEquals("delegate(address)", label("#review-signature"));
        FxClicks.click(robot, "#review-confirm");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> visible("#governance-power-reason"));
        assertEquals("You delegated your tokens to " + other + ", who votes with them.", label("#governance-power-reason"));
        assertEquals(other, calls().readOne(token, "delegates(address)(address)", OWNER));
        screenshot("governance-delegated-elsewhere");

        FxClicks.click(robot, "#governance-delegate-self");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> visible("#review-pane"));
        FxClicks.click(robot, "#review-confirm");
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
        FxClicks.click(robot, "#governance-add-address").write(world.governor);
        FxClicks.click(robot, "#governance-add");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> governor().address().equalsIgnoreCase(world.governor) && table().getItems().size() == 3);
        assertTrue(session().contracts().byAddress(world.governor).map(KnownContract::artifactName).orElseThrow().equals("HearthGovernor"));
        select("Mixed bag", 3);
        assertEquals("Succeeded · proposed by " + OWNER, label("#governance-detail-state").replace("\u00b7", "·"));
        FxClicks.click(robot, "#governance-simulate");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> visible("#governance-sim-verdict"));
        String timelock = org.hearth.chain.Addresses.checksummed(world.timelock);
        assertEquals("Every action succeeds when run as " + timelock + ".", label("#governance-sim-verdict"));
        assertEquals("Action 3 (" + contracts.get("HearthToken") + ") succeeds", label("#governance-sim-action-3"));
        assertTrue(detailTexts().contains(GovernanceWorld.GRANTEE + " +100 HRTH"), detailTexts().toString());
        assertTrue(detailTexts().contains(timelock + " -1 ETH"), detailTexts().toString());
        screenshot("governance-simulated");
        FxClicks.click(robot, "#governance-queue");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> visible("#review-pane"));
        assertEquals("queue(address[],uint256[],bytes[],bytes32)", label("#review-signature"));
        FxClicks.click(robot, "#review-confirm");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> visible("#governance-eta"));
        assertTrue(label("#governance-detail-state").startsWith("Queued"), label("#governance-detail-state"));
        assertTrue(label("#governance-eta").startsWith("Executable in "), label("#governance-eta"));
        assertTrue(robot.lookup("#governance-execute").queryAs(Button.class).isDisabled(), "Execute waits for the ETA");
        screenshot("governance-queued");

        rpc.call("evm_increaseTime", 61);
        rpc.call("evm_mine");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !robot.lookup("#governance-execute").queryAs(Button.class).isDisabled());
        assertEquals("The timelock delay has passed: it can be executed now.", label("#governance-eta"));
        BigInteger grantee = tokenBalance(contracts.get("HearthToken"), GovernanceWorld.GRANTEE);
        BigInteger ethBefore = rpc.callQuantity("eth_getBalance", GovernanceWorld.ETH_RECIPIENT, "latest");
        FxClicks.click(robot, "#governance-execute");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> visible("#review-pane"));
        assertEquals("execute(address[],uint256[],bytes[],bytes32)", label("#review-signature"));
        FxClicks.click(robot, "#review-confirm");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> label("#governance-detail-state").startsWith("Executed"));
        assertEquals(GovernanceWorld.TOKEN.multiply(BigInteger.valueOf(100)), tokenBalance(contracts.get("HearthToken"), GovernanceWorld.GRANTEE).subtract(grantee));
        assertEquals(GovernanceWorld.TOKEN, rpc.callQuantity("eth_getBalance", GovernanceWorld.ETH_RECIPIENT, "latest").subtract(ethBefore));
        screenshot("governance-executed-light");
        WaitForAsyncUtils.asyncFx(Theme.DARK::apply).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        screenshot("governance-executed-dark");
        WaitForAsyncUtils.asyncFx(Theme.LIGHT::apply).get(10, TimeUnit.SECONDS);
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

    private static boolean visible(String id) {
        return robot.lookup(id).tryQuery().map(Node::isVisible).orElse(false) && robot.lookup(id).tryQuery().get().getScene() != null;
    }

    private static String label(String id) {
        return robot.lookup(id).tryQuery().map(n -> ((Label) n).getText()).orElse("");
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
