package org.hearth.chain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;

/** ABI and creation bytecode of a contract compiled by the resources module. */
public record ContractArtifact(String name, JsonNode abi, String bytecode) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static ContractArtifact load(String name) {
        String resource = "/org/hearth/contracts/" + name + ".json";
        try (InputStream in = ContractArtifact.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Contract artifact " + resource + " is missing from the classpath (was the resources module built?)");
            }
            JsonNode node = JSON.readTree(in);
            String bytecode = node.path("bytecode").asText();
            if (!bytecode.startsWith("0x") || bytecode.length() < 4) {
                throw new IllegalStateException("Contract artifact " + resource + " has no bytecode");
            }
            return new ContractArtifact(name, node.path("abi"), bytecode);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read contract artifact " + resource + ": " + e.getMessage(), e);
        }
    }
}
