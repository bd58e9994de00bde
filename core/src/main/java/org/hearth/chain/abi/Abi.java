package org.hearth.chain.abi;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.hearth.chain.Addresses;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Array;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.BytesType;
import org.web3j.abi.datatypes.NumericType;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

/**
 * ABI encoding and decoding by Solidity type names, on web3j's abi module: selectors, call data
 * from a signature and plain Java arguments, and decoding of call data, return data and event logs
 * into {@link AbiValue}s. Decoded data is untrusted: anything that does not fit fails with
 * {@link AbiException}, never with another exception.
 */
public final class Abi {

    /** Call data and return data beyond this are not decoded (a review shows them raw). */
    public static final int MAX_DECODE_BYTES = 256 * 1024;

    private Abi() {
    }

    /** {@code 0x} and the first four bytes of the Keccak-256 of {@code signature}. */
    public static String selector(String signature) {
        return Hash.sha3String(signature).substring(0, 10);
    }

    /**
     * Call data for {@code signature} (e.g. {@code "transfer(address,uint256)"}) and its arguments:
     * addresses as strings, integers as {@link BigInteger} or {@code long}, bytes as {@code byte[]} or
     * {@code 0x} hex, arrays as lists; a web3j {@link Type} is taken as it is.
     */
    public static String encodeCall(String signature, Object... args) {
        AbiFunction f = AbiFunction.parse(signature);
        return FunctionEncoder.encode(f.selector(), toTypes(f.inputs(), List.of(args)));
    }

    /** Encoded arguments without a selector and without {@code 0x} (constructor arguments appended to creation code). */
    public static String encodeArguments(List<String> types, Object... args) {
        List<AbiParam> params = types.stream().map(t -> AbiParam.of("", t)).toList();
        return FunctionEncoder.encodeConstructor(toTypes(params, List.of(args)));
    }

    /** The arguments of {@code data} (selector included) decoded as {@code function}'s inputs. */
    public static List<AbiValue> decodeCall(AbiFunction function, String data) {
        String hex = cleanHex(data);
        if (hex.length() < 8 || !("0x" + hex.substring(0, 8)).equals(function.selector())) {
            throw new AbiException("The call data does not start with the selector of " + function.signature());
        }
        return decodeValues(function.inputs(), hex.substring(8));
    }

    /** What a call to {@code function} returned. */
    public static List<AbiValue> decodeReturn(AbiFunction function, String data) {
        return decodeValues(function.outputs(), cleanHex(data));
    }

    /**
     * A log's fields: indexed ones from {@code topics} (after topic 0 unless the event is anonymous;
     * an indexed string, bytes, array or tuple is only its hash, given as {@code bytes32}), the others from {@code data}.
     */
    public static List<AbiValue> decodeLog(AbiEvent event, List<String> topics, String data) {
        int topic = event.anonymous() ? 0 : 1;
        if (!event.anonymous() && (topics.isEmpty() || !topics.getFirst().equalsIgnoreCase(event.topic0()))) {
            throw new AbiException("The log is not a " + event.signature() + " event");
        }
        List<AbiParam> unindexed = event.inputs().stream().filter(p -> !p.indexed()).toList();
        List<AbiValue> fromData = decodeValues(unindexed, cleanHex(data));
        List<AbiValue> out = new ArrayList<>();
        int next = 0;
        for (AbiParam p : event.inputs()) {
            if (!p.indexed()) {
                out.add(fromData.get(next++));
                continue;
            }
            if (topic >= topics.size()) {
                throw new AbiException("The log has too few topics for " + event.signature());
            }
            String word = cleanHex(topics.get(topic++));
            boolean hashed = isDynamic(p.type()) || p.isTuple() || p.type().endsWith("]");
            out.add(decodeValues(List.of(AbiParam.of(p.name(), hashed ? "bytes32" : p.type())), word).getFirst());
        }
        return out;
    }

