package org.hearth.chain.abi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** An event of a contract ABI; {@link #topic0()} is the Keccak-256 of its signature. */
public record AbiEvent(String name, List<AbiParam> inputs, boolean anonymous) {

    public AbiEvent {
        inputs = List.copyOf(inputs);
    }

    /** Parses {@code "Transfer(address indexed from,address indexed to,uint256 value)"}. */
    public static AbiEvent parse(String signature) {
        AbiFunction shape = AbiFunction.parse(signature);
        return new AbiEvent(shape.name(), shape.inputs(), false);
    }

    static AbiEvent fromJson(JsonNode node) {
        List<AbiParam> in = new ArrayList<>();
        node.path("inputs").forEach(p -> in.add(AbiParam.fromJson(p)));
        return new AbiEvent(node.path("name").asText(), in, node.path("anonymous").asBoolean(false));
    }

    public String signature() {
        return name + "(" + String.join(",", inputs.stream().map(AbiParam::type).toList()) + ")";
    }

    public String topic0() {
        return org.web3j.abi.EventEncoder.buildEventSignature(signature());
    }
}
