package org.hearth.app.wallet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.hearth.app.FxClicks;
import org.hearth.app.desktop.HearthApplication;
import org.hearth.app.desktop.LaunchOptions;
import org.hearth.chain.tx.TxStatus;
import org.hearth.node.NodeState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The whole app under Xvfb on its own local chain: create with the backup quiz, send; restore. */
@org.junit.jupiter.api.extension.ExtendWith(org.hearth.app.FxThreadDump.class)
class WalletUiTest {

    private static final Path SHOTS = Path.of(System.getProperty("hearth.screenshots", "target/screenshots"));
    private static final Pattern QUIZ = Pattern.compile("Word #(\\d+)");
    private final FxRobot robot = new FxRobot();
    private HearthApplication app;

    private void launch() throws Exception {
        Path dataDir = Files.createTempDirectory("hearth-wallet-ui");
        Files.createDirectories(SHOTS);
        FxToolkit.registerPrimaryStage();
        app = (HearthApplication) FxToolkit.setupApplication(() -> new HearthApplication(new LaunchOptions(dataDir, null)));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> app.chain().state.get() == NodeState.RUNNING && !app.chain().busy.get());
        FxClicks.click(robot, "#nav-wallet");
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    @Test
    void createWithTheBackupQuizThenSendToConfirmation() throws Exception {
        launch();
        FxClicks.click(robot, "#wallet-create");
        List<String> words = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            words.add(label("#word-" + i).replaceFirst("^\\d+\\. ", ""));
        }
        screenshot("wallet-phrase");
        FxClicks.click(robot, "#backup-done");

