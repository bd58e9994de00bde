package org.hearth.history;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.hearth.chain.tx.TxKind;
import org.hearth.chain.tx.TxRecord;
import org.hearth.chain.tx.TxStatus;
import org.hearth.index.IncomingTransfer;
import org.hearth.index.IncomingTransfers;
import org.hearth.index.InternalTransfer;
import org.hearth.index.InternalTransfers;
import org.hearth.index.OutgoingTransaction;
import org.hearth.index.OutgoingTransactions;
import org.hearth.index.TraceAvailability;
import org.hearth.store.TxRepository;

/**
 * An account's history: its own sends (through this app, or seen on chain when signed elsewhere),
 * incoming ether, and ether contracts paid it (internal transfers, when the node offers traces). Pending first, then newest block first; transactions
 * that were replaced (never mined) last. Summing {@link HistoryItem#balanceChange} over it explains
 * the balance, as far as the indexed blocks and this app's own sends go.
 */
public final class AccountHistory {

    private final TxRepository sent;
    private final IncomingTransfers received;
    private final InternalTransfers paidByContracts;
    private final OutgoingTransactions sentOnChain;

    public AccountHistory(TxRepository sent, IncomingTransfers received, InternalTransfers paidByContracts,
                          OutgoingTransactions sentOnChain) {
        this.sent = sent;
        this.sentOnChain = sentOnChain;
        this.received = received;
        this.paidByContracts = paidByContracts;
    }

    public List<HistoryItem> of(long chainId, String address) {
        List<HistoryItem> items = new ArrayList<>();
        Set<String> ownHashes = new HashSet<>();
        for (TxRecord tx : sent.history(chainId, address)) {
            ownHashes.add(tx.hash().toLowerCase(Locale.ROOT));
            items.add(new HistoryItem(HistoryItem.Direction.SENT, tx.hash(), tx.recipient(), tx.value(), tx.status(), tx.kind(),
                    tx.blockNumber(), tx.feePaid(), tx.nonce()));
        }
        for (OutgoingTransaction tx : sentOnChain.from(chainId, address)) {
            if (!ownHashes.contains(tx.txHash())) { // signed elsewhere with the same key
                items.add(new HistoryItem(HistoryItem.Direction.SENT, tx.txHash(), tx.recipient(), tx.value(),
                        tx.succeeded() ? TxStatus.CONFIRMED : TxStatus.FAILED, TxKind.SEND, tx.blockNumber(), tx.fee(), tx.nonce()));
            }
        }
        for (IncomingTransfer in : received.to(chainId, address)) {
            if (!in.sender().equalsIgnoreCase(address)) { // a send to oneself is already listed as sent
                items.add(new HistoryItem(HistoryItem.Direction.RECEIVED, in.txHash(), in.sender(), in.value(), TxStatus.CONFIRMED,
                        TxKind.SEND, in.blockNumber(), null, null));
            }
        }
        for (InternalTransfer in : paidByContracts.to(chainId, address)) {
            items.add(new HistoryItem(HistoryItem.Direction.RECEIVED_FROM_CONTRACT, in.txHash(), in.sender(), in.value(),
                    TxStatus.CONFIRMED, TxKind.SEND, in.blockNumber(), null, null));
        }
        items.sort(Comparator.comparingLong(AccountHistory::sortKey).reversed());
        return items;
    }

    /** False when the node offers no call traces, so ether paid by contracts is missing from history. */
    public boolean showsInternalTransfers() {
        return paidByContracts.tracing() != TraceAvailability.UNAVAILABLE;
    }

    /** Blocks whose traces the node could not give: ether contracts paid in them may be missing. */
    public List<org.hearth.index.BlockRange> traceGaps(long chainId) {
        return paidByContracts.gaps(chainId);
    }

    private static long sortKey(HistoryItem item) {
        if (item.status() == TxStatus.PENDING) {
            return Long.MAX_VALUE;
        }
        return item.block() == null ? -1 : item.block();
    }
}