    /** Decodes ABI-encoded values (no selector) of the given parameters. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    public static List<AbiValue> decodeValues(List<AbiParam> params, String hex) {
        if (params.isEmpty()) {
            return List.of();
        }
        String clean = cleanHex(hex);
        if (clean.length() / 2 > MAX_DECODE_BYTES) {
            throw new AbiException("Too much data to decode (" + clean.length() / 2 + " bytes)");
        }
        if (params.stream().anyMatch(AbiParam::isTuple)) {
            try {
                return TupleDecoder.decode(params, clean);
            } catch (RuntimeException e) {
                throw e instanceof AbiException a ? a : new AbiException("The data does not match the tuple types", e);
            }
        }
        if (clean.length() < 64 * params.size()) {
            throw new AbiException("Too little data for " + params.size() + " values");
        }
        List<TypeReference<Type>> refs = new ArrayList<>();
        for (AbiParam p : params) {
            refs.add((TypeReference) reference(p.type()));
        }
        List<Type> decoded;
        try {
            decoded = FunctionReturnDecoder.decode(clean, refs);
        } catch (RuntimeException e) {
            throw new AbiException("The data does not match (" + String.join(",", params.stream().map(AbiParam::type).toList()) + ")", e);
        }
        if (decoded.size() != params.size()) {
            throw new AbiException("The data does not match (" + String.join(",", params.stream().map(AbiParam::type).toList()) + ")");
        }
        // Strictness: data that does not re-encode to itself was decoded with the wrong types (a selector clash).
        String again = Numeric.cleanHexPrefix(FunctionEncoder.encodeConstructor(decoded));
        if (!again.equalsIgnoreCase(clean)) {
            throw new AbiException("The data is not a canonical encoding of (" + String.join(",", params.stream().map(AbiParam::type).toList()) + ")");
        }
        List<AbiValue> out = new ArrayList<>();
        for (int i = 0; i < params.size(); i++) {
            out.add(new AbiValue(params.get(i).name(), params.get(i).type(), plain(decoded.get(i))));
        }
        return out;
    }

    /** One non-tuple value from its own one-value encoding (the tuple decoder's leaves). */
    @SuppressWarnings({"rawtypes", "unchecked"})
    static Object decodeLeaf(AbiParam p, String hex) {
        try {
            List<Type> decoded = FunctionReturnDecoder.decode(hex, List.of((TypeReference) reference(p.type())));
            if (decoded.size() != 1) {
                throw new AbiException("The data does not match " + p.type());
            }
            return plain(decoded.getFirst());
        } catch (AbiException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new AbiException("The data does not match " + p.type(), e);
        }
    }

    /** A web3j value as plain Java (see {@link AbiValue}). */
    static Object plain(Type<?> t) {
        return switch (t) {
            case Address a -> Addresses.checksummed(a.getValue());
            case NumericType n -> n.getValue();
            case Bool b -> b.getValue();
            case Utf8String s -> s.getValue();
            case BytesType b -> Numeric.toHexString(b.getValue());
            case Array<?> a -> a.getValue().stream().map(e -> plain((Type<?>) e)).toList();
            default -> String.valueOf(t.getValue());
        };
    }

    private static List<Type> toTypes(List<AbiParam> params, List<Object> args) {
        if (params.size() != args.size()) {
            throw new AbiException("Expected " + params.size() + " arguments, got " + args.size());
        }
        List<Type> out = new ArrayList<>();
        for (int i = 0; i < params.size(); i++) {
            out.add(toType(params.get(i).type(), args.get(i)));
        }
        return out;
    }

    private static Type toType(String type, Object arg) {
        if (arg instanceof Type<?> t) {
            return t;
        }
        try {
            return TypeDecoder.instantiateType(reference(type), javaValue(type, arg));
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new AbiException("Cannot encode " + arg + " as " + type + ": " + e.getMessage(), e);
        }
    }

    /** Hex text for bytes types becomes bytes; {@code long}s become BigIntegers; lists convert element-wise. */
    private static Object javaValue(String type, Object arg) {
        if (arg instanceof List<?> list && type.endsWith("]")) {
            String element = type.substring(0, type.lastIndexOf('['));
            return list.stream().map(e -> javaValue(element, e)).toList();
        }
        if (type.startsWith("bytes") && arg instanceof String s) {
            return Numeric.hexStringToByteArray(s);
        }
        if (type.equals("string") && arg instanceof byte[] b) {
            return new String(b, StandardCharsets.UTF_8);
        }
        if ((type.startsWith("uint") || type.startsWith("int")) && arg instanceof Number n && !(arg instanceof BigInteger)) {
            return BigInteger.valueOf(n.longValue());
        }
        return arg;
    }

    private static TypeReference<?> reference(String type) {
        try {
            return TypeReference.makeTypeReference(type);
        } catch (ClassNotFoundException | RuntimeException e) {
            throw new AbiException("Unknown ABI type " + type, e);
        }
    }

    private static boolean isDynamic(String type) {
        return type.equals("string") || type.equals("bytes");
    }

    private static String cleanHex(String data) {
        String hex = data == null ? "" : Numeric.cleanHexPrefix(data.strip());
        if (hex.length() % 2 != 0 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new AbiException("Not hex data");
        }
        return hex;
    }
}
