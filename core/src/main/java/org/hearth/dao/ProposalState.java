package org.hearth.dao;

import java.util.Locale;

/** OpenZeppelin Governor's {@code ProposalState}, in its on-chain order. */
public enum ProposalState {
    PENDING, ACTIVE, CANCELED, DEFEATED, SUCCEEDED, QUEUED, EXPIRED, EXECUTED;

    public static ProposalState of(int ordinal) {
        if (ordinal < 0 || ordinal >= values().length) {
            throw new IllegalArgumentException("Unknown proposal state " + ordinal);
        }
        return values()[ordinal];
    }

    /** As the CLI prints it: {@code active}. */
    public String lower() {
        return name().toLowerCase(Locale.ROOT);
    }
}
