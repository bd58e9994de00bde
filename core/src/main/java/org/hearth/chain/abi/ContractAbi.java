package org.hearth.chain.abi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.hearth.chain.ContractArtifact;

/** A contract's ABI JSON, indexed: functions by selector, events by topic 0. */
public final class ContractAbi {

    private final String name;
    private final Map<String, AbiFunction> functions = new LinkedHashMap<>();
    private final Map<String, AbiEvent> events = new LinkedHashMap<>();
    private final Map<String, AbiFunction> errors = new LinkedHashMap<>();

    private ContractAbi(String name, JsonNode abi) {
        this.name = name;
        for (JsonNode entry : abi) {
            switch (entry.path("type").asText()) {
                case "function" -> {
                    AbiFunction f = AbiFunction.fromJson(entry);
                    functions.put(f.selector(), f);
                }
                case "event" -> {
                    AbiEvent e = AbiEvent.fromJson(entry);
                    events.put(e.topic0(), e);
                }
                case "error" -> {
                    AbiFunction e = AbiFunction.fromJson(entry); // a custom error has a function's shape and selector
                    errors.put(e.selector(), e);
                }
                default -> {
                }
            }
        }
    }

    public static ContractAbi parse(String name, JsonNode abi) {
        return new ContractAbi(name, abi);
    }

    /** The ABI of a contract Hearth ships (compiled by the resources module onto the classpath). */
    public static ContractAbi shipped(String contractName) {
        return new ContractAbi(contractName, ContractArtifact.load(contractName).abi());
    }

    public String name() {
        return name;
    }

    public Optional<AbiFunction> function(String selector) {
        return Optional.ofNullable(functions.get(selector.toLowerCase()));
    }

    /** The function named {@code name}; the first one when it is overloaded. */
    public AbiFunction function(String name, int inputs) {
        return functions.values().stream().filter(f -> f.name().equals(name) && f.inputs().size() == inputs).findFirst()
                .orElseThrow(() -> new AbiException(this.name + " has no function " + name + " with " + inputs + " inputs"));
    }

    /** The custom error whose selector starts revert data. */
    public Optional<AbiFunction> error(String selector) {
        return Optional.ofNullable(errors.get(selector.toLowerCase()));
    }

    public Optional<AbiEvent> event(String topic0) {
        return Optional.ofNullable(events.get(topic0.toLowerCase()));
    }

    public java.util.Collection<AbiFunction> functions() {
        return functions.values();
    }
}
