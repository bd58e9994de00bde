package org.hearth.chain.review;

import java.util.List;
import org.hearth.chain.abi.AbiFunction;
import org.hearth.chain.abi.AbiValue;

/**
 * What a transaction's data says: the function (null when unknown or when there is no data), where
 * its description came from, and the arguments (empty when they could not be decoded, e.g. tuples).
 * {@code abiName} names the shipped ABI that matched (e.g. {@code HearthToken}), or is null.
 */
public record DecodedCall(Source source, AbiFunction function, String abiName, List<AbiValue> arguments, boolean argumentsDecoded,
                          String data) {

    public enum Source {
        /** No call data: a plain ether transfer. */
        NONE,
        /** From an ABI Hearth ships: named, typed arguments. */
        SHIPPED_ABI,
        /** From the local table of common signatures: typed arguments without names. */
        SIGNATURE_TABLE,
        /** The selector is in neither: the data is shown raw. */
        UNKNOWN
    }

    public DecodedCall {
        arguments = List.copyOf(arguments);
    }

    public boolean isKnown() {
        return function != null;
    }

    /** One line: {@code transfer(to: 0x…, value: 5)}; the selector alone when the function is unknown. */
    public String text() {
        if (!isKnown()) {
            return selector();
        }
        if (!argumentsDecoded()) {
            return function.signature();
        }
        return function.name() + "(" + String.join(", ", arguments.stream()
                .map(a -> (a.name().isEmpty() ? "" : a.name() + ": ") + a.text()).toList()) + ")";
    }

    /** {@code 0x} and the first four bytes of the data, or "" when there are fewer. */
    public String selector() {
        return data != null && data.length() >= 10 ? data.substring(0, 10).toLowerCase() : "";
    }
}
