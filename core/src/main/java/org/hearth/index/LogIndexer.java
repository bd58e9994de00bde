package org.hearth.index;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.hearth.chain.RpcClient;
import org.hearth.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one log indexer, on {@code eth_getLogs}. Each {@link LogSubscriber} keeps its own checkpoint
 * per key (watched account) in SQLite; keys at the same checkpoint are scanned together, and a new
 * key backfills from its start block alone until it reaches the others. Ranges adapt to the node
 * (halved on "too many results" or the size cap, grown while replies are small). Each range is
 * fetched first and then written with its checkpoint in one transaction (a JDBC batch), so a crash
 * at any moment resumes with no duplicate and no missing row. Before each round, every checkpoint's
 * remembered block hash is checked against the node: a reorganisation rolls back only the cursors
 * that saw the abandoned blocks. Progress goes to listeners after every range; events per second are
 * those of the current step.
 */
public final class LogIndexer {

    private static final Logger LOG = LoggerFactory.getLogger(LogIndexer.class);

    /** {@code initialSpan} blocks per call at first, at most {@code maxSpan}; spans move towards {@code targetLogs} logs per call. */
    public record Options(int initialSpan, int maxSpan, int targetLogs) {
        public static Options defaults() {
            return new Options(4, 10_000, 5_000);
        }
    }

    private final RpcClient rpc;
    private final long chainId;
    private final Checkpoints checkpoints;
    private final RangeReader reader;
    private final Options options;
    private final Map<String, LogSubscriber> subscribers = new ConcurrentHashMap<>();
    private final Map<String, RangeSizer> sizers = new ConcurrentHashMap<>();
    private final List<Consumer<SyncProgress>> listeners = new CopyOnWriteArrayList<>();
    private volatile SyncProgress progress;
    // written only by step(), which is synchronized
    private long events;
    private int reorgs;
    private long stepStartNanos = System.nanoTime();
    private long eventsAtStepStart;

    public LogIndexer(RpcClient rpc, long chainId, Database db) {
        this(rpc, chainId, db, Options.defaults());
    }

    public LogIndexer(RpcClient rpc, long chainId, Database db, Options options) {
        this.rpc = rpc;
        this.chainId = chainId;
        this.checkpoints = new Checkpoints(db, chainId);
        this.reader = new RangeReader(rpc);
        this.options = options;
        this.progress = new SyncProgress(0, -1, -1, 0, 0, 0);
    }

    public long chainId() {
        return chainId;
    }

    /** Registers a subscriber; its keys watched before (stored in SQLite) resume from their checkpoints. */
    public void subscribe(LogSubscriber subscriber) {
        subscribers.put(subscriber.id(), subscriber);
    }

    /**
     * Follows {@code key} (e.g. an account address; lower-cased) for {@code subscriber} from
     * {@code startBlock}. A key already watched keeps its checkpoint; a new one backfills.
     */
    public void watch(LogSubscriber subscriber, String key, long startBlock) {
        subscribe(subscriber);
        checkpoints.ensure(subscriber.id(), key.toLowerCase(Locale.ROOT), startBlock);
    }

    /** Every cursor on this chain (all subscribers, registered here or not). */
    public List<IndexCursor> cursors() {
        return checkpoints.cursors(null);
    }

    /** The latest progress (also sent to listeners). */
    public SyncProgress progress() {
        return progress;
    }

