package org.hearth.index;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hearth.chain.RpcClient;
import org.hearth.chain.RpcException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the node for a block's call traces with {@code debug_traceBlockByHash} and geth's
 * {@code callTracer}: one request per block gives every nested call with its value (anvil, geth,
 * reth, Erigon and Nethermind answer it). By hash, so the trace is of exactly the block the indexer
 * fetched even if the chain reorganises in between. A node that refuses is remembered and not asked
 * again, so indexing goes on without internal transfers.
 */
final class BlockTracer {

    private static final Logger LOG = LoggerFactory.getLogger(BlockTracer.class);

    static final String METHOD = "debug_traceBlockByHash";
    private static final Map<String, String> CALL_TRACER = Map.of("tracer", "callTracer");

    /**
     * Error codes meaning "this node does not offer the method": not found (geth with the debug
     * namespace off, most public RPCs), invalid request (plans without tracing), EIP-1474's "not supported".
     */
    private static final Set<Integer> REFUSALS = Set.of(-32601, -32600, -32004);

    /** Other failures in a row (errors, malformed or missing replies) after which tracing is given up for this node. */
    static final int MAX_FAILURES_IN_A_ROW = 3;

    private final RpcClient rpc;
    private volatile TraceAvailability availability = TraceAvailability.UNKNOWN;
    private int failuresInARow;

    BlockTracer(RpcClient rpc) {
        this.rpc = rpc;
    }

    TraceAvailability availability() {
        return availability;
    }

    /**
     * The block's internal value transfers, or empty when this node does not offer traces. A failure
     * that may pass is thrown, so the indexer tries the block again on its next step.
     */
    Optional<List<InternalTransfer>> valueTransfers(JsonNode block, long number) {
        if (availability == TraceAvailability.UNAVAILABLE) {
            return Optional.empty();
        }
        try {
            JsonNode traces = rpc.call(METHOD, block.path("hash").asText(), CALL_TRACER);
            List<InternalTransfer> transfers;
            try {
                transfers = CallTraces.valueTransfers(traces, block, number);
            } catch (IllegalArgumentException malformed) {
                throw new RpcException(rpc.displayEndpoint(), METHOD, "unusable trace of block " + number + ": "
                        + malformed.getMessage(), null, null, malformed);
            }
            failuresInARow = 0;
            availability = TraceAvailability.AVAILABLE;
            return Optional.of(transfers);
        } catch (RpcException e) {
            if (e.code() != null && REFUSALS.contains(e.code())) {
                giveUp(e.getMessage());
                return Optional.empty();
            }
            if (++failuresInARow >= MAX_FAILURES_IN_A_ROW) {
                giveUp(MAX_FAILURES_IN_A_ROW + " failures in a row, the last: " + e.getMessage());
                return Optional.empty();
            }
            throw e;
        }
    }

    private void giveUp(String why) {
        availability = TraceAvailability.UNAVAILABLE;
        LOG.warn("Internal transfers are not indexed on this node: {}", why);
    }
}
