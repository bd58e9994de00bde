package org.hearth.app.wallet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.hearth.app.FxClicks;
import org.hearth.app.shell.Theme;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The Verify tab on EIP-712's published Mail example: its signature by "cow", a tampered copy, and bad input. */
class VerifyTypedDataUiTest {

    private static final Path SHOTS = Path.of(System.getProperty("hearth.screenshots", "target/screenshots"));
    /** The EIP's example signer and its signature over the Mail example (r, s, v = 0x1c), from the EIP text. */
    private static final String COW = "0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826";
    private static final String MAIL_SIGNATURE = "0x4355c47d63924e8a72e509b65029052eb6c299d53a04e167c5775fd466751c9d"
            + "07299936d304c153f6443dfa05f40ff007d72911b6f72307f996231605b91562" + "1c";
    private static final String ANVIL_0 = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";
    private static final FxRobot robot = new FxRobot();
    private static String mail;

    @BeforeAll
    static void open() throws Exception {
        Files.createDirectories(SHOTS);
        mail = AccountPathsUiTest.mailJson();
        ResourceBundle text = ResourceBundle.getBundle("org.hearth.app.messages");
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            Theme.LIGHT.apply();
            VerifyPane pane = new VerifyPane(text);
            pane.setPrefSize(820, 640);
            stage.setScene(new Scene(pane));
            stage.show();
        });
        FxClicks.click(robot, "#verify-mode-typed");
    }

    @AfterAll
    static void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void clickingTheModeThatIsOnKeepsItOn() throws Exception {
        FxClicks.click(robot, "#verify-mode-typed");
        assertTrue(WaitForAsyncUtils.asyncFx(() -> robot.lookup("#verify-mode-typed").queryAs(ToggleButton.class).isSelected()
                && !robot.lookup("#verify-mode-message").queryAs(ToggleButton.class).isSelected()).get(),
                "typed data stays chosen; a plain toggle group would have left neither mode on");
    }

    @Test
    void theMailSignatureIsValidForCowAndTheTreeShowsWhatWasSigned() throws Exception {
        fill(COW.toLowerCase(), mail, MAIL_SIGNATURE);
        FxClicks.click(robot, "#verify-action");
        assertEquals("Valid: signed by " + COW, result(), "the recovered signer, checksummed");
        assertTrue(resultStyle().contains("success"));
        List<String> shown = treeLines();
        assertTrue(shown.containsAll(List.of("Mail", "domain (EIP712Domain)", "name: Ether Mail", "message (Mail)",
                "from (Person)", "contents: Hello, Bob!")), shown.toString());
        screenshot("verify-typed-valid");
    }

    @Test
    void anotherAddressOrAChangedMessageIsNotValid() throws Exception {
        fill(ANVIL_0, mail, MAIL_SIGNATURE);
        FxClicks.click(robot, "#verify-action");
        assertEquals("Not valid: " + ANVIL_0 + " did not sign this; the signature recovers to " + COW, result());
        assertTrue(resultStyle().contains("danger"));

        ObjectNode changed = (ObjectNode) new ObjectMapper().readTree(mail);
        ((ObjectNode) changed.get("message")).put("contents", "Hello, Bob! Pay the bearer.");
        fill(COW, changed.toPrettyString(), MAIL_SIGNATURE);
        FxClicks.click(robot, "#verify-action");
        assertTrue(result().startsWith("Not valid: " + COW + " did not sign this; the signature recovers to 0x"), result());
        assertTrue(treeLines().contains("contents: Hello, Bob! Pay the bearer."), "the tree shows the data as pasted");
        screenshot("verify-typed-invalid");
    }

    @Test
    void badInputIsExplained() throws Exception {
        fill(COW, "{\"types\": ", MAIL_SIGNATURE);
        FxClicks.click(robot, "#verify-action");
        assertTrue(result().startsWith("The typed data is not valid JSON"), result());
        assertTrue(robot.lookup("#typed-data-tree").tryQuery().isEmpty());

        fill(COW, mail, "0x1234");
        FxClicks.click(robot, "#verify-action");
        assertEquals("A signature is 65 bytes (130 hex digits); this one has 4 digits.", result());

        fill("0xcD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826", mail, MAIL_SIGNATURE);
        FxClicks.click(robot, "#verify-action");
        assertTrue(result().startsWith("Not an Ethereum address (or its EIP-55 checksum is wrong)"), result());

        FxClicks.click(robot, "#verify-signature").write("x"); // any edit clears a result that no longer matches the inputs
        assertEquals("", result());
    }

    private static void fill(String address, String json, String signature) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            robot.lookup("#verify-address").queryTextInputControl().setText(address);
            robot.lookup("#verify-message").queryTextInputControl().setText(json);
            robot.lookup("#verify-signature").queryTextInputControl().setText(signature);
        }).get(10, TimeUnit.SECONDS);
        assertEquals("", result(), "new inputs clear the old result");
    }

    private static String result() {
        return robot.lookup("#verify-result").queryAs(Label.class).getText();
    }

    private static List<String> resultStyle() {
        return List.copyOf(robot.lookup("#verify-result").query().getStyleClass());
    }

    /** Every line of the typed-data tree, expanded or not. */
    private static List<String> treeLines() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            TreeView<String> tree = robot.lookup("#typed-data-tree").query();
            List<String> lines = new java.util.ArrayList<>();
            collect(tree.getRoot(), lines);
            return lines;
        }).get(10, TimeUnit.SECONDS);
    }

    private static void collect(TreeItem<String> item, List<String> lines) {
        lines.add(item.getValue());
        item.getChildren().forEach(child -> collect(child, lines));
    }

    private static void screenshot(String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> robot.window(0).getScene().snapshot(null)).get(10, TimeUnit.SECONDS);
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", SHOTS.resolve(name + ".png").toFile());
    }
}
