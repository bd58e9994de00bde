package org.hearth.market;

import java.util.Map;

/**
 * One stored market event: its name (e.g. {@code JobClaimed}), the job it concerns (null for provider
 * and parameter events), its indexed address (lower case, or null) and every argument by name as text.
 */
public record JobEvent(String name, Long jobId, String account, Map<String, String> fields, long blockNumber, String txHash, int logIndex) {

    public JobEvent {
        fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
    }

    public String field(String argument) {
        return fields.get(argument);
    }
}
