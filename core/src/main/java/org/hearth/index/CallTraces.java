package org.hearth.index;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hearth.chain.Hex;

/**
 * Reads the ether moved inside transactions out of a block's call traces in the shape of geth's
 * {@code callTracer} (one {@code {txHash, result}} per transaction, each a tree of frames with
 * {@code type, from, to, value, error, calls}). The reply is untrusted: anything that does not fit
 * the block it claims to trace is rejected with {@link IllegalArgumentException}.
 */
final class CallTraces {

    private CallTraces() {
    }

    /**
     * Every value-carrying CALL and SELFDESTRUCT frame below a transaction's top call that took
     * effect. A frame with an error was reverted together with everything beneath it (a reverted
     * transaction's top frame carries the error too), so such subtrees are skipped. DELEGATECALL,
     * STATICCALL and CALLCODE never move ether to their {@code to}; CREATE frames pay new contracts.
     * The top call is the transaction itself, which {@link IncomingTransfers} already sees.
     */
    static List<InternalTransfer> valueTransfers(JsonNode traces, JsonNode block, long blockNumber) {
        JsonNode txs = block.path("transactions");
        if (!traces.isArray() || traces.size() != txs.size()) {
            throw new IllegalArgumentException("the trace has " + (traces.isArray() ? traces.size() + " entries" : "no list")
                    + " for a block of " + txs.size() + " transactions");
        }
        List<InternalTransfer> out = new ArrayList<>();
        for (int i = 0; i < traces.size(); i++) {
            JsonNode entry = traces.get(i);
            String txHash = txs.get(i).path("hash").asText().toLowerCase(Locale.ROOT);
            String claimed = entry.path("txHash").asText(txHash).toLowerCase(Locale.ROOT); // older geth leaves txHash out
            if (!claimed.equals(txHash)) {
                throw new IllegalArgumentException("trace entry " + i + " is for another transaction than the block's");
            }
            JsonNode top = entry.get("result");
            if (top == null || !top.isObject()) {
                throw new IllegalArgumentException("no call frame for transaction " + txHash
                        + (entry.hasNonNull("error") ? " (" + abbreviate(entry.get("error").asText()) + ")" : ""));
            }
            walk(top, new Position(), 0, false, txHash, blockNumber, out);
        }
        return out;
    }

    /** Depth-first frame counter: the top call is 0, its first sub-call 1, and so on. */
    private static final class Position {
        int next;
    }

    /** {@code reverted}: an enclosing frame failed, so nothing beneath it took effect (positions are still counted). */
    private static void walk(JsonNode frame, Position position, int depth, boolean reverted, String txHash, long blockNumber,
                             List<InternalTransfer> out) {
        if (depth > 1024) { // the EVM's own call depth limit; anything deeper is not a real trace
            throw new IllegalArgumentException("call tree deeper than the EVM allows");
        }
        int here = position.next++;
        boolean failed = reverted || frame.hasNonNull("error");
        String type = frame.path("type").asText("").toUpperCase(Locale.ROOT);
        if (!failed && here > 0 && (type.equals("CALL") || type.equals("SELFDESTRUCT"))) {
            BigInteger value = Hex.quantity(frame.path("value").asText("0x0"),
                    () -> new IllegalArgumentException("malformed value in a frame of " + txHash));
            if (value.signum() > 0) {
                out.add(new InternalTransfer(txHash, blockNumber, here, address(frame, "from", txHash), address(frame, "to", txHash), value));
            }
        }
        for (JsonNode child : frame.path("calls")) {
            walk(child, position, depth + 1, failed, txHash, blockNumber, out);
        }
    }

    private static String address(JsonNode frame, String field, String txHash) {
        String a = frame.path(field).asText("").toLowerCase(Locale.ROOT);
        if (!a.matches("0x[0-9a-f]{40}")) {
            throw new IllegalArgumentException("malformed '" + field + "' address in a frame of " + txHash);
        }
        return a;
    }

    private static String abbreviate(String s) {
        return s.length() <= 120 ? s : s.substring(0, 120) + "…";
    }
}
