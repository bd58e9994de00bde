package org.hearth.chain.review;

import java.util.ArrayList;
import java.util.List;
import org.hearth.chain.abi.Abi;
import org.hearth.chain.abi.AbiException;
import org.hearth.chain.abi.AbiFunction;
import org.hearth.chain.abi.AbiValue;
import org.hearth.chain.abi.ContractAbi;
import org.hearth.chain.abi.SignatureTable;

/**
 * Decodes call data by selector: first from the ABIs Hearth ships (its own contracts, which are
 * ERC-20, ERC-721, ERC-1155, an OpenZeppelin Governor and timelock, and Multicall3), then from the
 * local table of common signatures. A candidate counts only when the data decodes and re-encodes
 * to itself, so a clashing selector with other argument types is passed over.
 */
public final class CallDecoder {

    /** The shipped ABIs in the order they are tried: the ERC-20 before the ERC-721 (they share approve and transferFrom). */
    public static final List<String> SHIPPED = List.of(
            "HearthToken", "HearthCollectibles", "HearthItems", "HearthGovernor", "HearthTimelock", "Multicall3");
    public static final String ERC721_ABI = "HearthCollectibles";
    public static final String ERC1155_ABI = "HearthItems";

    private static volatile CallDecoder shipped;

    private final List<ContractAbi> abis;
    private final SignatureTable table;
    /** Shipped ABIs outside {@link #SHIPPED} that a known contract named (loaded on first use). */
    private final java.util.Map<String, ContractAbi> extra = new java.util.concurrent.ConcurrentHashMap<>();

    public CallDecoder(List<ContractAbi> abis, SignatureTable table) {
        this.abis = List.copyOf(abis);
        this.table = table;
    }

    /** The decoder over Hearth's own ABIs and the common signature table, built once. */
    public static CallDecoder shipped() {
        CallDecoder d = shipped;
        if (d == null) {
            synchronized (CallDecoder.class) {
                if (shipped == null) {
                    shipped = new CallDecoder(SHIPPED.stream().map(ContractAbi::shipped).toList(), SignatureTable.common());
                }
                d = shipped;
            }
        }
        return d;
    }

    public DecodedCall decode(String data) {
        return decode(data, null);
    }

    /** {@code preferredAbi}: the shipped ABI tried first (the target is known to be, say, an ERC-721); may be null. */
    public DecodedCall decode(String data, String preferredAbi) {
        String hex = data == null ? "0x" : data.strip().toLowerCase();
        if (hex.equals("0x") || hex.isEmpty()) {
            return new DecodedCall(DecodedCall.Source.NONE, null, null, List.of(), true, "0x");
        }
        if (hex.length() < 10) {
            return unknown(hex);
        }
        String selector = hex.substring(0, 10);
        AbiFunction undecodable = null;
        String undecodableAbi = null;
        for (ContractAbi abi : ordered(preferredAbi)) {
            AbiFunction f = abi.function(selector).orElse(null);
            if (f == null) {
                continue;
            }
            List<AbiValue> args = tryDecode(f, hex);
            if (args != null) {
                return new DecodedCall(DecodedCall.Source.SHIPPED_ABI, f, abi.name(), args, true, hex);
            }
            if (undecodable == null) {
                undecodable = f;
                undecodableAbi = abi.name();
            }
        }
        for (AbiFunction f : table.lookup(selector)) {
            List<AbiValue> args = tryDecode(f, hex);
            if (args != null) {
                return new DecodedCall(DecodedCall.Source.SIGNATURE_TABLE, f, null, args, true, hex);
            }
        }
        if (undecodable != null) {
            // The function is known but its arguments are not readable here (a tuple, or malformed data).
            return new DecodedCall(DecodedCall.Source.SHIPPED_ABI, undecodable, undecodableAbi, List.of(), false, hex);
        }
        return unknown(hex);
    }

    private List<ContractAbi> ordered(String preferredAbi) {
        List<ContractAbi> out = new ArrayList<>(abis);
        if (preferredAbi != null) {
            if (out.stream().noneMatch(a -> a.name().equals(preferredAbi))) {
                try {
                    out.add(extra.computeIfAbsent(preferredAbi, ContractAbi::shipped));
                } catch (IllegalStateException notShipped) {
                    return out; // a registry entry naming an ABI this build lacks: decode as if unnamed
                }
            }
            out.sort((a, b) -> Boolean.compare(!a.name().equals(preferredAbi), !b.name().equals(preferredAbi)));
        }
        return out;
    }

    private static List<AbiValue> tryDecode(AbiFunction f, String hex) {
        try {
            return Abi.decodeCall(f, hex);
        } catch (AbiException e) {
            return null;
        }
    }

    private static DecodedCall unknown(String hex) {
        return new DecodedCall(DecodedCall.Source.UNKNOWN, null, null, List.of(), false, hex);
    }
}
