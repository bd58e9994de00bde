package org.hearth.app.wallet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.hearth.app.FxClicks;
import org.hearth.app.desktop.HearthApplication;
import org.hearth.app.desktop.LaunchOptions;
import org.hearth.chain.RpcClient;
import org.hearth.node.NodeState;
import org.hearth.wallet.hd.AddressScheme;
import org.hearth.wallet.hd.HdKeyring;
import org.hearth.wallet.mnemonic.Mnemonic;
import org.hearth.wallet.sign.TypedData;
import org.hearth.wallet.vault.Vault;
import org.hearth.wallet.vault.VaultAccount;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.web3j.crypto.ECKeyPair;
import org.web3j.utils.Numeric;

/**
 * The whole app on its own chain: restore on the Ledger Live scheme (discovery walks that scheme),
 * add accounts by scheme and by a typed path checked as it is typed, then sign typed data with the
 * new account and verify it in the Verify tab. The vault file is read back at the end.
 */
class AccountPathsUiTest {

    private static final Path SHOTS = Path.of(System.getProperty("hearth.screenshots", "target/screenshots"));
    private static final String PHRASE = "test test test test test test test test test test test junk";
    /** anvil's funded accounts #1 and #5, at m/44'/60'/0'/0/1 and /5 of that phrase. */
    private static final String ANVIL_1 = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
    private static final String ANVIL_5 = "0x9965507D1a55bcC2695C58ba16FB37d819B0A4dc";
    private static final String ANVIL_5_KEY = "0x8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba";
    private static final String ANVIL_9 = "0xa0Ee7A142d267C1f36714E4a8F75612F20a79720";

    private final FxRobot robot = new FxRobot();
    private HearthApplication app;
    private Path dataDir;

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    @Test
    void restoreOnLedgerLiveThenAddAccountsByPathAndSignWithOne() throws Exception {
        dataDir = Files.createTempDirectory("hearth-paths-ui");
        Files.createDirectories(SHOTS);
        FxToolkit.registerPrimaryStage();
        app = (HearthApplication) FxToolkit.setupApplication(() -> new HearthApplication(new LaunchOptions(dataDir, null)));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> app.chain().state.get() == NodeState.RUNNING && !app.chain().busy.get());
        HdKeyring keyring = HdKeyring.fromMnemonic(Mnemonic.parse(PHRASE), "");
        String ledger1 = keyring.address(AddressScheme.LEDGER_LIVE.path(1));
        String ledger2 = keyring.address(AddressScheme.LEDGER_LIVE.path(2));
        fund(ledger2); // Ledger Live index 2 has a balance; index 1 has none (a gap)
        FxClicks.click(robot, "#nav-wallet");