    /** Calls {@code listener} (on the indexing thread) after every range; close the handle to stop. */
    public AutoCloseable onProgress(Consumer<SyncProgress> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Checks for reorganisations, then scans at most {@code maxRanges} ranges towards the head. */
    public synchronized SyncProgress step(int maxRanges) throws InterruptedException {
        stepStartNanos = System.nanoTime();
        eventsAtStepStart = events;
        long head = rpc.blockNumber();
        rollBackReorganised();
        int ranges = 0;
        while (ranges < maxRanges) {
            Group group = lowestGroup(head);
            if (group == null) {
                break;
            }
            int scanned = scan(group, head, maxRanges - ranges);
            if (scanned == 0) {
                break; // the chain moved under us: the next step's reorganisation check comes first
            }
            ranges += scanned;
        }
        return publish(head);
    }

    /** Steps until every cursor has reached the head as it was at the last step. */
    public SyncProgress syncToHead() throws InterruptedException {
        SyncProgress p = step(Integer.MAX_VALUE);
        while (!p.caughtUp()) {
            long before = p.scannedTo();
            p = step(Integer.MAX_VALUE);
            if (p.scannedTo() == before && !p.caughtUp()) {
                Thread.sleep(200); // the node is between states (a reorganisation in flight): give it a moment
            }
        }
        return p;
    }

    /** The keys of one subscriber that share a checkpoint; {@code mergeAt} is the next checkpoint of that subscriber above it. */
    private record Group(LogSubscriber subscriber, long checkpoint, List<String> keys, long mergeAt) {
    }

    private Group lowestGroup(long head) {
        Group best = null;
        for (LogSubscriber s : subscribers.values()) {
            TreeMap<Long, List<String>> byCheckpoint = new TreeMap<>();
            for (IndexCursor c : checkpoints.cursors(s.id())) {
                byCheckpoint.computeIfAbsent(c.checkpoint(), k -> new ArrayList<>()).add(c.key());
            }
            Map.Entry<Long, List<String>> low = byCheckpoint.firstEntry();
            if (low == null || low.getKey() >= head || (best != null && low.getKey() >= best.checkpoint())) {
                continue;
            }
            Long next = byCheckpoint.higherKey(low.getKey());
            best = new Group(s, low.getKey(), low.getValue(), next == null ? Long.MAX_VALUE : next);
        }
        return best;
    }

    /**
     * Consecutive ranges for one group, up to the head or the next group: each range is read from
     * the node while the one before is written by a writer thread (its own transaction, a JDBC
     * batch, with the checkpoint), so node and disk work overlap and no transaction waits on the node.
     */
    private int scan(Group g, long head, int maxRanges) throws InterruptedException {
        LogSubscriber s = g.subscriber();
        RangeSizer sizer = sizers.computeIfAbsent(s.id(), id -> new RangeSizer(options.initialSpan(), options.maxSpan(),
                options.targetLogs() / 2));
        long limit = Math.min(head, g.mergeAt()); // stop where the next group is, so the two scan together from there
        List<LogFilter> filters = s.filters(g.keys());
        Writer pending = null;
        int ranges = 0;
        try {
            for (long from = g.checkpoint() + 1; from <= limit && ranges < maxRanges; ranges++) {
                RangeReader.Range range = reader.read(filters, sizer, from, limit);
                finish(pending, head);
                pending = null;
                if (range == null) {
                    break;
                }
                pending = new Writer(() -> checkpoints.inTransaction(c -> {
                    s.write(c, chainId, range.logs());
                    checkpoints.advance(c, s.id(), g.keys(), range.to(), range.seen());
                }), range.logs().size());
                from = range.to() + 1;
            }
        } finally {
            finish(pending, head);
        }
        return ranges;
    }

    /** One range's transaction on its own thread; its failure is rethrown by {@link #finish}. */
    private static final class Writer {
        final Thread thread;
        final int events;
        volatile RuntimeException failure;

        Writer(Runnable write, int events) {
            this.events = events;
            this.thread = Thread.ofPlatform().name("hearth-index-writer").start(() -> {
                try {
                    write.run();
                } catch (RuntimeException e) {
                    failure = e;
                }
            });
        }
    }

    private void finish(Writer w, long head) throws InterruptedException {
        if (w == null) {
            return;
        }
        w.thread.join();
        if (w.failure != null) {
            throw w.failure;
        }
        events += w.events;
        publish(head);
    }

    /** Rolls back every cursor whose newest remembered block is no longer on the node's chain. */
    private void rollBackReorganised() {
        CanonicalHashes canonical = new CanonicalHashes(rpc);
        Map<LogSubscriber, Map<Long, List<String>>> stale = new LinkedHashMap<>();
        for (LogSubscriber s : subscribers.values()) {
            for (IndexCursor c : checkpoints.cursors(s.id())) {
                long from = canonical.firstStale(checkpoints.hashes(s.id(), c.key()), c.startBlock());
                if (from != CanonicalHashes.NONE) {
                    stale.computeIfAbsent(s, k -> new HashMap<>()).computeIfAbsent(from, k -> new ArrayList<>()).add(c.key());
                }
            }
        }
        if (stale.isEmpty()) {
            return;
        }
        reorgs++;
        checkpoints.inTransaction(c -> {
            for (Map.Entry<LogSubscriber, Map<Long, List<String>>> e : stale.entrySet()) {
                for (Map.Entry<Long, List<String>> at : e.getValue().entrySet()) {
                    LOG.info("Chain reorganised: {} rolls back {} key(s) from block {}", e.getKey().id(), at.getValue().size(), at.getKey());
                    e.getKey().rollback(c, chainId, at.getValue(), at.getKey());
                    checkpoints.rewind(c, e.getKey().id(), at.getValue(), at.getKey());
                }
            }
        });
    }

    private SyncProgress publish(long head) {
        long start = Long.MAX_VALUE;
        long scanned = Long.MAX_VALUE;
        for (IndexCursor c : checkpoints.cursors(null)) {
            if (subscribers.containsKey(c.subscriber())) {
                start = Math.min(start, c.startBlock());
                scanned = Math.min(scanned, c.checkpoint());
            }
        }
        if (start == Long.MAX_VALUE) {
            start = head;
            scanned = head;
        }
        double seconds = (System.nanoTime() - stepStartNanos) / 1e9;
        SyncProgress p = new SyncProgress(start, scanned, head, events, seconds > 0 ? (events - eventsAtStepStart) / seconds : 0, reorgs);
        progress = p;
        for (Consumer<SyncProgress> l : listeners) {
            try {
                l.accept(p);
            } catch (RuntimeException e) {
                LOG.warn("A progress listener failed: {}", e.toString());
            }
        }
        return p;
    }
}
