package org.hearth.app.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.input.Clipboard;
import javafx.scene.layout.VBox;
import org.hearth.app.FxClicks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The amount and address labels in a real window: exact grouped text, tooltips, short form, names, copy. */
class ValueLabelsUiTest {

    private static final String LOWER = "0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc";
    private static final String CHECKSUMMED = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC";
    private static final FxRobot robot = new FxRobot();
    private static AmountLabel balance;
    private static AmountLabel listAmount;
    private static AmountLabel approval;
    private static AddressLabel named;
    private static AddressLabel anonymous;

    @BeforeAll
    static void open() throws Exception {
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            balance = new AmountLabel(new BigInteger("1234567890123456789012345"), 18, "ETH");
            listAmount = new AmountLabel(new BigInteger("1234567890123456789012345"), 18, "ETH").rounded(6).withPrefix("−");
            approval = new AmountLabel(BigInteger.TWO.pow(256).subtract(BigInteger.ONE), 6, "USDC").withUnlimitedText("Unlimited");
            named = new AddressLabel(LOWER, a -> a.equals(CHECKSUMMED) ? Optional.of("Carol") : Optional.empty(), false, "Copy")
                    .withIds("named");
            anonymous = new AddressLabel(LOWER, AddressNames.NONE, true, "Copy").withIds("anonymous");
            stage.setScene(new Scene(new VBox(8, balance, listAmount, approval, named, anonymous), 700, 300));
            stage.show();
        });
    }

    @AfterAll
    static void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void amountsAreExactGroupedAndCarryTheFullValueInTheTooltip() throws Exception {
        assertEquals("1,234,567.890123456789012345 ETH", onFx(balance::getText));
        assertEquals("1234567.890123456789012345 ETH\n1234567890123456789012345 × 10^-18", onFx(() -> balance.getTooltip().getText()));
        assertEquals("−1,234,567.890123 ETH", onFx(listAmount::getText), "lists round down to 6 decimals");
        assertEquals(onFx(() -> balance.getTooltip().getText()), onFx(() -> listAmount.getTooltip().getText()), "the tooltip stays exact");
        assertEquals("Unlimited USDC", onFx(approval::getText));
        assertTrue(onFx(() -> approval.getTooltip().getText()).startsWith(
                "115792089237316195423570985008687907853269984665640564039457584007913129.639935 USDC\n"), "the exact value behind the word");
        onFx(() -> {
            balance.setUnits(null);
            return null;
        });
        assertEquals("…", onFx(balance::getText), "still loading");
    }

    @Test
    void addressesAreChecksummedShortenedNamedAndCopiedInFull() throws Exception {
        assertEquals("0x3C44…93BC", onFx(() -> named.addressText().getText()));
        assertEquals(CHECKSUMMED, onFx(() -> named.addressText().getTooltip().getText()));
        assertEquals("Carol", onFx(() -> named.nameText().getText()));
        assertEquals(CHECKSUMMED, onFx(() -> anonymous.addressText().getText()));
        assertFalse(onFx(() -> anonymous.nameText().isVisible()), "no name known: no empty name label");

        FxClicks.click(robot, onFx(() -> (Button) named.getChildren().getLast()));
        assertEquals(CHECKSUMMED, onFx(() -> Clipboard.getSystemClipboard().getString()), "the full checksummed address, not the short form");
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }
}