        FxClicks.click(robot, "#wallet-restore");
        WaitForAsyncUtils.asyncFx(() -> robot.lookup("#restore-words").queryTextInputControl().setText(PHRASE)).get();
        chooseScheme(AddressScheme.LEDGER_LIVE);
        FxClicks.click(robot, "#password-new").write("a restore password");
        FxClicks.click(robot, "#password-repeat").write("a restore password");
        FxClicks.click(robot, "#restore-confirm");
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> app.wallet().state.get() == WalletModel.State.UNLOCKED);
        assertEquals(List.of("m/44'/60'/0'/0/0", "m/44'/60'/2'/0/0"), accounts().stream().map(VaultAccount::path).toList(),
                "discovery walked Ledger Live paths: index 0 (anvil's first account) and the funded index 2");
        assertEquals(ledger2, accounts().get(1).address());

        // the dialog offers the wallet's own scheme first, at its lowest free index
        FxClicks.click(robot, "#account-add");
        FxClicks.untilVisible(robot, "#add-path");
        assertTrue(robot.lookup("#add-scheme-ledger_live").queryAs(javafx.scene.control.RadioButton.class).isSelected());
        assertEquals("m/44'/60'/1'/0/0", path());
        awaitAddress(ledger1);

        FxClicks.click(robot, "#add-scheme-bip44");
        assertEquals("m/44'/60'/0'/0/1", path(), "index 0 of the standard scheme is already Account 1");
        awaitAddress(ANVIL_1);

        // typed paths are checked on every keystroke, with the reason shown under the field
        FxClicks.click(robot, "#add-scheme-custom");
        typePath("m/44'/60'/0'/0/x");
        assertProblem("Level 5");
        typePath("m/44'/60'/0'/0/2147483648");
        assertProblem("too large");
        typePath("m/44'/60'/0'/0/0/0/0/0/0/0/0");
        assertProblem("at most 10");
        typePath("m/44'/60'/2'/0/0");
        assertProblem("m/44'/60'/2'/0/0 is already an account of this wallet (Account 3).");
        screenshot("add-account-refused", "#add-path");
        typePath("m/44h/60h/0h/0/5");
        awaitAddress(ANVIL_5);
        assertEquals("", label("#add-problem"));
        FxClicks.click(robot, "#add-label").write("Savings");
        screenshot("add-account-custom", "#add-path");
        FxClicks.click(robot, "#add-confirm");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> accounts().size() == 3);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> label("#account-path").equals("m/44'/60'/0'/0/5"));
        assertEquals(ANVIL_5, label("#account-address"));

        // the vault file itself lists it, canonical path and label, read without the password
        VaultAccount saved = Vault.inDataDir(dataDir).readPublic().accounts().get(2);
        assertEquals(new VaultAccount(ANVIL_5, "Savings", "m/44'/60'/0'/0/5", 5, "seed-1", false), saved);

        // the same path cannot be added twice
        FxClicks.click(robot, "#account-add");
        FxClicks.untilVisible(robot, "#add-path");
        FxClicks.click(robot, "#add-scheme-custom");
        typePath("m/44'/60'/0'/0/5");
        assertProblem("already an account of this wallet (Savings)");
        robot.type(javafx.scene.input.KeyCode.ESCAPE);

        signAndVerifyTypedData();
    }

    /** Typed data signed by the new account's key (from the vault) verifies in the Verify tab; another address does not. */
    private void signAndVerifyTypedData() throws Exception {
        String json = mailJson();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#tab-sign").tryQuery().isPresent());
        FxClicks.click(robot, "#tab-sign");
        FxClicks.click(robot, "#sign-mode-typed");
        WaitForAsyncUtils.asyncFx(() -> robot.lookup("#sign-input").queryTextInputControl().setText(json)).get();
        FxClicks.click(robot, "#sign-preview");
        FxClicks.click(robot, "#sign-action");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> label("#sign-output").startsWith("0x"));
        String signature = label("#sign-output");
        ECKeyPair key5 = ECKeyPair.create(Numeric.toBigInt(ANVIL_5_KEY));
        assertEquals(TypedData.parse(json).sign(key5).toHex(), signature, "signed with anvil #5's key");

        FxClicks.click(robot, "#tab-verify");
        FxClicks.click(robot, "#verify-mode-typed");
        FxClicks.click(robot, "#verify-address").write(ANVIL_5.toLowerCase());
        WaitForAsyncUtils.asyncFx(() -> robot.lookup("#verify-message").queryTextInputControl().setText(json)).get();
        FxClicks.click(robot, "#verify-signature").write(signature);
        FxClicks.click(robot, "#verify-action");
        assertEquals("Valid: signed by " + ANVIL_5, label("#verify-result"));
        assertTrue(robot.lookup("#typed-data-tree").tryQuery().isPresent(), "the signed data is shown as a tree");
        screenshot("verify-typed-in-app", "#verify-result");
    }

    private void chooseScheme(AddressScheme scheme) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> robot.lookup("#restore-scheme").<ChoiceBox<AddressScheme>>query().setValue(scheme)).get();
    }

    private void fund(String address) throws Exception {
        RpcClient rpc = app.chain().rpc().orElseThrow();
        String hash = rpc.call("eth_sendTransaction", Map.of("from", ANVIL_9, "to", address, "value", "0xde0b6b3a7640000")).asText();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !rpc.call("eth_getTransactionReceipt", hash).isNull());
    }

    private void typePath(String typed) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> robot.lookup("#add-path").queryTextInputControl().clear()).get();
        FxClicks.click(robot, "#add-path").write(typed);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void assertProblem(String expected) {
        assertTrue(label("#add-problem").contains(expected), label("#add-problem"));
        assertEquals("", label("#add-address"));
        assertTrue(robot.lookup("#add-confirm").queryButton().isDisabled(), "nothing to add while the path is refused");
    }

    private void awaitAddress(String expected) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> label("#add-address").equals(expected));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(!robot.lookup("#add-confirm").queryButton().isDisabled(), "a shown address can be added");
    }

    private String path() {
        return robot.lookup("#add-path").queryTextInputControl().getText();
    }

    private List<VaultAccount> accounts() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> List.copyOf(app.wallet().accounts)).get(10, TimeUnit.SECONDS);
    }

    private String label(String id) {
        return robot.lookup(id).tryQuery().map(n -> ((Label) n).getText()).orElse("");
    }

    static String mailJson() throws Exception {
        try (InputStream in = AccountPathsUiTest.class.getResourceAsStream("/vectors/eip712-mail.json")) {
            String vector = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(vector).get("typedData").toPrettyString();
        }
    }

    /** The window that shows {@code nodeId} (the dialog or the main window). */
    private void screenshot(String name, String nodeId) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> robot.lookup(nodeId).query().getScene().snapshot(null))
                .get(10, TimeUnit.SECONDS);
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", SHOTS.resolve(name + ".png").toFile());
    }
}
