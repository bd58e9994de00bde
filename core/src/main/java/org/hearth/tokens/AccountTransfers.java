package org.hearth.tokens;

import java.util.Locale;
import org.hearth.chain.session.ChainSession;
import org.hearth.index.Erc20Transfers;
import org.hearth.index.FirstActivity;

/**
 * Brings an account's stored ERC-20 Transfer rows (the session's {@code erc20Transfers()}
 * subscriber) up to the chain's head: the account is watched first if it is new (from genesis on the
 * local chain, from its first activity elsewhere), as {@code hearth index sync} does.
 */
public final class AccountTransfers {

    private AccountTransfers() {
    }

    public static void sync(ChainSession session, String account) throws InterruptedException {
        String key = account.toLowerCase(Locale.ROOT);
        boolean watched = session.logIndexer().cursors().stream()
                .anyMatch(c -> c.subscriber().equals(Erc20Transfers.ID) && c.key().equals(key));
        if (!watched) {
            long start = session.isLocal() ? 0 : FirstActivity.startBlock(session.rpc(), key, null, 0);
            session.logIndexer().watch(session.erc20Transfers(), key, start);
        }
        session.logIndexer().syncToHead();
    }
}
