package org.hearth.chain.tx;

import java.math.BigInteger;
import java.util.List;
import org.hearth.chain.abi.Abi;
import org.hearth.chain.abi.AbiException;
import org.hearth.chain.abi.AbiFunction;
import org.hearth.chain.abi.AbiParam;
import org.hearth.chain.abi.AbiValue;
import org.hearth.chain.abi.ContractAbi;

/**
 * Turns revert data into words: {@code Error(string)}, {@code Panic(uint256)}, or a custom error
 * named, with its arguments, from the ABIs of the contracts Hearth ships (OpenZeppelin 5 reverts
 * with custom errors).
 */
public final class RevertReason {

    private static final String ERROR_SELECTOR = "0x08c379a0";
    private static final String PANIC_SELECTOR = "0x4e487b71";
    private static final List<String> KNOWN_CONTRACTS = List.of(
            "HearthToken", "HearthGovernor", "HearthTimelock", "HearthCollectibles", "HearthItems", "Multicall3", "ComputeMarket");
    private static volatile List<ContractAbi> knownAbis;

    private RevertReason() {
    }

    /** A readable reason for revert data ({@code 0x...}); null or empty data gives "no reason given". */
    public static String describe(String data) {
        if (data == null || data.length() < 10 || !data.startsWith("0x")) {
            return "no reason given";
        }
        String selector = data.substring(0, 10).toLowerCase();
        String args = "0x" + data.substring(10);
        try {
            if (selector.equals(ERROR_SELECTOR)) {
                return (String) Abi.decodeValues(List.of(AbiParam.of("", "string")), args).getFirst().value();
            }
            if (selector.equals(PANIC_SELECTOR)) {
                BigInteger code = (BigInteger) Abi.decodeValues(List.of(AbiParam.of("", "uint256")), args).getFirst().value();
                return "Panic(0x" + code.toString(16) + ")" + panicMeaning(code.intValue());
            }
        } catch (AbiException malformed) {
            return "malformed revert data " + abbreviate(data);
        }
        for (ContractAbi abi : knownAbis()) {
            AbiFunction error = abi.error(selector).orElse(null);
            if (error != null) {
                return withArguments(error, data);
            }
        }
        return "custom error " + abbreviate(data);
    }

    /** {@code ERC20InsufficientBalance(sender: 0x…, balance: 0, needed: 5)}, or the signature and raw data when they do not decode. */
    private static String withArguments(AbiFunction error, String data) {
        try {
            List<AbiValue> values = Abi.decodeCall(error, data);
            return error.name() + "(" + String.join(", ", values.stream()
                    .map(v -> (v.name().isEmpty() ? "" : v.name() + ": ") + v.text()).toList()) + ")";
        } catch (AbiException e) {
            return error.signature() + (data.length() > 10 ? " 0x" + abbreviate(data.substring(10)) : "");
        }
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

    private static List<ContractAbi> knownAbis() {
        List<ContractAbi> known = knownAbis;
        if (known == null) {
            known = KNOWN_CONTRACTS.stream().map(ContractAbi::shipped).toList();
            knownAbis = known;
        }
        return known;
    }

    private static String abbreviate(String s) {
        return s.length() <= 140 ? s : s.substring(0, 140) + "…";
    }
}
