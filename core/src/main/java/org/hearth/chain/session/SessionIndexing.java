package org.hearth.chain.session;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.hearth.history.AccountWatch;
import org.hearth.index.BlockIndexer;
import org.hearth.index.Erc20Transfers;
import org.hearth.index.IndexProgress;
import org.hearth.index.IndexRunner;
import org.hearth.index.LogIndexer;
import org.hearth.index.LogSubscriber;
import org.hearth.index.SyncProgress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A session's background indexing: one {@link IndexRunner} over the log indexer and the block
 * reader, the accounts they follow, and one progress for both (the lower checkpoint of the two,
 * the log indexer's events and rate), published to listeners whenever it changes.
 */
public final class SessionIndexing implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SessionIndexing.class);
    /** How long the runner waits once caught up, unless woken (a new head, a new account). */
    static final Duration IDLE = Duration.ofSeconds(2);

    private final AccountWatch accounts;
    private final LogIndexer logs;
    private final Erc20Transfers erc20;
    private final IndexRunner runner;
    private final List<Consumer<SyncProgress>> listeners = new CopyOnWriteArrayList<>();
    private final AutoCloseable logListener;
    private volatile IndexProgress blocks;
    private volatile SyncProgress progress;

    /** Log subscribers that follow the same accounts as the ERC-20 one (NFT transfers). */
    private final List<LogSubscriber> others;

    SessionIndexing(AccountWatch accounts, LogIndexer logs, Erc20Transfers erc20, LogSubscriber... others) {
        this.others = List.of(others);
        this.accounts = accounts;
        this.logs = logs;
        this.erc20 = erc20;
        BlockIndexer blockReader = accounts.indexer();
        this.runner = new IndexRunner(IDLE, List.of(IndexRunner.of(logs), () -> {
            blocks = blockReader.step(200);
            publish();
            return blocks.caughtUp();
        }));
        this.logListener = logs.onProgress(p -> publish());
    }

    /**
     * Follows {@code address}: its ether by the block readers (from the next block they read) and
     * its ERC-20 transfers by the log indexer from {@code logStart} (asked only for an account that
     * has no checkpoint yet, since finding the first activity costs node calls). Wakes the runner.
     */
    public void watch(String address, LongSupplier logStart) {
        String key = address.toLowerCase(Locale.ROOT);
        accounts.watch(key);
        boolean known = logs.cursors().stream().anyMatch(c -> c.subscriber().equals(erc20.id()) && c.key().equals(key));
        long start = known ? 0 : logStart.getAsLong();
        logs.watch(erc20, key, start);
        for (LogSubscriber more : others) {
            boolean seen = logs.cursors().stream().anyMatch(c -> c.subscriber().equals(more.id()) && c.key().equals(key));
            if (!seen) {
                logs.watch(more, key, known ? logStart.getAsLong() : start); // an account followed before this subscriber existed
            }
        }
        runner.wake();
    }

    /** Starts the background runner (idempotent). */
    public void start() {
        runner.start();
    }

    public boolean running() {
        return runner.running();
    }

    /** Cuts the runner's wait short: a new head to read. */
    public void wake() {
        runner.wake();
    }

    /** The latest progress of both indexers; null before their first step. */
    public SyncProgress progress() {
        return progress;
    }

    /** Calls {@code listener} on the indexing thread with each new progress; run the handle to stop. */
    public Runnable onProgress(Consumer<SyncProgress> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    private void publish() {
        SyncProgress log = logs.progress();
        IndexProgress block = blocks;
        if (block == null) {
            return; // one complete turn first: the block reader may be far behind the log indexer
        }
        long blockStart = accounts.indexer().startBlock();
        SyncProgress next;
        if (log.head() < 0) {
            next = new SyncProgress(blockStart, block.scannedTo(), block.head(), 0, 0, block.reorgsHandled());
        } else {
            next = new SyncProgress(Math.min(log.startBlock(), blockStart), Math.min(log.scannedTo(), block.scannedTo()),
                    Math.max(log.head(), block.head()), log.events(), log.eventsPerSecond(), log.reorgs() + block.reorgsHandled());
        }
        if (Objects.equals(next, progress)) {
            return;
        }
        progress = next;
        for (Consumer<SyncProgress> l : listeners) {
            try {
                l.accept(next);
            } catch (RuntimeException e) {
                LOG.warn("An indexing progress listener failed: {}", e.toString());
            }
        }
    }

    /** Stops the runner after its current step. */
    @Override
    public void close() throws Exception {
        runner.close();
        logListener.close();
        listeners.clear();
    }
}
