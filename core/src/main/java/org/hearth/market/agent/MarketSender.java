package org.hearth.market.agent;

import java.math.BigInteger;
import java.time.Duration;
import java.util.Set;
import org.hearth.chain.review.CallDecoder;
import org.hearth.chain.review.TxReview;
import org.hearth.chain.review.TxReviewer;
import org.hearth.chain.session.ChainSession;
import org.hearth.chain.tx.FeeLevel;
import org.hearth.chain.tx.PreparedTx;
import org.hearth.chain.tx.TxRecord;
import org.hearth.chain.tx.TxSigner;
import org.hearth.chain.tx.TxStatus;
import org.hearth.problem.HearthException;

/**
 * The headless agent's own transactions through the session's one pipeline: prepare, review (the
 * {@link TxReviewer} decodes the call; the agent signs only the market functions and the token approval
 * it meant, to the contracts it meant), sign, send, and wait for the receipt. Nobody confirms by hand:
 * the user agreed to these calls by starting the provider.
 */
public final class MarketSender {

    private static final Duration RECEIPT_WAIT = Duration.ofMinutes(3);

    private final ChainSession session;
    private final TxSigner signer;
    private final TxReviewer reviewer;
    private final Set<String> targets;

    /** {@code targets}: the only contracts this sender calls (the market and its token). */
    public MarketSender(ChainSession session, TxSigner signer, Set<String> targets) {
        this.session = session;
        this.signer = signer;
        this.reviewer = new TxReviewer(session.rpc(), CallDecoder::shipped, session.contracts()::byAddress);
        this.targets = targets.stream().map(t -> t.toLowerCase(java.util.Locale.ROOT)).collect(java.util.stream.Collectors.toSet());
    }

    public String account() {
        return signer.address();
    }

    /**
     * Sends {@code data} to {@code to} and waits until it is mined. {@code function}: the name the review
     * must decode (e.g. {@code claim}). Fails with a {@link org.hearth.chain.tx.TxWouldRevertException} (from the
     * pipeline's gas estimate), {@code market.unexpectedCall} or {@code market.txFailed}.
     */
    public TxRecord send(String to, String data, String function) throws InterruptedException {
        if (!targets.contains(to.toLowerCase(java.util.Locale.ROOT))) {
            throw new HearthException("market.unexpectedCall", null, function, to);
        }
        PreparedTx tx = session.pipeline().prepare(signer.address(), to, BigInteger.ZERO, data, FeeLevel.NORMAL);
        TxReview review = reviewer.review(tx);
        if (!review.call().isKnown() || !review.call().function().name().equals(function)) {
            throw new HearthException("market.unexpectedCall", null, review.call().text(), to);
        }
        TxRecord sent = session.pipeline().send(tx, signer);
        long deadline = System.nanoTime() + RECEIPT_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            session.tracker().refresh(tx.chainId(), tx.from());
            TxRecord now = session.transactions().find(sent.hash()).orElse(sent);
            if (now.status() == TxStatus.CONFIRMED) {
                return now;
            }
            if (now.status().isFinal()) {
                throw new HearthException("market.txFailed", null, function, sent.hash(), now.status().name().toLowerCase(java.util.Locale.ROOT));
            }
            Thread.sleep(250);
        }
        throw new HearthException("market.txFailed", null, function, sent.hash(), "still pending");
    }
}
