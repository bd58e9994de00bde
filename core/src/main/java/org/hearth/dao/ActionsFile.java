package org.hearth.dao;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.hearth.chain.Addresses;
import org.hearth.chain.abi.Abi;
import org.hearth.chain.abi.AbiException;
import org.hearth.chain.abi.AbiFunction;
import org.hearth.chain.abi.AbiParam;
import org.hearth.problem.HearthException;

/**
 * A proposal's actions from JSON: an array of {@code {"target","value","signature","args"}}, e.g.
 * {@code {"target":"0x…","value":"0","signature":"transfer(address,uint256)","args":["0x…","5000000000000000000000"]}}.
 * Numbers may be JSON strings so large integers stay exact; no signature (or an empty one) means a
 * plain ether transfer. Untrusted input: capped in size and count, every field checked.
 */
public final class ActionsFile {

    public static final int MAX_BYTES = 1 << 20;
    public static final int MAX_ACTIONS = 64;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One action, encoded: target (EIP-55), value in wei and call data. */
    public record Action(String target, BigInteger value, String calldata) {
    }

    /** One action as a person types it in the builder: the JSON file's fields, arguments as text (a JSON array for an array type). */
    public record Entry(String target, String value, String signature, List<String> args) {
        public Entry {
            args = List.copyOf(args);
        }
    }

    private ActionsFile() {
    }

    /** The entries as the JSON array this file reads (numbers stay exact strings). */
    public static String json(List<Entry> entries) {
        com.fasterxml.jackson.databind.node.ArrayNode root = JSON.createArrayNode();
        for (Entry e : entries) {
            com.fasterxml.jackson.databind.node.ObjectNode o = root.addObject();
            o.put("target", e.target() == null ? "" : e.target().strip());
            o.put("value", e.value() == null || e.value().isBlank() ? "0" : e.value().strip());
            o.put("signature", e.signature() == null ? "" : e.signature().strip());
            com.fasterxml.jackson.databind.node.ArrayNode args = o.putArray("args");
            for (String a : e.args()) {
                String t = a.strip();
                if (t.startsWith("[")) {
                    try {
                        args.add(JSON.readTree(t));
                        continue;
                    } catch (IOException notJson) {
                        throw bad("action " + root.size() + ": " + t + " is not a JSON array");
                    }
                }
                args.add(t);
            }
        }
        return root.toString();
    }

    /** Encodes typed entries (checked as a file's actions are). */
    public static List<Action> encode(List<Entry> entries) {
        return parse(json(entries));
    }

    public static List<Action> parse(String json) {
        if (json.length() > MAX_BYTES) {
            throw bad("larger than " + MAX_BYTES + " bytes");
        }
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw bad("not JSON");
        }
        if (root == null || !root.isArray() || root.isEmpty() || root.size() > MAX_ACTIONS) {
            throw bad("expected an array of 1 to " + MAX_ACTIONS + " actions");
        }
        List<Action> out = new ArrayList<>();
        for (JsonNode a : root) {
            String target = a.path("target").asText("");
            if (!Addresses.isValid(target)) {
                throw bad("action " + (out.size() + 1) + ": target is not a valid address");
            }
            BigInteger value = a.has("value") ? integer(a.get("value"), out.size()) : BigInteger.ZERO;
            if (value.signum() < 0) {
                throw bad("action " + (out.size() + 1) + ": negative value");
            }
            String signature = a.path("signature").asText("").strip();
            String data = "0x";
            if (!signature.isEmpty()) {
                data = encode(signature, a.path("args"), out.size());
            }
            out.add(new Action(Addresses.checksummed(target), value, data));
        }
        return out;
    }

    private static String encode(String signature, JsonNode args, int index) {
        try {
            AbiFunction f = AbiFunction.parse(signature);
            if (!args.isArray() && !args.isMissingNode()) {
                throw bad("action " + (index + 1) + ": args must be an array");
            }
            if ((args.isMissingNode() ? 0 : args.size()) != f.inputs().size()) {
                throw bad("action " + (index + 1) + ": " + signature + " takes " + f.inputs().size() + " arguments");
            }
            Object[] values = new Object[f.inputs().size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = value(f.inputs().get(i).type(), args.get(i), index);
            }
            return Abi.encodeCall(f.signature(), values);
        } catch (AbiException | IllegalArgumentException | UnsupportedOperationException e) {
            if (e instanceof HearthException h) {
                throw h;
            }
            throw bad("action " + (index + 1) + ": " + e.getMessage());
        }
    }

    private static Object value(String type, JsonNode node, int index) {
        if (type.endsWith("]")) {
            String element = type.substring(0, type.lastIndexOf('['));
            if (!node.isArray()) {
                throw bad("action " + (index + 1) + ": " + type + " needs an array");
            }
            List<Object> list = new ArrayList<>();
            node.forEach(n -> list.add(value(element, n, index)));
            return list;
        }
        if (type.startsWith("uint") || type.startsWith("int")) {
            return integer(node, index);
        }
        if (type.equals("bool")) {
            return node.asBoolean();
        }
        if (type.equals("address") && !Addresses.isValid(node.asText())) {
            throw bad("action " + (index + 1) + ": not a valid address: " + node.asText());
        }
        return node.asText();
    }

    private static BigInteger integer(JsonNode node, int index) {
        if (node.isNumber() && !node.isIntegralNumber()) {
            throw bad("action " + (index + 1) + ": not an integer: " + node.asText());
        }
        try {
            return node.isNumber() ? node.bigIntegerValue() : new BigInteger(node.asText().strip());
        } catch (NumberFormatException e) {
            throw bad("action " + (index + 1) + ": not an integer: " + node.asText());
        }
    }

    private static HearthException bad(String why) {
        return new HearthException("dao.badActions", null, why);
    }
}
