package org.hearth.app.compute;

import java.math.BigInteger;
import java.util.List;
import java.util.ResourceBundle;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import org.hearth.app.control.AddressNames;
import org.hearth.app.desktop.UiThread;
import org.hearth.app.review.ReviewPane;
import org.hearth.app.shell.Navigator;
import org.hearth.app.shell.Page;
import org.hearth.app.shell.Screen;
import org.hearth.chain.review.TxReview;
import org.hearth.chain.session.ChainSession;
import org.hearth.chain.tx.FeeLevel;
import org.hearth.chain.tx.PreparedTx;
import org.hearth.chain.tx.TxRecord;
import org.hearth.chain.tx.TxSigner;
import org.hearth.chain.tx.TxStatus;
import org.hearth.market.share.MarketCall;
import org.hearth.problem.HearthException;

/**
 * Market transactions the user signs (join, withdraw, unstake), one after another, each through the one
 * {@link ReviewPane} pushed on the screen's navigator: prepared and decoded off the FX thread, sent only
 * on confirm, and waited for until mined before the next is reviewed. Back cancels what is left.
 */
final class MarketTxFlow {

    private static final long RECEIPT_WAIT_NANOS = 180_000_000_000L;

    private final ResourceBundle text;
    private final Navigator<Screen> navigator;
    private final BooleanProperty busy = new SimpleBooleanProperty(false);

    MarketTxFlow(ResourceBundle text, Navigator<Screen> navigator) {
        this.text = text;
        this.navigator = navigator;
    }

    /** Reviews and sends {@code calls} from {@code from}; {@code done} gets true once all are mined, false when backed out or failed. */
    void run(ChainSession session, String from, Supplier<TxSigner> signer, List<MarketCall> calls, Consumer<Boolean> done,
             Consumer<Throwable> failed) {
        if (calls.isEmpty()) {
            done.accept(true);
            return;
        }
        MarketCall call = calls.getFirst();
        UiThread.background(() -> {
            PreparedTx tx = session.pipeline().prepare(from, call.to(), BigInteger.ZERO, call.data(), FeeLevel.NORMAL);
            return org.hearth.history.AccountCounterparties.reviewer(session).review(tx);
        }, review -> show(session, from, signer, calls, review, done, failed), failed);
    }

    private void show(ChainSession session, String from, Supplier<TxSigner> signer, List<MarketCall> calls, TxReview review,
                      Consumer<Boolean> done, Consumer<Throwable> failed) {
        Runnable confirm = () -> {
            busy.set(true);
            UiThread.background(() -> sendAndWait(session, review.tx(), signer.get(), calls.getFirst().function()), mined -> {
                busy.set(false);
                navigator.back();
                run(session, from, signer, calls.subList(1, calls.size()), done, failed);
            }, e -> {
                busy.set(false);
                navigator.back();
                failed.accept(e);
            });
        };
        Runnable back = () -> {
            navigator.back();
            done.accept(false);
        };
        navigator.push(Page.of(new ReviewPane(text, review, AddressNames.NONE, busy, confirm, back)));
    }

    private static TxRecord sendAndWait(ChainSession session, PreparedTx tx, TxSigner signer, String function) throws InterruptedException {
        TxRecord sent = session.pipeline().send(tx, signer);
        long deadline = System.nanoTime() + RECEIPT_WAIT_NANOS;
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
