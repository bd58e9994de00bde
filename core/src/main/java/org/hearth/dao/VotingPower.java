package org.hearth.dao;

import java.math.BigInteger;
import org.hearth.chain.Addresses;

/**
 * An account's voting power on a governor's token: current votes, delegate (null when it never
 * delegated), token balance, and, for a proposal, the votes at its snapshot (null while the snapshot is still
 * ahead; {@code snapshot} counts in the governor's {@code clock}: a block number or a Unix time). {@link #reason()} is the
 * plain answer to "why is my voting power zero?" (null when it is not zero).
 */
public record VotingPower(String account, BigInteger votes, String delegate, BigInteger balance, BigInteger snapshot,
                          BigInteger votesAtSnapshot, Reason reason, Governor.Clock clock) {

    public enum Reason {
        /** The account holds tokens but never delegated them, not even to itself: tokens count only once delegated. */
        NOT_DELEGATED,
        /** The account delegated its tokens to another address, which votes with them. */
        DELEGATED_ELSEWHERE,
        /** No tokens and nothing delegated to the account. */
        NO_TOKENS,
        /** Votes now, none at the proposal's snapshot: the tokens or the delegation came after it. */
        AFTER_SNAPSHOT;

        /** As the CLI prints it: {@code not-delegated}. */
        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /** The answer from the readings; {@code atSnapshot} null when no proposal was asked about. */
    static Reason explain(String account, BigInteger votes, String delegate, BigInteger balance, BigInteger atSnapshot) {
        if (votes.signum() == 0) {
            if (delegate != null && !delegate.equalsIgnoreCase(account) && balance.signum() > 0) {
                return Reason.DELEGATED_ELSEWHERE;
            }
            if (delegate == null && balance.signum() > 0) {
                return Reason.NOT_DELEGATED;
            }
            return Reason.NO_TOKENS;
        }
        if (atSnapshot != null && atSnapshot.signum() == 0) {
            return Reason.AFTER_SNAPSHOT;
        }
        return null;
    }

    /** Whether the account has delegated to itself. */
    public boolean selfDelegated() {
        return delegate != null && Addresses.checksummed(delegate).equals(Addresses.checksummed(account));
    }
}
