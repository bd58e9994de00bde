package org.hearth.dao;

import java.math.BigInteger;
import java.util.List;

/**
 * A proposal as its {@code ProposalCreated} log told it: addresses lower case, values in wei,
 * calldatas as {@code 0x} hex, {@code voteStart} (the snapshot) and {@code voteEnd} in the governor's clock.
 */
public record StoredProposal(String governor, BigInteger id, String proposer, List<String> targets, List<BigInteger> values,
                             List<String> calldatas, String description, BigInteger voteStart, BigInteger voteEnd, long blockNumber,
                             String txHash) {

    public StoredProposal {
        targets = List.copyOf(targets);
        values = List.copyOf(values);
        calldatas = List.copyOf(calldatas);
    }

    /** The first non-blank line of the description, without Markdown heading marks, at most 200 characters. */
    public String title() {
        for (String line : description.split("\\R", 50)) {
            String t = line.replaceFirst("^\\s*#+\\s*", "").replaceAll("\\p{C}", "").strip();
            if (!t.isEmpty()) {
                return t.length() > 200 ? t.substring(0, 200) + "…" : t;
            }
        }
        return "";
    }
}
