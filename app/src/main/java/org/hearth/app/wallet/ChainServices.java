package org.hearth.app.wallet;

import java.util.function.Supplier;
import org.hearth.chain.RpcClient;
import org.hearth.chain.review.CallDecoder;
import org.hearth.chain.review.TxReviewer;
import org.hearth.chain.tx.TxPipeline;
import org.hearth.chain.tx.TxSigner;
import org.hearth.chain.tx.TxTracker;
import org.hearth.history.AccountWatch;
import org.hearth.store.AddressBookRepository;
import org.hearth.store.Database;
import org.hearth.store.TxRepository;

/** The chain-bound services the wallet screen shares between its accounts: one pipeline, one indexer. */
record ChainServices(RpcClient rpc, long chainId, TxPipeline pipeline, TxTracker tracker, AccountWatch watch,
                     AddressBookRepository addressBook) {

    /**
     * {@code startBlock}: where history scanning begins (0 on the local chain; elsewhere the head at
     * first use, since scanning a public chain from genesis block by block is not practical).
     */
    static ChainServices open(RpcClient rpc, Database db, long startBlock) {
        long chainId = rpc.chainId();
        TxRepository txs = new TxRepository(db);
        return new ChainServices(rpc, chainId, new TxPipeline(rpc, chainId, txs), new TxTracker(rpc, txs),
                AccountWatch.open(rpc, chainId, db, txs, startBlock), new AddressBookRepository(db));
    }

    /**
     * The balance and history of {@code address}; what reaches it is indexed from now on (ether sent
     * to it, ether contracts pay it, and what it sends from other wallets). {@code signer} signs its
     * speed-ups and cancels.
     */
    AccountModel account(String address, Supplier<TxSigner> signer) {
        watch.watch(address);
        return new AccountModel(address, rpc, pipeline, tracker, watch.indexer(), watch.history(), signer);
    }

    /** The send form's model for {@code from}, resolving names through the address book. */
    SendModel sendFrom(String from, Supplier<TxSigner> signer) {
        return new SendModel(pipeline, new TxReviewer(rpc, CallDecoder.shipped()), from, addressBook, signer);
    }
}
