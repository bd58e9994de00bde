package org.hearth.app.governance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.VBox;
import javax.imageio.ImageIO;
import org.hearth.app.FxClicks;
import org.hearth.app.desktop.HearthApplication;
import org.hearth.app.desktop.LaunchOptions;
import org.hearth.node.NodeState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The Governance screen on the app's own local chain with the demo world: proposals from logs, actions in words, votes. */
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class GovernanceUiTest {

    private static HearthApplication app;
    private static final FxRobot robot = new FxRobot();
    private static final Path SHOTS = Path.of(System.getProperty("hearth.screenshots", "target/screenshots"));

    @BeforeAll
    static void openWindow() throws Exception {
        Path dataDir = Files.createTempDirectory("hearth-governance-ui");
        Files.createDirectories(SHOTS);
        FxToolkit.registerPrimaryStage();
        app = (HearthApplication) FxToolkit.setupApplication(() -> new HearthApplication(new LaunchOptions(dataDir, null)));
    }

    @AfterAll
    static void closeWindow() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    @Test
    @org.junit.jupiter.api.Order(1)
    @SuppressWarnings("unchecked")
    void theDemoProposalsAreListedWithTheirActionsInWords() throws Exception {
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> app.chain().state.get() == NodeState.RUNNING
                && app.chain().contracts.size() >= 6 && !app.chain().busy.get() && app.chain().session().get() != null);
        FxClicks.click(robot, "#nav-governance");
        TableView<GovernanceModel.Row> table = robot.lookup("#governance-proposals").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> table.getItems().size() == 4);
        assertEquals(List.of("Fund GPU provider onboarding", "Reward the first providers", "Halve the provider stake", "Adopt a one-day voting period"),
                table.getItems().stream().map(r -> r.proposal().title()).toList());
        WaitForAsyncUtils.asyncFx(() -> table.getSelectionModel().select(3)).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        List<String> lines = texts(robot.lookup("#governance-detail").queryAs(VBox.class));
        assertTrue(lines.contains("Change a parameter of HearthGovernor: setVotingPeriod(86400)"), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.contains("voted for with 750,000")), lines.toString());
        screenshot("governance-executed");
        WaitForAsyncUtils.asyncFx(() -> table.getSelectionModel().select(0)).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        lines = texts(robot.lookup("#governance-detail").queryAs(VBox.class));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("Transfer 5,000 HRTH from the treasury to 0x")), lines.toString());
        // the demo governor counts seconds: the open vote's start and end are exact times, a day apart
        String times = robot.lookup("#governance-detail-times").queryAs(Label.class).getText();
        assertTrue(times.matches("Voting from \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d to \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d"), times);
        screenshot("governance-active");
        WaitForAsyncUtils.asyncFx(org.hearth.app.shell.Theme.DARK::apply).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        screenshot("governance-active-dark");
        WaitForAsyncUtils.asyncFx(org.hearth.app.shell.Theme.LIGHT::apply).get(10, TimeUnit.SECONDS);
    }

    @Test
    @org.junit.jupiter.api.Order(2) // it adds a proposal to the demo governor's four
    @SuppressWarnings("unchecked")
    void anUpgradeOfAProxyIsFlaggedInTheProposalsActions() throws Exception {
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> app.chain().state.get() == NodeState.RUNNING
                && app.chain().contracts.size() >= 6 && !app.chain().busy.get() && app.chain().session().get() != null);
        org.hearth.chain.RpcClient rpc = app.chain().session().get().rpc();
        String owner = org.hearth.testing.DevTx.ACCOUNTS[0];
        org.hearth.testing.Proxies proxies = org.hearth.testing.Proxies.deploy(rpc, owner);
        String governor = app.chain().session().get().contracts().byName("HearthGovernor").orElseThrow().address();
        new org.hearth.testing.DevTx(rpc).call(owner, governor, "propose(address[],uint256[],bytes[],string)", List.of(proxies.uups()),
                List.of(java.math.BigInteger.ZERO), List.of(org.hearth.chain.abi.Abi.encodeCall("upgradeToAndCall(address,bytes)",
                        proxies.nextImplementation(), new byte[0])), "# Upgrade the box\n\nA new implementation behind the proxy.");
        FxClicks.click(robot, "#nav-wallet");
        FxClicks.click(robot, "#nav-governance"); // shown again: the list is read again
        TableView<GovernanceModel.Row> table = robot.lookup("#governance-proposals").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> table.getItems().stream().anyMatch(r -> r.proposal().title().equals("Upgrade the box")));
        WaitForAsyncUtils.asyncFx(() -> table.getItems().stream().filter(r -> r.proposal().title().equals("Upgrade the box")).findFirst()
                .ifPresent(r -> table.getSelectionModel().select(r))).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        List<String> lines = texts(robot.lookup("#governance-detail").queryAs(VBox.class));
        assertTrue(lines.contains("Upgrade: upgradeToAndCall(address,bytes) on " + proxies.uups() + " replaces the code (or the admin) behind a proxy with "
                + proxies.nextImplementation() + "; review that code before voting"), lines.toString());
        assertTrue(lines.contains(proxies.uups() + " is an upgradeable proxy (EIP-1967): the code that runs is at " + proxies.implementation()
                + ", not at the address called, and can be replaced"), lines.toString());
        screenshot("governance-upgrade-flagged");
        WaitForAsyncUtils.asyncFx(org.hearth.app.shell.Theme.DARK::apply).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        screenshot("governance-upgrade-flagged-dark");
        WaitForAsyncUtils.asyncFx(org.hearth.app.shell.Theme.LIGHT::apply).get(10, TimeUnit.SECONDS);
    }

    private static List<String> texts(VBox box) {
        return box.getChildren().stream().filter(n -> n instanceof Label).map(n -> ((Label) n).getText()).toList();
    }

    private static void screenshot(String name) throws Exception {
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> robot.window(0).getScene().snapshot(null)).get(10, TimeUnit.SECONDS);
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", SHOTS.resolve(name + ".png").toFile());
        assertTrue(Files.size(SHOTS.resolve(name + ".png")) > 5_000, "screenshot " + name + " is empty");
    }

}
