package org.hearth.chain.abi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One parameter of a function, event or constructor: its name (may be empty), its canonical
 * Solidity type ({@code uint256}, {@code address[]}, {@code (address,bool,bytes)[]} for tuples),
 * whether an event indexes it, and a tuple's components.
 */
public record AbiParam(String name, String type, boolean indexed, List<AbiParam> components) {

    public AbiParam {
        name = name == null ? "" : name;
        components = List.copyOf(components);
    }

    public static AbiParam of(String name, String type) {
        return new AbiParam(name, type, false, List.of());
    }

    /** True for tuples and arrays of tuples, which the web3j string-typed decoder does not handle. */
    public boolean isTuple() {
        return type.startsWith("(");
    }

    static AbiParam fromJson(JsonNode node) {
        String type = node.path("type").asText();
        List<AbiParam> components = new ArrayList<>();
        for (JsonNode c : node.path("components")) {
            components.add(fromJson(c));
        }
        if (type.startsWith("tuple")) {
            // "tuple[]" becomes "(address,bool,bytes)[]": the canonical form used in signatures
            type = "(" + String.join(",", components.stream().map(AbiParam::type).toList()) + ")" + type.substring("tuple".length());
        }
        return new AbiParam(node.path("name").asText(""), type, node.path("indexed").asBoolean(false), components);
    }

    /**
     * Parses the parameter list of a text signature, such as {@code "address to,uint256 amount"} or
     * {@code "(address,bool,bytes)[]"}: names are optional.
     */
    static List<AbiParam> parseList(String list) {
        List<AbiParam> out = new ArrayList<>();
        for (String part : splitTopLevel(list)) {
            out.add(parseOne(part.strip()));
        }
        return out;
    }

    private static AbiParam parseOne(String text) {
        if (text.startsWith("(")) {
            int close = matchingParen(text, 0);
            List<AbiParam> components = parseList(text.substring(1, close));
            String rest = text.substring(close + 1);
            int space = rest.indexOf(' ');
            String suffix = space < 0 ? rest : rest.substring(0, space);
            String name = space < 0 ? "" : lastWord(rest.substring(space));
            String type = "(" + String.join(",", components.stream().map(AbiParam::type).toList()) + ")" + suffix;
            return new AbiParam(name, type, false, components);
        }
        String[] words = text.split("\\s+");
        if (words.length == 0 || words[0].isEmpty()) {
            throw new IllegalArgumentException("Empty parameter in a signature");
        }
        boolean indexed = List.of(words).contains("indexed");
        String name = words.length > 1 && !words[words.length - 1].equals("indexed") ? words[words.length - 1] : "";
        return new AbiParam(name, canonical(words[0]), indexed, List.of());
    }

    /** {@code uint} and {@code int} are aliases of the 256-bit types; signatures must use the full name. */
    private static String canonical(String type) {
        if (type.equals("uint") || type.startsWith("uint[")) {
            return "uint256" + type.substring(4);
        }
        if (type.equals("int") || type.startsWith("int[")) {
            return "int256" + type.substring(3);
        }
        return type;
    }

    private static String lastWord(String s) {
        String[] words = s.strip().split("\\s+");
        return words[words.length - 1];
    }

    static int matchingParen(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("Unbalanced parentheses in \"" + s + "\"");
    }

    private static List<String> splitTopLevel(String s) {
        List<String> parts = new ArrayList<>();
        if (s.isBlank()) {
            return parts;
        }
        int depth = 0;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(s.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(s.substring(start));
        return parts;
    }
}
