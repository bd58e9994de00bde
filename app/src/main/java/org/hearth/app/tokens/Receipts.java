package org.hearth.app.tokens;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.hearth.chain.session.ChainSession;

/** Waiting (off the FX thread) for a sent transaction to be mined, so what it changed can be read again. */
final class Receipts {

    private static final Duration PATIENCE = Duration.ofMinutes(2);

    private Receipts() {
    }

    /** Returns once {@code hash} has a receipt, or after two minutes (it may still be mined later). */
    static void await(ChainSession session, String hash) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode receipt = session.rpc().call("eth_getTransactionReceipt", hash);
            if (receipt != null && !receipt.isNull()) {
                return;
            }
            Thread.sleep(300);
        }
    }
}
