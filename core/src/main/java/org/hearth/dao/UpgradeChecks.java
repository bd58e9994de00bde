package org.hearth.dao;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hearth.chain.Addresses;
import org.hearth.chain.RpcClient;
import org.hearth.chain.RpcException;
import org.hearth.chain.abi.Abi;
import org.hearth.chain.abi.AbiException;
import org.hearth.chain.abi.AbiFunction;
import org.hearth.chain.abi.AbiValue;
import org.hearth.chain.review.ReviewWarning;

/**
 * What lets a proposal's action change which code runs: a call to an upgrade function (UUPS / ERC-1967
 * {@code upgradeTo}, {@code upgradeToAndCall}, {@code changeAdmin}, a beacon's {@code upgradeTo}, OpenZeppelin
 * ProxyAdmin's {@code upgradeAndCall} / {@code upgrade} / {@code changeProxyAdmin}), a function that names a
 * {@code delegatecall}, and a target that is an EIP-1967 proxy (its implementation, admin or beacon slot set,
 * read with {@code eth_getStorageAt}): the code a voter reads there is not the code that runs.
 */
final class UpgradeChecks {

    /** EIP-1967 slots: keccak256("eip1967.proxy.implementation" / ".admin" / ".beacon") - 1. */
    static final String IMPLEMENTATION_SLOT = "0x360894a13ba1a3210667c828492db98dca3e2076cc3735a920a3ca505d382bbc";
    static final String ADMIN_SLOT = "0xb53127684a568b3173ae13b9f8a6016e243e63b6e8ee1178d6a717850b5d6103";
    static final String BEACON_SLOT = "0xa3f0ad74e5423aebfd80d3ef4346578335a9a72aeaee59ff6cb3582b35133d50";

    /** Upgrade functions by selector, with the index of the argument that names the new code (or new admin). */
    private static final Map<String, Upgrade> UPGRADES = Map.ofEntries(
            upgrade("upgradeTo(address)", 0),
            upgrade("upgradeToAndCall(address,bytes)", 0),
            upgrade("changeAdmin(address)", 0),
            upgrade("upgradeAndCall(address,address,bytes)", 1),
            upgrade("upgrade(address,address)", 1),
            upgrade("changeProxyAdmin(address,address)", 1),
            upgrade("upgradeBeaconToAndCall(address,bytes)", 0));

    private record Upgrade(AbiFunction function, int newCodeArgument) {
    }

    private final RpcClient rpc;

    UpgradeChecks(RpcClient rpc) {
        this.rpc = rpc;
    }

    /** The warnings for calling {@code data} on {@code target} (checksummed); {@code functionName} is the decoded name or null. */
    List<ReviewWarning> check(String target, boolean hasCode, String data, String functionName) {
        List<ReviewWarning> out = new ArrayList<>();
        String selector = data != null && data.length() >= 10 ? data.substring(0, 10).toLowerCase(Locale.ROOT) : null;
        Upgrade upgrade = selector == null ? null : UPGRADES.get(selector);
        if (upgrade != null) {
            out.add(ReviewWarning.of(ProposalAction.UPGRADE_CALL, upgrade.function().signature(), target, newCode(upgrade, data)));
        } else if (functionName != null && functionName.toLowerCase(Locale.ROOT).contains("delegatecall")) {
            out.add(ReviewWarning.of(ProposalAction.DELEGATECALL, functionName, target));
        }
        if (hasCode) {
            String implementation = slot(target, IMPLEMENTATION_SLOT);
            String beacon = slot(target, BEACON_SLOT);
            String admin = slot(target, ADMIN_SLOT);
            if (implementation != null || beacon != null) {
                out.add(ReviewWarning.of(ProposalAction.PROXY_TARGET, target, implementation != null ? implementation : beacon));
            }
            if (admin != null) {
                out.add(ReviewWarning.of(ProposalAction.PROXY_ADMIN, target, admin));
            }
        }
        return out;
    }

    private static String newCode(Upgrade upgrade, String data) {
        try {
            List<AbiValue> args = Abi.decodeCall(upgrade.function(), data);
            return Addresses.checksummed((String) args.get(upgrade.newCodeArgument()).value());
        } catch (AbiException | ClassCastException | IndexOutOfBoundsException e) {
            return ""; // the selector matches but the arguments do not decode: still an upgrade call
        }
    }

    /** The address held in an EIP-1967 slot, or null when it is empty (or the node will not say). */
    private String slot(String target, String slot) {
        try {
            String word = rpc.call("eth_getStorageAt", target, slot, "latest").asText("0x");
            BigInteger value = word.length() > 2 ? new BigInteger(word.substring(2), 16) : BigInteger.ZERO;
            return value.signum() == 0 ? null : Addresses.checksummed(String.format("0x%040x", value.mod(BigInteger.TWO.pow(160))));
        } catch (RpcException | NumberFormatException e) {
            return null;
        }
    }

    private static Map.Entry<String, Upgrade> upgrade(String signature, int newCodeArgument) {
        AbiFunction f = AbiFunction.parse(signature);
        return Map.entry(f.selector().toLowerCase(Locale.ROOT), new Upgrade(f, newCodeArgument));
    }
}
