package org.hearth.market.requester;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.time.Duration;
import org.hearth.chain.review.TxReview;
import org.hearth.chain.review.TxReviewer;
import org.hearth.chain.session.ChainSession;
import org.hearth.chain.tx.FeeLevel;
import org.hearth.chain.tx.PreparedTx;
import org.hearth.chain.tx.TxRecord;
import org.hearth.chain.tx.TxSigner;
import org.hearth.problem.HearthException;

/**
 * One requester transaction through the session's one pipeline: prepare (nonce, gas, fees), review
 * ({@link TxReviewer}), the gate, sign, send, and wait until it is mined. A reverted or unmined
 * transaction is an error: the requester's next step depends on this one.
 */
final class MarketTx {

    private static final long POLL_MILLIS = 100;
    /**
     * Headroom over the estimate: a provider withdrawing its credits between our estimate and our
     * inclusion empties the slot that accept then writes again (20,000 gas instead of 2,900), which
     * ran an accept out of gas in testing.
     */
    private static final BigInteger STORAGE_RACE_GAS = BigInteger.valueOf(25_000);

    private final ChainSession session;
    private final TxSigner signer;
    private final TxGate gate;
    private final Duration receiptTimeout;

    MarketTx(ChainSession session, TxSigner signer, TxGate gate, Duration receiptTimeout) {
        this.session = session;
        this.signer = signer;
        this.gate = gate;
        this.receiptTimeout = receiptTimeout;
    }

    String from() {
        return signer.address();
    }

    /** Sends {@code data} to {@code to} and returns the mined receipt. */
    JsonNode send(String to, String data) throws InterruptedException {
        PreparedTx estimated = session.pipeline().prepare(signer.address(), to, BigInteger.ZERO, data, FeeLevel.NORMAL);
        PreparedTx tx = new PreparedTx(estimated.chainId(), estimated.from(), estimated.nonce(), estimated.to(), estimated.value(),
                estimated.data(), estimated.gasLimit().add(STORAGE_RACE_GAS), estimated.fees());
        TxReview review = org.hearth.history.AccountCounterparties.reviewer(session).review(tx);
        if (!gate.approve(review)) {
            throw new HearthException("requester.declined", null, review.call().text());
        }
        TxRecord sent = session.pipeline().send(tx, signer);
        long deadline = System.nanoTime() + receiptTimeout.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode receipt = session.rpc().call("eth_getTransactionReceipt", sent.hash());
            if (receipt != null && !receipt.isNull() && receipt.hasNonNull("blockNumber")) {
                session.tracker().refresh(tx.chainId(), tx.from());
                if (!"0x1".equals(receipt.path("status").asText())) {
                    throw new HearthException("requester.reverted", null, sent.hash(), review.call().text());
                }
                return receipt;
            }
            Thread.sleep(POLL_MILLIS);
        }
        throw new HearthException("requester.noReceipt", null, sent.hash(), receiptTimeout.toSeconds());
    }
}
