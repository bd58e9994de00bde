package org.hearth.app.wallet;

import java.util.function.Supplier;
import org.hearth.chain.RpcClient;
import org.hearth.chain.tx.TxPipeline;
import org.hearth.chain.tx.TxSigner;
import org.hearth.chain.tx.TxTracker;
import org.hearth.history.AccountHistory;
import org.hearth.index.BlockIndexer;
import org.hearth.index.IncomingTransfers;
import org.hearth.index.InternalTransfers;
import org.hearth.index.OutgoingTransactions;
import org.hearth.store.AddressBookRepository;
import org.hearth.store.Database;
import org.hearth.store.TxRepository;

/** The chain-bound services the wallet screen shares between its accounts: one pipeline, one indexer. */
record ChainServices(RpcClient rpc, long chainId, TxPipeline pipeline, TxTracker tracker, BlockIndexer indexer,
                     IncomingTransfers incoming, InternalTransfers internal, OutgoingTransactions outgoing, AccountHistory history,
                     AddressBookRepository addressBook) {

    /**
     * {@code startBlock}: where history scanning begins (0 on the local chain; elsewhere the head at
     * first use, since scanning a public chain from genesis block by block is not practical).
     */
    static ChainServices open(RpcClient rpc, Database db, long startBlock) {
        long chainId = rpc.chainId();
        TxRepository txs = new TxRepository(db);
        BlockIndexer indexer = new BlockIndexer(rpc, chainId, db, startBlock);
        IncomingTransfers incoming = new IncomingTransfers(rpc, db);
        InternalTransfers internal = new InternalTransfers(rpc, db);
        OutgoingTransactions outgoing = new OutgoingTransactions(rpc, db);
        indexer.subscribe(incoming);
        indexer.subscribe(internal);
        indexer.subscribe(outgoing);
        return new ChainServices(rpc, chainId, new TxPipeline(rpc, chainId, txs), new TxTracker(rpc, txs), indexer, incoming,
                internal, outgoing, new AccountHistory(txs, incoming, internal, outgoing), new AddressBookRepository(db));
    }

    /**
     * The balance and history of {@code address}; what reaches it is indexed from now on (ether sent
     * to it, ether contracts pay it, and what it sends from other wallets). {@code signer} signs its speed-ups and cancels.
     */
    AccountModel account(String address, Supplier<TxSigner> signer) {
        incoming.watch(address);
        internal.watch(address);
        outgoing.watch(address);
        return new AccountModel(address, rpc, pipeline, tracker, indexer, history, signer);
    }

    /** The send form's model for {@code from}, resolving names through the address book. */
    SendModel sendFrom(String from, Supplier<TxSigner> signer) {
        return new SendModel(pipeline, from, addressBook, signer);
    }
}
