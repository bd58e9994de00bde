package org.hearth.app.wallet;

import java.util.function.Supplier;
import org.hearth.chain.RpcClient;
import org.hearth.chain.session.ChainSession;
import org.hearth.chain.tx.TxSigner;
import org.hearth.store.AddressBookRepository;
import org.hearth.store.Database;

/**
 * The wallet screen's view of the current {@link ChainSession}: its account and send models, built
 * on the session's one pipeline, tracker and indexer. A new session (new endpoint) gets a new one.
 */
record ChainServices(ChainSession session, AddressBookRepository addressBook, boolean indexesItself) {

    static ChainServices of(ChainSession session) {
        return new ChainServices(session, new AddressBookRepository(session.database()), false);
    }

    /**
     * For tests that wire the wallet's models on a client of their own: a local session indexed from
     * {@code startBlock}, whose accounts are watched and indexed in the background as the app's services do.
     */
    static ChainServices open(RpcClient rpc, Database db, long startBlock) {
        ChainSession session = ChainSession.open(rpc, ChainSession.Kind.LOCAL, db, startBlock);
        return new ChainServices(session, new AddressBookRepository(db), true);
    }

    RpcClient rpc() {
        return session.rpc();
    }

    /**
     * The balance and history of {@code address}; what reaches it is indexed from now on (ether sent
     * to it, ether contracts pay it, and what it sends from other wallets). {@code signer} signs its
     * speed-ups and cancels.
     */
    AccountModel account(String address, Supplier<TxSigner> signer) {
        if (indexesItself) {
            session.indexing().watch(address, () -> 0);
            session.indexing().start();
        } else {
            session.accounts().watch(address); // already watched by the app's services; here in case this account is newer
        }
        return new AccountModel(address, session.rpc(), session.pipeline(), session.tracker(), session.accounts().history(), signer);
    }

    /** The send form's model for {@code from}, resolving names through the address book. */
    SendModel sendFrom(String from, Supplier<TxSigner> signer) {
        return new SendModel(session.pipeline(), org.hearth.history.AccountCounterparties.reviewer(session), from, addressBook, signer);
    }
}
