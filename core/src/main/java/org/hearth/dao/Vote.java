package org.hearth.dao;

import java.math.BigInteger;
import java.util.Locale;

/** A vote cast on a proposal, from {@code VoteCast} or {@code VoteCastWithParams}; {@code params} is null for the former. */
public record Vote(String voter, Support support, BigInteger weight, String reason, String params, long blockNumber, String txHash) {

    /** GovernorCountingSimple's support values. Other counting modules may use others: {@link #OTHER}. */
    public enum Support {
        AGAINST, FOR, ABSTAIN, OTHER;

        public static Support of(int value) {
            return value >= 0 && value < 3 ? values()[value] : OTHER;
        }

        /** {@code for|against|abstain} as typed on the command line. */
        public static Support parse(String text) {
            return switch (text.strip().toLowerCase(Locale.ROOT)) {
                case "for" -> FOR;
                case "against" -> AGAINST;
                case "abstain" -> ABSTAIN;
                default -> throw new IllegalArgumentException("Support is for, against or abstain, not " + text);
            };
        }

        public String lower() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
