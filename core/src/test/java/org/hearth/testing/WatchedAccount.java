package org.hearth.testing;

import org.hearth.chain.RpcClient;
import org.hearth.chain.tx.TxPipeline;
import org.hearth.chain.tx.TxTracker;
import org.hearth.history.AccountHistory;
import org.hearth.index.BlockIndexer;
import org.hearth.index.IncomingTransfers;
import org.hearth.index.InternalTransfers;
import org.hearth.index.OutgoingTransactions;
import org.hearth.store.Database;
import org.hearth.store.TxRepository;

/**
 * One account's sends (here and elsewhere), ether sent to it and ether contracts pay it, kept in one database: the tx
 * pipeline and tracker, the indexer with both transfer watchers subscribed, and the history that
 * joins them, wired as the wallet screen wires them (the app's tests use the app's own wiring).
 */
public record WatchedAccount(TxPipeline pipeline, TxTracker tracker, BlockIndexer indexer,
                             IncomingTransfers incoming, InternalTransfers internal, OutgoingTransactions outgoing,
                             AccountHistory history) {

    /** {@code firstBlock}: where the indexer starts (after a test's own deployments, say). */
    public static WatchedAccount on(RpcClient rpc, Database db, String address, long firstBlock) {
        long chainId = rpc.chainId();
        TxRepository txs = new TxRepository(db);
        BlockIndexer indexer = new BlockIndexer(rpc, chainId, db, firstBlock);
        IncomingTransfers incoming = new IncomingTransfers(rpc, db);
        InternalTransfers internal = new InternalTransfers(rpc, db);
        OutgoingTransactions outgoing = new OutgoingTransactions(rpc, db);
        incoming.watch(address);
        internal.watch(address);
        outgoing.watch(address);
        indexer.subscribe(incoming);
        indexer.subscribe(internal);
        indexer.subscribe(outgoing);
        return new WatchedAccount(new TxPipeline(rpc, chainId, txs), new TxTracker(rpc, txs), indexer, incoming, internal, outgoing,
                new AccountHistory(txs, incoming, internal, outgoing));
    }
}