        // a wrong answer is refused
        FxClicks.click(robot, "#quiz-0").write("wrongword");
        FxClicks.click(robot, "#quiz-check");
        assertTrue(label("#quiz-error").contains("does not match"), label("#quiz-error"));
        for (int q = 0; q < 3; q++) {
            Matcher m = QUIZ.matcher(label("#quiz-label-" + q));
            assertTrue(m.matches());
            String word = words.get(Integer.parseInt(m.group(1)) - 1);
            int field = q;
            WaitForAsyncUtils.asyncFx(() -> robot.lookup("#quiz-" + field).queryTextInputControl().clear()).get();
            FxClicks.click(robot, "#quiz-" + q).write(word);
        }
        screenshot("wallet-quiz");
        FxClicks.click(robot, "#quiz-check");
        FxClicks.click(robot, "#password-new").write("correct horse battery");
        FxClicks.click(robot, "#password-repeat").write("correct horse battery");
        FxClicks.click(robot, "#wallet-create-confirm");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> app.wallet().state.get() == WalletModel.State.UNLOCKED);

        // the demo world funds the first account on the local chain (100 ETH, less the gas of its vote delegation)
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> label("#account-balance").startsWith("99.99"));
        screenshot("wallet-account");

        FxClicks.click(robot, "#send-to").write("0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC");
        FxClicks.click(robot, "#send-amount").write("2.5");
        FxClicks.click(robot, "#send-review");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#review-pane").tryQuery().isPresent());
        assertEquals("2.5 ETH", label("#review-amount"));
        FxClicks.click(robot, "#review-confirm");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#send-hash").tryQuery().isPresent());
        String hash = label("#send-hash");
        FxClicks.click(robot, "#tab-history");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> app.wallet() != null && historyHas(hash));
        screenshot("wallet-history");

        // lock; each wrong password makes the next attempt wait longer, and the screen says how long
        FxClicks.click(robot, "#tab-send");
        FxClicks.click(robot, "#wallet-lock");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> app.wallet().state.get() == WalletModel.State.LOCKED);
        List<String> waitTexts = new CopyOnWriteArrayList<>();
        List<String> busyTexts = new CopyOnWriteArrayList<>();
        WaitForAsyncUtils.asyncFx(() -> {
            robot.lookup("#unlock-wait").queryAs(Label.class).textProperty().addListener((o, was, is) -> waitTexts.add(is));
            app.wallet().busyText.addListener((o, was, is) -> busyTexts.add(is));
        }).get();
        for (int failures = 1; failures <= 3; failures++) {
            // set and fired in one FX step rather than typed and clicked: typing under Xvfb can outlast the
            // 1 or 2 s wait this checks is announced, and the row moves when that announcement comes and goes
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !app.wallet().busy.get());
            WaitForAsyncUtils.asyncFx(() -> {
                robot.lookup("#unlock-password").queryAs(PasswordField.class).setText("not the password");
                robot.lookup("#unlock-action").queryAs(javafx.scene.control.Button.class).fire();
            }).get();
            String expected = "After wrong passwords, the next attempt waits " + (1 << (failures - 1)) + " s.";
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> waitTexts.contains(expected));
        }
        assertEquals("Wrong password", label("#unlock-error"));
        screenshot("wallet-unlock-wait");
        assertTrue(busyTexts.stream().anyMatch(t -> t.matches("Waiting [12] s after wrong passwords, then unlocking\u2026")),
                busyTexts.toString());
        // forgotten by the screen, the wait is read back from the vault's attempts file, as after a restart
        String reread = WaitForAsyncUtils.asyncFx(() -> {
            app.wallet().nextAttemptAt.set(Instant.EPOCH);
            String cleared = label("#unlock-wait");
            app.wallet().reload();
            return cleared + "|" + label("#unlock-wait");
        }).get();
        assertTrue(reread.matches("\\|After wrong passwords, the next attempt waits [1-4] s\\."), reread);
        FxClicks.click(robot, "#unlock-password").write("correct horse battery");
        FxClicks.click(robot, "#unlock-action");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> app.wallet().state.get() == WalletModel.State.UNLOCKED);
    }

    @Test
    void restoreFindsTheUsedAccounts() throws Exception {
        launch();
        FxClicks.click(robot, "#wallet-restore");
        FxClicks.click(robot, "#restore-words").write("test test test test test test test test test test test jun");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(label("#restore-suggest").contains("junk"), label("#restore-suggest"));
        robot.write("k");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> label("#restore-status").equals("12 words, checksum correct"));
        FxClicks.click(robot, "#password-new").write("another password");
        FxClicks.click(robot, "#password-repeat").write("another password");
        screenshot("wallet-restore");
        FxClicks.click(robot, "#restore-confirm");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> app.wallet().state.get() == WalletModel.State.UNLOCKED);
        assertEquals(10, (int) WaitForAsyncUtils.asyncFx(() -> app.wallet().accounts.size()).get(), "anvil funds the phrase's first ten accounts");
        assertEquals("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266", app.wallet().accounts.getFirst().address());

        // sign a message with account 0 after seeing it, then verify the signature in the same screen
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#tab-sign").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        FxClicks.click(robot, "#tab-sign");
        FxClicks.click(robot, "#sign-input").write("hello hearth");
        FxClicks.click(robot, "#sign-preview");
        FxClicks.click(robot, "#sign-action");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> label("#sign-output").startsWith("0x"));
        String signature = label("#sign-output");
        assertEquals(132, signature.length(), "65 bytes as 0x-hex");
        org.web3j.crypto.ECKeyPair key0 = org.web3j.crypto.ECKeyPair.create(
                org.web3j.utils.Numeric.toBigInt("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80"));
        assertEquals(org.hearth.wallet.sign.MessageSigner.sign("hello hearth", key0).toHex(), signature);
        screenshot("wallet-sign");
        FxClicks.click(robot, "#tab-verify");
        FxClicks.click(robot, "#verify-address").write("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");
        FxClicks.click(robot, "#verify-message").write("hello hearth");
        FxClicks.click(robot, "#verify-signature").write(signature);
        FxClicks.click(robot, "#verify-action");
        assertEquals("Valid: signed by 0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266", label("#verify-result"));

        // watch an address through the wallet menu; it is listed apart and shows its balance
        FxClicks.click(robot, "#wallet-menu");
        FxClicks.click(robot, "#menu-watch");
        robot.write("0x000000000000000000000000000000000000dEaD").type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> app.wallet().watched.size()).get() == 1);
        FxClicks.click(robot, "#watch-list .list-cell");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> label("#watch-balance").endsWith("ETH"));

        // hide an account, then bring it back
        FxClicks.click(robot, "#account-list .list-cell");
        FxClicks.click(robot, "#account-menu");
        FxClicks.click(robot, "#menu-hide");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> app.wallet().accounts.size()).get() == 9);
        // the menu's popup was opened before, and TestFX may find the item in the stale popup: fire it instead
        WaitForAsyncUtils.asyncFx(() -> robot.lookup("#wallet-menu").queryAs(javafx.scene.control.MenuButton.class).getItems().stream()
                .filter(i -> "menu-unhide".equals(i.getId())).findFirst().orElseThrow().fire()).get();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> app.wallet().accounts.size()).get() == 10);

        // the address book: save a contact, refuse a bad checksum
        javafx.application.Platform.runLater(() -> robot.lookup("#wallet-menu").queryAs(javafx.scene.control.MenuButton.class)
                .getItems().stream().filter(i -> "menu-address-book".equals(i.getId())).findFirst().orElseThrow().fire());
        FxClicks.untilVisible(robot, "#book-new-label");
        FxClicks.click(robot, "#book-new-label").write("Carol");
        FxClicks.click(robot, "#book-new-address").write("0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC");
        FxClicks.click(robot, "#book-save");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(
                () -> robot.lookup("#book-table").queryAs(javafx.scene.control.TableView.class).getItems().size()).get() == 1);
        screenshot("wallet-address-book");
        robot.type(javafx.scene.input.KeyCode.ESCAPE);
    }

    private boolean historyHas(String hash) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> robot.lookup("#history-list").tryQuery()
                .map(n -> ((javafx.scene.control.ListView<?>) n).getItems().stream()
                        .anyMatch(i -> i instanceof org.hearth.history.HistoryItem h && h.hash().equals(hash) && h.status() == TxStatus.CONFIRMED))
                .orElse(false)).get(10, TimeUnit.SECONDS);
    }

    private String label(String id) {
        return robot.lookup(id).tryQuery().map(n -> ((Label) n).getText()).orElse("");
    }

    private void screenshot(String name) throws Exception {
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> robot.window(0).getScene().snapshot(null)).get(10, TimeUnit.SECONDS);
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", SHOTS.resolve(name + ".png").toFile());
    }

}
