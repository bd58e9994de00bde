package org.hearth.chain.tx;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hearth.chain.ContractArtifact;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Hash;

/**
 * Turns revert data into words: {@code Error(string)}, {@code Panic(uint256)}, or a custom error
 * named from the ABIs of the contracts Hearth ships (OpenZeppelin 5 reverts with custom errors).
 */
public final class RevertReason {

    private static final String ERROR_SELECTOR = "0x08c379a0";
    private static final String PANIC_SELECTOR = "0x4e487b71";
    private static final List<String> KNOWN_CONTRACTS = List.of(
            "HearthToken", "HearthGovernor", "HearthTimelock", "HearthCollectibles", "HearthItems", "Multicall3", "ComputeMarket");
    private static volatile Map<String, String> customErrors;

    private RevertReason() {
    }

    /** A readable reason for revert data ({@code 0x...}); null or empty data gives "no reason given". */
    @SuppressWarnings({"rawtypes", "unchecked"})
    public static String describe(String data) {
        if (data == null || data.length() < 10 || !data.startsWith("0x")) {
            return "no reason given";
        }
        String selector = data.substring(0, 10).toLowerCase();
        String args = "0x" + data.substring(10);
        try {
            if (selector.equals(ERROR_SELECTOR)) {
                List<Type> decoded = FunctionReturnDecoder.decode(args, List.of((TypeReference) TypeReference.create(Utf8String.class)));
                return decoded.isEmpty() ? "Error()" : decoded.getFirst().getValue().toString();
            }
            if (selector.equals(PANIC_SELECTOR)) {
                List<Type> decoded = FunctionReturnDecoder.decode(args, List.of((TypeReference) TypeReference.create(Uint256.class)));
                BigInteger code = decoded.isEmpty() ? BigInteger.ZERO : (BigInteger) decoded.getFirst().getValue();
                return "Panic(0x" + code.toString(16) + ")" + panicMeaning(code.intValue());
            }
        } catch (RuntimeException malformed) {
            return "malformed revert data " + abbreviate(data);
        }
        String name = customErrors().get(selector);
        return name != null ? name + (args.length() > 2 ? " " + abbreviate(args) : "") : "custom error " + abbreviate(data);
    }

    private static String panicMeaning(int code) {
        return switch (code) {
            case 0x01 -> ": assertion failed";
            case 0x11 -> ": arithmetic overflow or underflow";
            case 0x12 -> ": division by zero";
            case 0x32 -> ": array index out of bounds";
            default -> "";
        };
    }

    private static Map<String, String> customErrors() {
        Map<String, String> known = customErrors;
        if (known == null) {
            known = new HashMap<>();
            for (String contract : KNOWN_CONTRACTS) {
                for (JsonNode entry : ContractArtifact.load(contract).abi()) {
                    if ("error".equals(entry.path("type").asText())) {
                        StringBuilder signature = new StringBuilder(entry.path("name").asText()).append('(');
                        for (int i = 0; i < entry.path("inputs").size(); i++) {
                            signature.append(i == 0 ? "" : ",").append(entry.path("inputs").get(i).path("type").asText());
                        }
                        String sig = signature.append(')').toString();
                        known.put(Hash.sha3String(sig).substring(0, 10), sig);
                    }
                }
            }
            customErrors = known;
        }
        return known;
    }

    private static String abbreviate(String s) {
        return s.length() <= 140 ? s : s.substring(0, 140) + "…";
    }
}
