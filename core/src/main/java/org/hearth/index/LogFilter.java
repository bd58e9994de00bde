package org.hearth.index;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hearth.chain.Hex;

/**
 * An {@code eth_getLogs} filter without its block range: contract addresses (empty: any) and topic
 * positions, each null (any) or a list of alternatives. E.g. ERC-20 Transfer to a set of accounts:
 * {@code topics = [[Transfer], null, [account words...]]}.
 */
public record LogFilter(List<String> addresses, List<List<String>> topics) {

    public LogFilter {
        addresses = List.copyOf(addresses);
        topics = Collections.unmodifiableList(new ArrayList<>(topics)); // nulls are meaningful here (any value at that position)
    }

    /** The JSON-RPC parameter for blocks {@code from}..{@code to}. */
    Map<String, Object> forRange(long from, long to) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("fromBlock", Hex.quantity(from));
        p.put("toBlock", Hex.quantity(to));
        if (!addresses.isEmpty()) {
            p.put("address", addresses);
        }
        p.put("topics", topics);
        return p;
    }

    /** A 20-byte address as a 32-byte topic word (lower case). */
    public static String addressTopic(String address) {
        String bare = address.toLowerCase(java.util.Locale.ROOT).replaceFirst("^0x", "");
        return "0x" + "0".repeat(64 - bare.length()) + bare;
    }
}
