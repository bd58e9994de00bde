package org.hearth.history;

import org.hearth.chain.RpcClient;
import org.hearth.index.BlockIndexer;
import org.hearth.index.IncomingTransfers;
import org.hearth.index.InternalTransfers;
import org.hearth.index.OutgoingTransactions;
import org.hearth.store.Database;
import org.hearth.store.TxRepository;

/**
 * The one indexer with everything an account's history needs subscribed to it (ether sent to the
 * account, ether contracts pay it, what it sent from other wallets), and the history that joins them
 * with this app's own sends. One place wires them, so a new kind of history line is added once.
 */
public record AccountWatch(BlockIndexer indexer, IncomingTransfers incoming, InternalTransfers internal,
                           OutgoingTransactions outgoing, AccountHistory history) {

    /** {@code startBlock}: where indexing begins. */
    public static AccountWatch open(RpcClient rpc, long chainId, Database db, TxRepository txs, long startBlock) {
        BlockIndexer indexer = new BlockIndexer(rpc, chainId, db, startBlock);
        IncomingTransfers incoming = new IncomingTransfers(rpc, db);
        InternalTransfers internal = new InternalTransfers(rpc, db);
        OutgoingTransactions outgoing = new OutgoingTransactions(rpc, db);
        indexer.subscribe(incoming);
        indexer.subscribe(internal);
        indexer.subscribe(outgoing);
        return new AccountWatch(indexer, incoming, internal, outgoing, new AccountHistory(txs, incoming, internal, outgoing));
    }

    /** Indexes what concerns {@code address} from the next block the indexer reads. */
    public void watch(String address) {
        incoming.watch(address);
        internal.watch(address);
        outgoing.watch(address);
    }
}
