package org.hearth.chain.abi;

import java.util.List;

/**
 * A decoded argument, return value or event field, as plain Java: an address is its EIP-55 string,
 * integers are {@link java.math.BigInteger}, {@code bool} a {@link Boolean}, {@code string} a
 * {@link String}, bytes {@code 0x} hex, arrays a {@link List} of their elements' values, and a tuple
 * the {@link List} of its components as {@code AbiValue}s (so their names stay).
 */
public record AbiValue(String name, String type, Object value) {

    /** The value as one line of text (lists in brackets), for screens and logs. */
    public String text() {
        return text(value);
    }

    private static String text(Object v) {
        if (v instanceof AbiValue component) {
            return (component.name().isEmpty() ? "" : component.name() + ": ") + text(component.value());
        }
        if (v instanceof List<?> list && !list.isEmpty() && list.getFirst() instanceof AbiValue) {
            return "(" + String.join(", ", list.stream().map(AbiValue::text).toList()) + ")";
        }
        if (v instanceof List<?> list) {
            return "[" + String.join(", ", list.stream().map(AbiValue::text).toList()) + "]";
        }
        return String.valueOf(v);
    }
}
