package org.hearth.money;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * Exact conversion between base units (wei, token units) and decimal text people type and read.
 * Never floating point: "0.1" ETH is exactly 100000000000000000 wei.
 */
public final class Amounts {

    private static final int MAX_DECIMALS = 36;

    private Amounts() {
    }

    /**
     * Parses a decimal amount such as "1.5" or "0,25" into base units. Refuses negatives, more
     * fractional digits than the unit has, exponents and anything that is not a plain number.
     */
    public static BigInteger parse(String text, int decimals) {
        if (decimals < 0 || decimals > MAX_DECIMALS) {
            throw new IllegalArgumentException("Unsupported number of decimals: " + decimals);
        }
        String s = text == null ? "" : text.trim().replace('_', ' ').replace(" ", "");
        if (s.chars().filter(ch -> ch == ',').count() == 1 && !s.contains(".")) {
            s = s.replace(',', '.'); // a decimal comma, as typed in much of Europe
        }
        if (!s.matches("\\d+(\\.\\d*)?|\\.\\d+")) {
            throw new IllegalArgumentException("Not an amount: \"" + abbreviate(text) + "\" (use digits and one decimal point)");
        }
        BigDecimal value = new BigDecimal(s);
        if (value.scale() > decimals && value.stripTrailingZeros().scale() > decimals) {
            throw new IllegalArgumentException("Too many decimal places: at most " + decimals);
        }
        return value.movePointRight(decimals).setScale(0, RoundingMode.UNNECESSARY).toBigIntegerExact();
    }

    /** Formats base units as a decimal without trailing zeros ("1.5", "0.000000000000000001", "12"). */
    public static String format(BigInteger units, int decimals) {
        BigDecimal value = new BigDecimal(units, decimals).stripTrailingZeros();
        return value.scale() <= 0 ? value.toBigInteger().toString() : value.toPlainString();
    }

    /**
     * Every digit, with the integer part grouped by thousands ("1,234,567.000000000000000001"):
     * exact like {@link #format}, easier to read for large amounts.
     */
    public static String formatGrouped(BigInteger units, int decimals) {
        String plain = format(units, decimals);
        boolean negative = plain.startsWith("-");
        String digits = negative ? plain.substring(1) : plain;
        int dot = digits.indexOf('.');
        String whole = dot < 0 ? digits : digits.substring(0, dot);
        StringBuilder grouped = new StringBuilder(whole);
        for (int i = whole.length() - 3; i > 0; i -= 3) {
            grouped.insert(i, ',');
        }
        return (negative ? "-" : "") + grouped + (dot < 0 ? "" : digits.substring(dot));
    }

    /** Formats with grouping and at most {@code maxFraction} fractional digits, rounding down (never overstates). */
    public static String formatShort(BigInteger units, int decimals, int maxFraction) {
        BigDecimal value = new BigDecimal(units, decimals).setScale(maxFraction, RoundingMode.DOWN).stripTrailingZeros();
        java.text.DecimalFormat f = new java.text.DecimalFormat("#,##0.#", java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT));
        f.setMaximumFractionDigits(maxFraction);
        f.setRoundingMode(RoundingMode.DOWN);
        return f.format(value);
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
