package org.hearth.dao;

import java.math.BigInteger;

/**
 * A stored proposal with what the governor says now: its state, the tally, the quorum (at the
 * snapshot once it has passed; the current quorum before) and the timelock ETA (null when not queued).
 */
public record Proposal(StoredProposal stored, ProposalState state, BigInteger forVotes, BigInteger againstVotes,
                       BigInteger abstainVotes, BigInteger quorum, BigInteger eta) {

    public BigInteger id() {
        return stored.id();
    }

    public String title() {
        return stored.title();
    }
}
