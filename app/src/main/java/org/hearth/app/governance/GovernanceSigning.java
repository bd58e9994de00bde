package org.hearth.app.governance;

import java.math.BigInteger;
import java.time.Duration;
import java.util.function.Function;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import org.hearth.app.desktop.Messages;
import org.hearth.app.desktop.UiThread;
import org.hearth.chain.review.TxReview;
import org.hearth.chain.session.ChainSession;
import org.hearth.chain.tx.FeeLevel;
import org.hearth.chain.tx.PreparedTx;
import org.hearth.chain.tx.TxRecord;
import org.hearth.chain.tx.TxSigner;
import org.hearth.chain.tx.TxStatus;
import org.hearth.dao.VotingPower;

/**
 * A governance transaction (vote, delegate, queue, execute, cancel) from preparation to receipt:
 * {@link #prepare} builds the exact transaction and its review (the decoded call, warnings) for the
 * one review screen; nothing is signed until {@link #confirm}; then the pipeline sends it and this
 * follows it to its receipt, and {@code onDone} runs (the screen reloads what changed).
 */
final class GovernanceSigning {

    /** What the review screen shows: the transaction's review and, for a vote, the power it counts with. */
    record Pending(TxReview review, VotingPower power) {
    }

    final SimpleObjectProperty<Pending> prepared = new SimpleObjectProperty<>();
    final SimpleBooleanProperty busy = new SimpleBooleanProperty(false);
    final SimpleStringProperty error = new SimpleStringProperty("");
    /** The last sent transaction's outcome: null while none, else its status once known (PENDING until then). */
    final SimpleObjectProperty<TxStatus> outcome = new SimpleObjectProperty<>();
    final SimpleStringProperty sentHash = new SimpleStringProperty("");

    private final Function<String, TxSigner> signers;
    private ChainSession session;

    GovernanceSigning(Function<String, TxSigner> signers) {
        this.signers = signers;
    }

    /** Prepares {@code data} to {@code to} from {@code from}; {@code power} (may be null) is shown above the review. */
    void prepare(ChainSession on, String from, String to, String data, VotingPower power) {
        error.set("");
        busy.set(true);
        UiThread.background(() -> {
            PreparedTx tx = on.pipeline().prepare(from, to, BigInteger.ZERO, data, FeeLevel.NORMAL);
            TxReview review = org.hearth.history.AccountCounterparties.reviewer(on).review(tx);
            return new Pending(review, power);
        }, pending -> {
            busy.set(false);
            session = on;
            prepared.set(pending);
        }, this::fail);
    }

    void back() {
        prepared.set(null);
        error.set("");
    }

    /** Signs and sends the transaction under review, then waits for its receipt (two minutes at most) and runs {@code onDone}. */
    void confirm(Runnable onDone) {
        Pending pending = prepared.get();
        ChainSession on = session;
        if (pending == null || on == null) {
            return;
        }
        PreparedTx tx = pending.review().tx();
        busy.set(true);
        UiThread.background(() -> on.pipeline().send(tx, signers.apply(tx.from())), record -> {
            prepared.set(null);
            sentHash.set(record.hash());
            outcome.set(TxStatus.PENDING);
            UiThread.background(() -> receipt(on, record), status -> {
                busy.set(false);
                outcome.set(status);
                onDone.run();
            }, this::fail);
        }, this::fail);
    }

    private static TxStatus receipt(ChainSession on, TxRecord sent) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            on.tracker().refresh(sent.chainId(), sent.sender());
            TxStatus status = on.transactions().find(sent.hash()).map(TxRecord::status).orElse(TxStatus.PENDING);
            if (status != TxStatus.PENDING) {
                return status;
            }
            Thread.sleep(300);
        }
        return TxStatus.PENDING;
    }

    private void fail(Throwable t) {
        busy.set(false);
        error.set(Messages.describe(t));
    }
}
