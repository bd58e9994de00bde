package org.hearth.app.wallet;

import java.math.BigInteger;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.hearth.app.desktop.UiThread;
import org.hearth.chain.RpcClient;
import org.hearth.chain.tx.TxPipeline;
import org.hearth.chain.tx.TxSigner;
import org.hearth.chain.tx.TxTracker;
import org.hearth.history.AccountHistory;
import org.hearth.history.HistoryItem;
import org.hearth.index.BlockRange;

/**
 * One account on screen: balance and history, refreshed on demand (the wallet screen calls
 * {@link #refresh()} on each new block and each indexing progress); the history is read from what
 * the session's background indexing stored, never stepped from here. Speed-up and cancel of its
 * pending sends.
 */
public final class AccountModel {

    public final ObjectProperty<BigInteger> balance = new SimpleObjectProperty<>();
    public final ObservableList<HistoryItem> history = FXCollections.observableArrayList();
    public final StringProperty error = new SimpleStringProperty("");
    /** True when the node offers no call traces, so ether paid by contracts is missing from the history. */
    public final BooleanProperty internalTransfersHidden = new SimpleBooleanProperty(false);
    /** Blocks whose call traces the node could not give: ether contracts paid in them may be missing. */
    public final ObservableList<BlockRange> traceGaps = FXCollections.observableArrayList();

    private final String address;
    private final RpcClient rpc;
    private final TxPipeline pipeline;
    private final TxTracker tracker;
    private final AccountHistory accountHistory;
    private final Supplier<TxSigner> signer;
    private volatile boolean refreshing;

    public AccountModel(String address, RpcClient rpc, TxPipeline pipeline, TxTracker tracker,
                        AccountHistory accountHistory, Supplier<TxSigner> signer) {
        this.address = address;
        this.rpc = rpc;
        this.pipeline = pipeline;
        this.tracker = tracker;
        this.accountHistory = accountHistory;
        this.signer = signer;
    }

    public String address() {
        return address;
    }

    public void refresh() {
        refresh(false);
    }

    /** {@code redraw}: set the list even when unchanged, so rows whose buttons were clicked are drawn afresh. */
    private void refresh(boolean redraw) {
        if (refreshing) {
            return;
        }
        refreshing = true;
        UiThread.background(() -> {
            tracker.refresh(pipeline.chainId(), address);
            BigInteger wei = rpc.callQuantity("eth_getBalance", address, "latest");
            return new Snapshot(wei, accountHistory.of(pipeline.chainId(), address), !accountHistory.showsInternalTransfers(),
                    accountHistory.traceGaps(pipeline.chainId()));
        }, snapshot -> {
            refreshing = false;
            balance.set(snapshot.balance());
            internalTransfersHidden.set(snapshot.internalTransfersHidden());
            if (!snapshot.traceGaps().equals(traceGaps)) {
                traceGaps.setAll(snapshot.traceGaps());
            }
            if (redraw || !snapshot.items().equals(history)) {
                history.setAll(snapshot.items());
            }
        }, failure -> {
            refreshing = false;
            error.set(org.hearth.app.desktop.Messages.describe(failure));
        });
    }

    public void speedUp(HistoryItem item) {
        replace(() -> pipeline.speedUp(item.hash(), signer.get(), null));
    }

    public void cancel(HistoryItem item) {
        replace(() -> pipeline.cancel(item.hash(), signer.get(), null));
    }

    private void replace(java.util.concurrent.Callable<?> action) {
        error.set("");
        UiThread.background(action, ignored -> refresh(), failure -> {
            error.set(org.hearth.app.desktop.Messages.describe(failure));
            refresh(true);
        });
    }

    private record Snapshot(BigInteger balance, List<HistoryItem> items, boolean internalTransfersHidden, List<BlockRange> traceGaps) {
    }
}
