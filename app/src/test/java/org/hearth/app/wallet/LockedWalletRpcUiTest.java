package org.hearth.app.wallet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.PasswordField;
import org.hearth.app.FxClicks;
import org.hearth.app.desktop.HearthApplication;
import org.hearth.app.desktop.LaunchOptions;
import org.hearth.app.shell.Page;
import org.hearth.node.NodeState;
import org.hearth.testing.RpcProxy;
import org.hearth.testing.TestChain;
import org.hearth.wallet.WalletService;
import org.hearth.wallet.hd.AddressScheme;
import org.hearth.wallet.mnemonic.Mnemonic;
import org.hearth.wallet.vault.Vault;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Screen lifecycle, measured where it matters: every JSON-RPC request the window sends passes a
 * counting proxy in front of a real anvil (the window is attached to the proxy as its --rpc). While
 * the wallet is locked, or unlocked but another screen is shown, the wallet sends nothing; it polls
 * again once unlocked and shown. Block by block is how the wallet polls, so "a few poll periods" are
 * counted in blocks seen by the status bar, not in seconds.
 */
class LockedWalletRpcUiTest {

    private static final String PHRASE = "test test test test test test test test test test test junk";
    private static final String PASSWORD = "correct horse battery";
    /**
     * Requests that are not the wallet's: the status bar's head polling ({@code eth_blockNumber}), the
     * attach check ({@code eth_chainId}), and the log indexer's reads, which run whatever screen is
     * open (DESIGN.md, "The log indexer"). Every wallet refresh reads the balance ({@code eth_getBalance}),
     * which is counted, so a wallet that kept polling cannot hide behind this list.
     */
    private static final Set<String> NOT_THE_WALLET = Set.of("eth_blockNumber", "eth_chainId", "eth_getLogs",
            "eth_getBlockByNumber", "eth_getBlockByHash", "debug_traceBlockByHash");
    private static final int POLL_PERIODS = 4;

    private static TestChain chain;
    private static RpcProxy proxy;
    private static HearthApplication app;
    private static final FxRobot robot = new FxRobot();

    @BeforeAll
    static void open() throws Exception {
        chain = TestChain.start(Files.createTempDirectory("hearth-lifecycle-chain"), 1);
        proxy = new RpcProxy(chain.rpc().endpoint(), (method, id) -> null);
        Path dataDir = Files.createTempDirectory("hearth-lifecycle");
        new WalletService(Vault.inDataDir(dataDir)).create(PASSWORD.toCharArray(), Mnemonic.parse(PHRASE), "",
                AddressScheme.BIP44, List.of(0)).lock();
        FxToolkit.registerPrimaryStage();
        app = (HearthApplication) FxToolkit.setupApplication(() -> new HearthApplication(new LaunchOptions(dataDir, proxy.url())));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> app.chain().state.get() == NodeState.ATTACHED && app.chain().height.get() != null);
    }

    @AfterAll
    static void close() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
        proxy.close();
        chain.close();
    }

    @Test
    void aLockedOrHiddenWalletSendsNothingAndPollsAgainWhenUnlockedAndShown() throws Exception {
        FxClicks.click(robot, "#nav-wallet");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> app.wallet().state.get() == WalletModel.State.LOCKED);
        assertQuietFor("the locked wallet on screen");

        // unlocked and shown: the balance is read on every new block
        WaitForAsyncUtils.asyncFx(() -> {
            robot.lookup("#unlock-password").queryAs(PasswordField.class).setText(PASSWORD);
            robot.lookup("#unlock-action").queryAs(Button.class).fire();
        }).get();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> app.wallet().state.get() == WalletModel.State.UNLOCKED);
        assertPolling("the unlocked wallet on screen");

        FxClicks.click(robot, "#nav-node");
        assertQuietFor("the unlocked wallet behind the Node screen");

        FxClicks.click(robot, "#nav-wallet");
        assertPolling("the wallet shown again");

        // a nested page over the wallet (list → detail) hides it too; Back shows it, and it polls again
        WaitForAsyncUtils.asyncFx(() -> {
            javafx.scene.control.Label detail = new javafx.scene.control.Label("detail");
            detail.setId("detail-page");
            app.window().navigator().push(Page.of(detail));
        }).get();
        FxClicks.untilVisible(robot, "#detail-page");
        assertQuietFor("the wallet under a nested page");
        FxClicks.click(robot, "#nav-back");
        FxClicks.untilVisible(robot, "#wallet-lock");
        assertPolling("the wallet back from the nested page");
        assertTrue(robot.lookup("#nav-back").tryQuery().map(n -> !n.isVisible() || !n.getParent().isVisible()).orElse(true),
                "no Back on a screen's own page");

        FxClicks.click(robot, "#wallet-lock");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> app.wallet().state.get() == WalletModel.State.LOCKED);
        assertQuietFor("the wallet locked again");
    }

    /**
     * No wallet request over {@link #POLL_PERIODS} blocks, once a refresh already on its way has finished
     * (the counts hold still over one block; a wallet that polls every block never gets there); the
     * status bar's requests go on meanwhile (so the proxy is really in the path).
     */
    private static void assertQuietFor(String situation) throws Exception {
        Map<String, Integer> settled = proxy.counts();
        for (int block = 0; ; block++) {
            waitBlocks(1);
            Map<String, Integer> now = proxy.counts();
            if (walletCalls(now).equals(walletCalls(settled))) {
                break;
            }
            assertTrue(block < 5, situation + " keeps sending wallet requests: " + settled + " -> " + now);
            settled = now;
        }
        Map<String, Integer> before = proxy.counts();
        waitBlocks(POLL_PERIODS);
        Map<String, Integer> after = proxy.counts();
        assertEquals(walletCalls(before), walletCalls(after), situation + " sent wallet requests: " + before + " -> " + after);
        assertTrue(after.getOrDefault("eth_blockNumber", 0) > before.getOrDefault("eth_blockNumber", 0),
                "the status bar polls the head through the proxy meanwhile");
    }

    /** The balance is read again on each of a few new blocks. */
    private static void assertPolling(String situation) throws Exception {
        int before = proxy.calls("eth_getBalance");
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> proxy.calls("eth_getBalance") >= before + 3);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError(situation + " does not read the balance block by block: " + proxy.counts(), e);
        }
    }

    private static Map<String, Integer> walletCalls(Map<String, Integer> counts) {
        Map<String, Integer> wallet = new java.util.TreeMap<>(counts);
        wallet.keySet().removeAll(NOT_THE_WALLET);
        return wallet;
    }

    private static void waitBlocks(int blocks) throws Exception {
        long start = app.chain().height.get();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> app.chain().height.get() != null && app.chain().height.get() >= start + blocks);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
