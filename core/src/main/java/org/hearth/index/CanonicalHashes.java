package org.hearth.index;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import org.hearth.chain.Hex;
import org.hearth.chain.RpcClient;

/**
 * The node's current block hashes, asked once per number for one round of indexing, and the fork
 * point of a cursor whose remembered hashes no longer match them.
 */
final class CanonicalHashes {

    /** {@link #firstStale} when the cursor's blocks are all still canonical. */
    static final long NONE = -1;

    private final RpcClient rpc;
    private final Map<Long, String> known = new HashMap<>();

    CanonicalHashes(RpcClient rpc) {
        this.rpc = rpc;
    }

    /** The hash of block {@code number} on the node's chain now, or null when it has no such block. */
    String at(long number) {
        return known.computeIfAbsent(number, n -> {
            JsonNode block = rpc.call("eth_getBlockByNumber", Hex.quantity(n), false);
            return block == null || block.isNull() ? null : block.path("hash").asText(null);
        });
    }

    /**
     * The first block whose rows must go: one past the newest remembered block the node still
     * agrees with; {@code start} when none agrees (a reorganisation deeper than we remember);
     * {@link #NONE} when the newest remembered block is still canonical (or nothing is remembered).
     */
    long firstStale(NavigableMap<Long, String> remembered, long start) {
        boolean newest = true;
        for (Map.Entry<Long, String> e : remembered.descendingMap().entrySet()) {
            if (e.getValue().equalsIgnoreCase(String.valueOf(at(e.getKey())))) {
                return newest ? NONE : e.getKey() + 1;
            }
            newest = false;
        }
        return newest ? NONE : start;
    }
}
