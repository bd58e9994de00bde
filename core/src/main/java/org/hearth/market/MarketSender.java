package org.hearth.market;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.hearth.chain.review.CallDecoder;
import org.hearth.chain.review.TxReview;
import org.hearth.chain.review.TxReviewer;
import org.hearth.chain.session.ChainSession;
import org.hearth.chain.tx.FeeLevel;
import org.hearth.chain.tx.PreparedTx;
import org.hearth.chain.tx.TxRecord;
import org.hearth.chain.tx.TxSigner;
import org.hearth.chain.tx.TxStatus;
import org.hearth.market.requester.TxGate;
import org.hearth.problem.HearthException;

/**
 * The market's transactions, the provider agent's and the requester's, through the session's one
 * pipeline: prepare (nonce, gas with headroom, fees), review ({@link TxReviewer} decodes the call), the
 * check that fits the signer, sign, send, and wait until it is mined; a reverted, dropped or unmined
 * transaction is an error, since the next step depends on this one.
 *
 * <p>The headless agent ({@link #MarketSender(ChainSession, TxSigner, Set)}) signs only the market
 * functions and the token approval it meant, to the contracts it meant; nobody confirms by hand, the
 * user agreed to these calls by starting the provider. The requester
 * ({@link #gated(ChainSession, TxSigner, TxGate, Duration)}) shows every review to its gate (the CLI
 * prints it and asks) and reviews with the account's counterparties, so first-send warnings show.
 */
public final class MarketSender {

    private static final Duration AGENT_RECEIPT_WAIT = Duration.ofMinutes(3);
    private static final long POLL_MILLIS = 100;
    /** Between receipt polls, how often the pipeline's record is refreshed to notice a dropped or replaced transaction. */
    private static final int REFRESH_EVERY_POLLS = 10;
    /**
     * Headroom over the estimate: a provider withdrawing its credits between our estimate and our
     * inclusion empties the slot that accept then writes again (20,000 gas instead of 2,900), which
     * ran an accept out of gas in testing. Only the gas used is paid.
     */
    private static final BigInteger STORAGE_RACE_GAS = BigInteger.valueOf(25_000);

    private final ChainSession session;
    private final TxSigner signer;
    private final TxReviewer reviewer;
    private final Set<String> targets;
    private final TxGate gate;
    private final Duration receiptTimeout;

    /** The agent's sender. {@code targets}: the only contracts it calls (the market and its token). */
    public MarketSender(ChainSession session, TxSigner signer, Set<String> targets) {
        this(session, signer, new TxReviewer(session.rpc(), CallDecoder::shipped, session.contracts()::byAddress),
                targets.stream().map(t -> t.toLowerCase(Locale.ROOT)).collect(Collectors.toSet()), null, AGENT_RECEIPT_WAIT);
    }

    /** The requester's sender: {@code gate} sees each review and may decline (nothing is then signed). */
    public static MarketSender gated(ChainSession session, TxSigner signer, TxGate gate, Duration receiptTimeout) {
        return new MarketSender(session, signer, org.hearth.history.AccountCounterparties.reviewer(session), null, gate, receiptTimeout);
    }

    private MarketSender(ChainSession session, TxSigner signer, TxReviewer reviewer, Set<String> targets, TxGate gate, Duration receiptTimeout) {
        this.session = session;
        this.signer = signer;
        this.reviewer = reviewer;
        this.targets = targets;
        this.gate = gate;
        this.receiptTimeout = receiptTimeout;
    }

    public String account() {
        return signer.address();
    }

    /** Sends a call whatever function the review decodes: for the requester, whose gate sees the review. */
    public JsonNode send(String to, String data) throws InterruptedException {
        if (gate == null) {
            throw new IllegalStateException("the agent's sender names the function it means");
        }
        return send(to, data, null);
    }

    /**
     * Sends {@code data} to {@code to}, the review having decoded it as {@code function} (e.g. {@code
     * claim}), and returns the mined receipt. Fails with a {@link org.hearth.chain.tx.TxWouldRevertException}
     * (the pipeline's gas estimate), {@code market.unexpectedCall}, {@code requester.declined} or
     * {@code market.txFailed}.
     */
    public JsonNode send(String to, String data, String function) throws InterruptedException {
        String what = function != null ? function : "call";
        if (targets != null && !targets.contains(to.toLowerCase(Locale.ROOT))) {
            throw new HearthException("market.unexpectedCall", null, what, to);
        }
        PreparedTx estimated = session.pipeline().prepare(signer.address(), to, BigInteger.ZERO, data, FeeLevel.NORMAL);
        PreparedTx tx = new PreparedTx(estimated.chainId(), estimated.from(), estimated.nonce(), estimated.to(), estimated.value(),
                estimated.data(), estimated.gasLimit().add(STORAGE_RACE_GAS), estimated.fees());
        TxReview review = reviewer.review(tx);
        if (function != null && (!review.call().isKnown() || !review.call().function().name().equals(function))) {
            throw new HearthException("market.unexpectedCall", null, review.call().text(), to);
        }
        if (gate != null && !gate.approve(review)) {
            throw new HearthException("requester.declined", null, review.call().text());
        }
        TxRecord sent = session.pipeline().send(tx, signer);
        long deadline = System.nanoTime() + receiptTimeout.toNanos();
        for (int poll = 1; System.nanoTime() < deadline; poll++) {
            JsonNode receipt = session.rpc().call("eth_getTransactionReceipt", sent.hash());
            if (receipt != null && !receipt.isNull() && receipt.hasNonNull("blockNumber")) {
                session.tracker().refresh(tx.chainId(), tx.from());
                if (!"0x1".equals(receipt.path("status").asText())) {
                    throw new HearthException("market.txFailed", null, what, sent.hash(), "reverted");
                }
                return receipt;
            }
            if (poll % REFRESH_EVERY_POLLS == 0) {
                session.tracker().refresh(tx.chainId(), tx.from());
                TxStatus now = session.transactions().find(sent.hash()).map(TxRecord::status).orElse(TxStatus.PENDING);
                if (now.isFinal() && now != TxStatus.CONFIRMED) {
                    throw new HearthException("market.txFailed", null, what, sent.hash(), now.name().toLowerCase(Locale.ROOT));
                }
            }
            Thread.sleep(POLL_MILLIS);
        }
        throw new HearthException("market.txFailed", null, what, sent.hash(), "still pending after " + receiptTimeout.toSeconds() + " s");
    }
}
