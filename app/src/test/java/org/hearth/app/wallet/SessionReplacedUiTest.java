package org.hearth.app.wallet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import org.hearth.app.FxClicks;
import org.hearth.app.desktop.ChainModel;
import org.hearth.app.desktop.HearthApplication;
import org.hearth.app.desktop.LaunchOptions;
import org.hearth.chain.Hex;
import org.hearth.chain.session.ChainSession;
import org.hearth.node.NodeState;
import org.hearth.wallet.WalletService;
import org.hearth.wallet.hd.AddressScheme;
import org.hearth.wallet.mnemonic.Mnemonic;
import org.hearth.wallet.vault.UnlockedVault;
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
 * The whole app on its own local chain: when the node comes back on another port, or the RPC URL
 * is changed in Settings, the app publishes a new session and the open wallet reads through it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@org.junit.jupiter.api.extension.ExtendWith(org.hearth.app.FxThreadDump.class)
class SessionReplacedUiTest {

    private static final BigInteger ETHER = BigInteger.TEN.pow(18);
    private static final String PASSWORD = "correct horse battery";
    private static final FxRobot robot = new FxRobot();
    private static HearthApplication app;
    private static String account;

    @BeforeAll
    static void openUnlockedWallet() throws Exception {
        Path dataDir = Files.createTempDirectory("hearth-session-ui");
        Mnemonic phrase = Mnemonic.parse("abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about");
        try (UnlockedVault vault = new WalletService(Vault.inDataDir(dataDir)).create(PASSWORD.toCharArray(), phrase, "", AddressScheme.BIP44, List.of(0))) {
            account = vault.publicData().accounts().getFirst().address();
        }
        FxToolkit.registerPrimaryStage();
        app = (HearthApplication) FxToolkit.setupApplication(() -> new HearthApplication(new LaunchOptions(dataDir, null)));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> app.chain().state.get() == NodeState.RUNNING && !app.chain().busy.get()
                && session() != null);
        FxClicks.click(robot, "#nav-wallet");
        FxClicks.click(robot, "#unlock-password").write(PASSWORD);
        FxClicks.click(robot, "#unlock-action");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> app.wallet().state.get() == WalletModel.State.UNLOCKED);
        // unlocking funds the first account from the demo world; let that finish before setting balances by hand
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> {
            ChainSession s = session();
            return s != null && app.services().demoWorld().isFunded(s.chainId(), s.genesisHash(), account);
        });
    }

    @AfterAll
    static void close() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    @Test
    @Order(1)
    void aNodeRestartedOnAnotherPortGetsANewSessionAndTheWalletFollows() throws Exception {
        ChainSession before = session();
        assertTrue(before.isLocal());
        showsBalanceSetThrough(before, 7);
        int oldPort = before.endpoint().getPort();

        FxClicks.click(robot, "#nav-node");
        FxClicks.click(robot, "#node-stop");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> app.chain().state.get() == NodeState.STOPPED && !app.chain().busy.get()
                && session() == null);
        assertTrue(before.isClosed(), "the stopped node's session is closed");
        // hold the old port, so the node must come back on another one
        try (ServerSocket taken = new ServerSocket()) {
            taken.setReuseAddress(true);
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), oldPort));
            FxClicks.click(robot, "#node-start");
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> app.chain().state.get() == NodeState.RUNNING && !app.chain().busy.get()
                    && session() != null);
        }
        ChainSession after = session();
        assertNotSame(before, after);
        assertNotEquals(oldPort, after.endpoint().getPort());
        assertEquals(app.services().supervisor().snapshot().rpcUrl(), after.endpoint());
        // every demo contract, found again by the new session (funding the wallet added the NFT gallery's beside them)
        List<String> names = WaitForAsyncUtils.asyncFx(() -> app.chain().contracts.stream().map(java.util.Map.Entry::getKey).toList()).get();
        assertTrue(names.containsAll(org.hearth.node.DemoWorld.CONTRACTS), names.toString());

        FxClicks.click(robot, "#nav-wallet");
        showsBalanceSetThrough(after, 3);
        assertEquals("", label("#history-error"));
    }

    @Test
    @Order(2)
    void anRpcUrlSetInSettingsReplacesTheSessionWithoutARestart() throws Exception {
        ChainSession local = session();
        URI url = local.endpoint();
        FxClicks.click(robot, "#nav-settings");
        WaitForAsyncUtils.asyncFx(() -> robot.lookup("#settings-rpc").queryAs(TextField.class).setText("not a url")).get();
        FxClicks.click(robot, "#settings-rpc-apply");
        assertTrue(label("#settings-rpc-error").startsWith("Enter an http://"), label("#settings-rpc-error"));
        assertTrue(session() == local, "a bad URL changes nothing");

        // the same anvil, reached as an external node
        WaitForAsyncUtils.asyncFx(() -> robot.lookup("#settings-rpc").queryAs(TextField.class).setText(url.toString())).get();
        FxClicks.click(robot, "#settings-rpc-apply");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> session() != null && session().kind() == ChainSession.Kind.EXTERNAL);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> app.chain().state.get() == NodeState.ATTACHED);
        assertTrue(local.isClosed());
        assertEquals(url.toString(), app.services().settings().get(ChainModel.RPC_URL_KEY).orElseThrow(), "remembered for the next start");
        assertTrue(label("#settings-rpc-error").isEmpty());
        FxClicks.click(robot, "#nav-wallet");
        showsBalanceSetThrough(session(), 5);

        // an empty field brings the embedded chain back
        FxClicks.click(robot, "#nav-settings");
        WaitForAsyncUtils.asyncFx(() -> robot.lookup("#settings-rpc").queryAs(TextField.class).setText("")).get();
        FxClicks.click(robot, "#settings-rpc-apply");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> session() != null && session().isLocal() && !app.chain().busy.get());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> app.chain().state.get() == NodeState.RUNNING);
        assertEquals("", app.services().settings().get(ChainModel.RPC_URL_KEY).orElseThrow());
        FxClicks.click(robot, "#nav-wallet");
        showsBalanceSetThrough(session(), 4);
    }

    /** Sets the account's balance through {@code session}'s node, and waits for the wallet's headline to show it. */
    private static void showsBalanceSetThrough(ChainSession session, int ether) throws Exception {
        assertNotNull(session);
        session.rpc().call("anvil_setBalance", account, Hex.quantity(ETHER.multiply(BigInteger.valueOf(ether))));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> label("#account-balance").equals(ether + " ETH"));
    }

    private static ChainSession session() {
        return app.chain().currentSession().orElse(null);
    }

    private static String label(String query) {
        try {
            return WaitForAsyncUtils.asyncFx(() -> robot.lookup(query).tryQuery().map(n -> ((Label) n).getText()).orElse("")).get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
