package org.hearth.chain.review;

import java.util.Set;

/**
 * What the review knows of an account's past, for the first-send and look-alike (poisoning) checks.
 * Addresses in lower case.
 */
public interface Counterparties {

    /** No history: neither check runs. */
    Counterparties NONE = new Counterparties() {
        @Override
        public Set<String> sentTo(String account) {
            return Set.of();
        }

        @Override
        public Set<String> known(String account) {
            return Set.of();
        }

        @Override
        public boolean available() {
            return false;
        }
    };

    /** Addresses {@code account} has sent ether or tokens to (or saved as contacts). */
    Set<String> sentTo(String account);

    /** Every address in {@code account}'s history (sent to, received from) and its contacts. */
    Set<String> known(String account);

    /** False where there is no history to compare with (the first-send check would fire on everything). */
    default boolean available() {
        return true;
    }
}
