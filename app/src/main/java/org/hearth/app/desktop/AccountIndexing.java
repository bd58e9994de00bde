package org.hearth.app.desktop;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hearth.chain.session.ChainSession;
import org.hearth.chain.session.SessionHolder;
import org.hearth.index.FirstActivity;
import org.hearth.store.SettingsRepository;
import org.hearth.wallet.vault.PublicData;
import org.hearth.wallet.vault.Vault;
import org.hearth.wallet.vault.VaultAccount;
import org.hearth.wallet.vault.WatchOnlyAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps every session indexing the wallet's accounts in the background, whatever screen is open:
 * when a session opens, and when the account list changes, each account of the vault's public
 * section (readable without the password) and each watch-only address is watched, then the
 * session's runner is started. On the local chain history starts at block 0; elsewhere at the
 * start block set in Settings for that chain, else at the account's first activity, else at the head.
 */
public final class AccountIndexing implements AutoCloseable {

    /** Settings key prefix (then the chain id): the block where history starts on an external chain. */
    public static final String START_BLOCK_KEY = "index.startBlock.";

    private static final Logger LOG = LoggerFactory.getLogger(AccountIndexing.class);

    private final SessionHolder sessions;
    private final Vault vault;
    private final SettingsRepository settings;
    private final Runnable unsubscribe;

    public AccountIndexing(SessionHolder sessions, Vault vault, SettingsRepository settings) {
        this.sessions = sessions;
        this.vault = vault;
        this.settings = settings;
        this.unsubscribe = sessions.subscribe(s -> {
            if (s != null) {
                Thread.ofVirtual().name("hearth-account-indexing").start(() -> watchAll(s));
            }
        });
    }

    /** The account list changed (an account added, a watch-only address): watch the new ones on the current session. */
    public void accountsChanged() {
        sessions.current().ifPresent(s -> Thread.ofVirtual().name("hearth-account-indexing").start(() -> watchAll(s)));
    }

    /** The start block set for {@code chainId}, if any. */
    public Optional<Long> startBlock(long chainId) {
        try {
            return settings.get(START_BLOCK_KEY + chainId).filter(v -> !v.isBlank()).map(Long::parseLong).filter(n -> n >= 0);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private synchronized void watchAll(ChainSession session) {
        try {
            Long userStart = startBlock(session.chainId()).orElse(null);
            List<String> addresses = addresses();
            if (addresses.isEmpty()) {
                return; // no wallet yet: the block readers must not pass blocks before there is anyone to read them for
            }
            for (String address : addresses) {
                session.indexing().watch(address, () -> session.isLocal() ? 0
                        : FirstActivity.startBlock(session.rpc(), address, userStart, session.rpc().blockNumber()));
            }
            if (!session.isClosed()) {
                session.indexing().start();
            }
        } catch (RuntimeException e) {
            // a session closed under us, or a node gone: the next session (or account change) tries again
            LOG.warn("Cannot start indexing the accounts on {}: {}", session, e.getMessage());
        }
    }

    private List<String> addresses() {
        List<String> out = new ArrayList<>();
        if (!vault.exists()) {
            return out;
        }
        PublicData listing = vault.readPublic();
        for (VaultAccount a : listing.accounts()) {
            out.add(a.address());
        }
        for (WatchOnlyAddress w : listing.watchOnly()) {
            out.add(w.address());
        }
        return out;
    }

    @Override
    public void close() {
        unsubscribe.run();
    }
}
