package org.hearth.index;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
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
    /** Set once a block failed while the node traced its head: later failing blocks are gaps at once. */
    private volatile boolean oldBlocksUntraceable;

    BlockTracer(RpcClient rpc) {
        this.rpc = rpc;
    }

    TraceAvailability availability() {
        return availability;
    }

    /** What tracing a block gave: its transfers, nothing (the node offers no traces), or a gap (this block cannot be traced). */
    record Outcome(List<InternalTransfer> transfers, boolean untraceable) {
        static final Outcome NO_TRACES = new Outcome(null, false);
        static final Outcome GAP = new Outcome(List.of(), true);
    }

    /**
     * The block's internal value transfers. A failure that may pass is thrown, so the indexer tries
     * the block again on its next step; after {@link #MAX_FAILURES_IN_A_ROW} the node's head block
     * is traced: if that works, this block alone is untraceable (anvil after a restart cannot trace
     * the blocks mined before it) and is a gap; if not, tracing is given up for the node.
     */
    Outcome trace(JsonNode block, long number) {
        if (availability == TraceAvailability.UNAVAILABLE) {
            return Outcome.NO_TRACES;
        }
        try {
            List<InternalTransfer> transfers = transfers(block, number);
            failuresInARow = 0;
            availability = TraceAvailability.AVAILABLE;
            return new Outcome(transfers, false);
        } catch (RpcException e) {
            if (e.isTransport()) {
                throw e; // the node is away, not the trace: the block waits for it
            }
            if (e.code() != null && REFUSALS.contains(e.code())) {
                giveUp(e.getMessage());
                return Outcome.NO_TRACES;
            }
            if (oldBlocksUntraceable || ++failuresInARow >= MAX_FAILURES_IN_A_ROW) {
                failuresInARow = 0;
                if (oldBlocksUntraceable || headTraces()) {
                    oldBlocksUntraceable = true;
                    LOG.info("No usable trace of block {} ({}); recorded as a gap in internal transfers", number, e.getMessage());
                    return Outcome.GAP;
                }
                giveUp(MAX_FAILURES_IN_A_ROW + " failures in a row, the last: " + e.getMessage());
                return Outcome.NO_TRACES;
            }
            throw e;
        }
    }

    private List<InternalTransfer> transfers(JsonNode block, long number) {
        JsonNode traces = rpc.call(METHOD, block.path("hash").asText(), CALL_TRACER);
        try {
            return CallTraces.valueTransfers(traces, block, number);
        } catch (IllegalArgumentException malformed) {
            throw new RpcException(rpc.displayEndpoint(), METHOD, "unusable trace of block " + number + ": "
                    + malformed.getMessage(), null, null, malformed);
        }
    }

    /** Whether the node traces its newest block with transactions among the last few (its tracing works, only older blocks fail). */
    private boolean headTraces() {
        try {
            long head = rpc.blockNumber();
            for (long n = head; n >= 0 && n > head - 16; n--) {
                JsonNode b = rpc.call("eth_getBlockByNumber", org.hearth.chain.Hex.quantity(n), true);
                if (b != null && !b.isNull() && !b.path("transactions").isEmpty()) {
                    transfers(b, n);
                    return true;
                }
            }
            return false;
        } catch (RpcException e) {
            if (e.isTransport()) {
                throw e;
            }
            return false;
        }
    }

    private void giveUp(String why) {
        availability = TraceAvailability.UNAVAILABLE;
        LOG.warn("Internal transfers are not indexed on this node: {}", why);
    }
}
