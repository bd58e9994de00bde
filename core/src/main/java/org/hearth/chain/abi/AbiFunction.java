package org.hearth.chain.abi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** A function of a contract ABI: name, inputs and outputs; its canonical signature and 4-byte selector. */
public record AbiFunction(String name, List<AbiParam> inputs, List<AbiParam> outputs) {

    public AbiFunction {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }

    /**
     * Parses a text signature: {@code "transfer(address,uint256)"}, with optional parameter names
     * ({@code "transfer(address to,uint256 amount)"}) and optional outputs in a second pair of
     * parentheses, as cast writes them ({@code "balanceOf(address)(uint256)"}).
     */
    public static AbiFunction parse(String signature) {
        String s = signature.strip();
        int open = s.indexOf('(');
        if (open <= 0) {
            throw new IllegalArgumentException("Not a function signature: \"" + signature + "\"");
        }
        int close = AbiParam.matchingParen(s, open);
        List<AbiParam> outputs = List.of();
        String rest = s.substring(close + 1).strip();
        if (!rest.isEmpty()) {
            if (!rest.startsWith("(") || AbiParam.matchingParen(rest, 0) != rest.length() - 1) {
                throw new IllegalArgumentException("Not a function signature: \"" + signature + "\"");
            }
            outputs = AbiParam.parseList(rest.substring(1, rest.length() - 1));
        }
        return new AbiFunction(s.substring(0, open).strip(), AbiParam.parseList(s.substring(open + 1, close)), outputs);
    }

    static AbiFunction fromJson(JsonNode node) {
        List<AbiParam> in = new ArrayList<>();
        node.path("inputs").forEach(p -> in.add(AbiParam.fromJson(p)));
        List<AbiParam> out = new ArrayList<>();
        node.path("outputs").forEach(p -> out.add(AbiParam.fromJson(p)));
        return new AbiFunction(node.path("name").asText(), in, out);
    }

    /** {@code transfer(address,uint256)}: what the selector is hashed from. */
    public String signature() {
        return name + "(" + String.join(",", inputs.stream().map(AbiParam::type).toList()) + ")";
    }

    /** The first four bytes of the signature's Keccak-256, as {@code 0x} and 8 lowercase hex digits. */
    public String selector() {
        return Abi.selector(signature());
    }

    /** True when every input has a name (the ABIs Hearth ships; signatures from the 4-byte table have none). */
    public boolean hasNamedInputs() {
        return inputs.stream().noneMatch(p -> p.name().isEmpty());
    }
}
