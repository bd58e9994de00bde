package org.hearth.index;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hearth.chain.Hex;

/** One log from {@code eth_getLogs}, as untrusted input: fields checked, hex lower-cased. */
public record ChainLog(String address, List<String> topics, String data, long blockNumber, String blockHash,
                       String txHash, int logIndex) {

    static ChainLog parse(JsonNode log) {
        List<String> topics = new ArrayList<>(4);
        for (JsonNode t : log.path("topics")) {
            topics.add(word(t.asText()));
        }
        if (topics.size() > 4) {
            throw malformed("more than four topics");
        }
        return new ChainLog(text(log, "address").toLowerCase(Locale.ROOT), List.copyOf(topics), text(log, "data").toLowerCase(Locale.ROOT),
                Hex.quantity(text(log, "blockNumber"), () -> malformed("blockNumber")).longValueExact(),
                word(text(log, "blockHash")), word(text(log, "transactionHash")),
                Hex.quantity(text(log, "logIndex"), () -> malformed("logIndex")).intValueExact());
    }

    /** Whether the node flagged this log as removed by a reorganisation (only filters' change lists do). */
    static boolean removed(JsonNode log) {
        return log.path("removed").asBoolean(false);
    }

    private static String text(JsonNode log, String field) {
        JsonNode v = log.get(field);
        if (v == null || !v.isTextual()) {
            throw malformed(field + " missing");
        }
        return v.asText();
    }

    private static String word(String hex) {
        if (hex.length() != 66 || !hex.startsWith("0x")) {
            throw malformed("not a 32-byte word");
        }
        return hex.toLowerCase(Locale.ROOT);
    }

    private static IllegalArgumentException malformed(String what) {
        return new IllegalArgumentException("malformed log from the node: " + what);
    }
}
