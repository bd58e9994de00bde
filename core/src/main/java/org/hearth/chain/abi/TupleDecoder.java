package org.hearth.chain.abi;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Decodes parameter lists that contain tuples (structs), which web3j can only decode into generated
 * classes: this walks the ABI head/tail layout of tuples and arrays of tuples itself, and hands
 * every non-tuple value to web3j through {@link Abi#decodeValues}. A tuple's value is the list of
 * its named components ({@link AbiValue}s). Offsets and lengths come from untrusted data: each is
 * checked against the data's length before use.
 */
final class TupleDecoder {

    private static final int WORD = 64; // hex characters

    private final String hex;

    private TupleDecoder(String hex) {
        this.hex = hex;
    }

    static List<AbiValue> decode(List<AbiParam> params, String hex) {
        return new TupleDecoder(hex).params(params, 0);
    }

    private List<AbiValue> params(List<AbiParam> params, int base) {
        List<AbiValue> out = new ArrayList<>();
        int head = base;
        for (AbiParam p : params) {
            int at = isDynamic(p) ? base + offset(head) : head;
            out.add(new AbiValue(p.name(), p.type(), value(p, at)));
            head += headSize(p);
        }
        return out;
    }

    private Object value(AbiParam p, int at) {
        String type = p.type();
        if (type.endsWith("]")) {
            AbiParam element = new AbiParam("", type.substring(0, type.lastIndexOf('[')), false, p.components());
            String size = type.substring(type.lastIndexOf('[') + 1, type.length() - 1);
            int count = size.isEmpty() ? length(at) : Integer.parseInt(size);
            int start = size.isEmpty() ? at + WORD : at;
            if ((long) count * WORD > hex.length()) {
                throw new AbiException("An array claims more elements than the data holds");
            }
            return params(Collections.nCopies(count, element), start).stream().map(AbiValue::value).toList();
        }
        if (p.isTuple()) {
            return params(p.components(), at);
        }
        // A leaf: give web3j a one-value encoding of it (an offset word first when it is dynamic).
        String one = isDynamic(p) ? "0".repeat(WORD - 2) + "20" + hex.substring(checked(at, WORD)) : hex.substring(checked(at, WORD), at + WORD);
        return Abi.decodeLeaf(p, one);
    }

    /** Words a parameter takes in its list's head: one for dynamic values, all of a static one's. */
    private static int headSize(AbiParam p) {
        if (isDynamic(p)) {
            return WORD;
        }
        String type = p.type();
        if (type.endsWith("]")) {
            int k = Integer.parseInt(type.substring(type.lastIndexOf('[') + 1, type.length() - 1));
            return k * headSize(new AbiParam("", type.substring(0, type.lastIndexOf('[')), false, p.components()));
        }
        if (p.isTuple()) {
            return p.components().stream().mapToInt(TupleDecoder::headSize).sum();
        }
        return WORD;
    }

    static boolean isDynamic(AbiParam p) {
        String type = p.type();
        if (type.equals("string") || type.equals("bytes") || type.endsWith("[]")) {
            return true;
        }
        if (type.endsWith("]")) {
            return isDynamic(new AbiParam("", type.substring(0, type.lastIndexOf('[')), false, p.components()));
        }
        return p.isTuple() && p.components().stream().anyMatch(TupleDecoder::isDynamic);
    }

    /** An offset word, as hex characters from the start of the enclosing list. */
    private int offset(int at) {
        BigInteger bytes = word(at);
        if (bytes.compareTo(BigInteger.valueOf(hex.length() / 2)) > 0) {
            throw new AbiException("An offset points past the end of the data");
        }
        return bytes.intValueExact() * 2;
    }

    private int length(int at) {
        BigInteger n = word(at);
        if (n.compareTo(BigInteger.valueOf(hex.length() / 2)) > 0) {
            throw new AbiException("A length exceeds the data");
        }
        return n.intValueExact();
    }

    private BigInteger word(int at) {
        return new BigInteger(hex.substring(checked(at, WORD), at + WORD), 16);
    }

    private int checked(int at, int chars) {
        if (at < 0 || at + chars > hex.length()) {
            throw new AbiException("The data ends early");
        }
        return at;
    }
}
