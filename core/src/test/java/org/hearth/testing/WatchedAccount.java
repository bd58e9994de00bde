package org.hearth.testing;

import org.hearth.chain.RpcClient;
import org.hearth.chain.tx.TxPipeline;
import org.hearth.chain.tx.TxTracker;
import org.hearth.history.AccountHistory;
import org.hearth.history.AccountWatch;
import org.hearth.index.BlockIndexer;
import org.hearth.index.IncomingTransfers;
import org.hearth.index.InternalTransfers;
import org.hearth.index.OutgoingTransactions;
import org.hearth.store.Database;
import org.hearth.store.TxRepository;

/**
 * One account's sends (here and elsewhere), ether sent to it and ether contracts pay it, kept in one
 * database: the tx pipeline and tracker beside the {@link AccountWatch} the wallet screen uses too.
 */
public record WatchedAccount(TxPipeline pipeline, TxTracker tracker, BlockIndexer indexer,
                             IncomingTransfers incoming, InternalTransfers internal, OutgoingTransactions outgoing,
                             AccountHistory history) {

    /** {@code firstBlock}: where the indexer starts (after a test's own deployments, say). */
    public static WatchedAccount on(RpcClient rpc, Database db, String address, long firstBlock) {
        long chainId = rpc.chainId();
        TxRepository txs = new TxRepository(db);
        AccountWatch watch = AccountWatch.open(rpc, chainId, db, txs, firstBlock);
        watch.watch(address);
        return new WatchedAccount(new TxPipeline(rpc, chainId, txs), new TxTracker(rpc, txs), watch.indexer(), watch.incoming(),
                watch.internal(), watch.outgoing(), watch.history());
    }
}
