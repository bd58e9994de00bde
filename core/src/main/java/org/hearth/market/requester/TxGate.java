package org.hearth.market.requester;

import org.hearth.chain.review.TxReview;

/**
 * Sees the review of every transaction the requester is about to sign (decoded call, token amounts,
 * warnings) and says whether to sign it. The CLI prints the review and asks (or --yes); the demo
 * requester signs its own dev account's market calls.
 */
@FunctionalInterface
public interface TxGate {

    /** False declines: nothing is signed or sent. */
    boolean approve(TxReview review);

    static TxGate always() {
        return review -> true;
    }
}
