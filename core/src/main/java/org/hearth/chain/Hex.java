package org.hearth.chain;

import java.math.BigInteger;
import java.util.function.Supplier;

/** Strict parsing of the hex strings JSON-RPC uses. */
public final class Hex {

    private Hex() {
    }

    /** Parses a 0x-prefixed quantity; anything else throws the supplied error. */
    public static <E extends RuntimeException> BigInteger quantity(String text, Supplier<E> error) {
        if (text == null || !text.startsWith("0x") || text.length() < 3 || text.length() > 66) {
            throw error.get();
        }
        try {
            return new BigInteger(text.substring(2), 16);
        } catch (NumberFormatException e) {
            throw error.get();
        }
    }

    public static String quantity(BigInteger value) {
        return "0x" + value.toString(16);
    }

    public static String quantity(long value) {
        return "0x" + Long.toHexString(value);
    }
}
