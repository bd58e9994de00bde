package org.hearth.index;

import java.util.List;
import java.util.Locale;
import org.hearth.chain.RpcException;

/**
 * How many blocks one {@code eth_getLogs} call asks for: halved when the node refuses a range as too
 * big (result limits, reply size caps, timeouts), doubled up to a maximum while replies stay small.
 */
final class RangeSizer {

    /**
     * What nodes and providers say when a range has too many results or too big a reply: geth and
     * reth "query returned more than 10000 results", Alchemy/Infura "Log response size exceeded" and
     * "block range", others "too many", "limit exceeded"; our own client's size cap and timeouts.
     */
    private static final List<String> TOO_LARGE = List.of("query returned more than", "too many", "response size",
            "size exceeded", "too large", "limit exceeded", "block range", "range is too", "larger than the", "no answer within", "timeout");

    private final int max;
    private final int growBelowLogs;
    /** Successful calls since the last refusal: growth waits for a few, so a span just refused is not asked again at once. */
    private int calmCalls = GROW_AFTER;
    private static final int GROW_AFTER = 4;
    private int span;

    RangeSizer(int initial, int max, int growBelowLogs) {
        this.span = Math.max(1, Math.min(initial, max));
        this.max = max;
        this.growBelowLogs = growBelowLogs;
    }

    int span() {
        return span;
    }

    /** After a refusal of {@code tried} blocks; false when a single block is already too much. */
    boolean shrink(long tried) {
        if (tried <= 1) {
            return false;
        }
        span = (int) Math.max(1, tried / 2);
        calmCalls = 0;
        return true;
    }

    /** After a reply of {@code logs} logs for a full span. */
    void answered(int logs) {
        if (++calmCalls >= GROW_AFTER && logs < growBelowLogs) {
            span = (int) Math.min(max, (long) span * 2);
        }
    }

    static boolean tooLarge(RpcException e) {
        String message = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
        return TOO_LARGE.stream().anyMatch(message::contains);
    }
}
