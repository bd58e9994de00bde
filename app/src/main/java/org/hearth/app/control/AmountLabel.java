package org.hearth.app.control;

import java.math.BigInteger;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import org.hearth.money.Amounts;

/**
 * An amount in base units shown with its token's decimals and symbol: exact and digit-grouped by
 * default, or rounded down to a few decimals in lists; the tooltip always has the full exact value
 * and the base units. Never floating point. 2^256 − 1 reads as the "unlimited" text when one is set.
 */
public final class AmountLabel extends Label {

    private static final BigInteger MAX_UINT256 = BigInteger.TWO.pow(256).subtract(BigInteger.ONE);

    private final ObjectProperty<BigInteger> units = new SimpleObjectProperty<>();
    private final Tooltip tooltip = new Tooltip();
    private int decimals;
    private String symbol;
    private int maxFraction = -1;
    private String prefix = "";
    private String unlimitedText;
    private String placeholder = "…";

    public AmountLabel(int decimals, String symbol) {
        this.decimals = decimals;
        this.symbol = symbol == null ? "" : symbol;
        units.addListener((obs, was, is) -> redraw());
        redraw();
    }

    public AmountLabel(BigInteger units, int decimals, String symbol) {
        this(decimals, symbol);
        setUnits(units);
    }

    /** The amount in base units; null shows the placeholder (still loading). */
    public ObjectProperty<BigInteger> unitsProperty() {
        return units;
    }

    public void setUnits(BigInteger value) {
        units.set(value);
    }

    /** At most {@code digits} decimals, rounded down (never overstates), for lists; the tooltip stays exact. */
    public AmountLabel rounded(int digits) {
        this.maxFraction = digits;
        redraw();
        return this;
    }

    /** A sign or arrow before the number, e.g. "−" for money that left. */
    public AmountLabel withPrefix(String text) {
        this.prefix = text == null ? "" : text;
        redraw();
        return this;
    }

    /** What 2^256 − 1 reads as (an "unlimited" approval), from the bundle. */
    public AmountLabel withUnlimitedText(String text) {
        this.unlimitedText = text;
        redraw();
        return this;
    }

    private void redraw() {
        BigInteger value = units.get();
        if (value == null) {
            setText(placeholder);
            setTooltip(null);
            return;
        }
        String unit = symbol.isEmpty() ? "" : " " + symbol;
        String exact = Amounts.format(value, decimals) + unit;
        if (unlimitedText != null && value.equals(MAX_UINT256)) {
            setText(unlimitedText + unit);
        } else {
            String number = maxFraction < 0 ? Amounts.formatGrouped(value, decimals) : Amounts.formatShort(value, decimals, maxFraction);
            setText(prefix + number + unit);
        }
        tooltip.setText(exact + "\n" + value + (decimals == 0 ? "" : " × 10^-" + decimals));
        setTooltip(tooltip);
    }
}
