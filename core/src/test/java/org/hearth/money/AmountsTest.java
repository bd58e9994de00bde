package org.hearth.money;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AmountsTest {

    @Test
    void parsesExactly() {
        assertEquals(new BigInteger("100000000000000000"), Amounts.parse("0.1", 18));
        assertEquals(new BigInteger("1500000000000000000"), Amounts.parse(" 1.5 ", 18));
        assertEquals(new BigInteger("250000000000000000"), Amounts.parse("0,25", 18));
        assertEquals(BigInteger.ONE, Amounts.parse("0.000000000000000001", 18));
        assertEquals(new BigInteger("12000000"), Amounts.parse("12.000000", 6));
        assertEquals(new BigInteger("5000000"), Amounts.parse(".5", 7));
        assertEquals(new BigInteger("115792089237316195423570985008687907853269984665640564039457584007913129639935"),
                Amounts.parse("115792089237316195423570985008687907853269984665640564039457.584007913129639935", 18));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-1", "1e18", "0x10", "1.2.3", "abc", "NaN", "Infinity", "1,000.5", "1,2,3"})
    void refusesWhatIsNotAPlainAmount(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Amounts.parse(text, 18));
        assertEquals(true, e.getMessage().startsWith("Not an amount"), e.getMessage());
    }

    @Test
    void refusesMorePrecisionThanTheUnitHas() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Amounts.parse("1.0000001", 6));
        assertEquals("Too many decimal places: at most 6", e.getMessage());
    }

    @Test
    void formatsWithoutLosingOrInventingDigits() {
        assertEquals("1.5", Amounts.format(new BigInteger("1500000000000000000"), 18));
        assertEquals("0.000000000000000001", Amounts.format(BigInteger.ONE, 18));
        assertEquals("100", Amounts.format(new BigInteger("100000000000000000000"), 18));
        assertEquals("0", Amounts.format(BigInteger.ZERO, 18));
        assertEquals("10,000", Amounts.formatShort(new BigInteger("10000000000000000000000"), 18, 4));
        assertEquals("99.9999", Amounts.formatShort(new BigInteger("99999999999999999999"), 18, 4), "rounds down, never up");
    }

    @Test
    void groupsTheWholePartAndKeepsEveryFractionalDigit() {
        assertEquals("1,234,567.000000000000000001", Amounts.formatGrouped(new BigInteger("1234567000000000000000001"), 18));
        assertEquals("999", Amounts.formatGrouped(new BigInteger("999"), 0));
        assertEquals("1,000", Amounts.formatGrouped(new BigInteger("1000"), 0));
        assertEquals("0.000000000000000001", Amounts.formatGrouped(BigInteger.ONE, 18));
        assertEquals("-12,345.6", Amounts.formatGrouped(new BigInteger("-123456"), 1));
        assertEquals("115,792,089,237,316,195,423,570,985,008,687,907,853,269,984,665,640,564,039,457.584007913129639935",
                Amounts.formatGrouped(BigInteger.TWO.pow(256).subtract(BigInteger.ONE), 18), "2^256 - 1 to the last digit");
    }
}
