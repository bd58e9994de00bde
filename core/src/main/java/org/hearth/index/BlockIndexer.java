package org.hearth.index;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hearth.chain.Hex;
import org.hearth.chain.RpcClient;
import org.hearth.store.Database;

/**
 * The block reader for what has no logs (ether transfers): walks blocks in order for its
 * subscribers, each with its own checkpoint, so a subscriber added later backfills from the start
 * block while the others are not fed blocks they already have. When a new block's parent is not the
 * hash a subscriber remembers, that subscriber is rolled back to the fork point and rescans. Each
 * block is fetched (with anything the subscribers ask the node) first, then written with the
 * checkpoints in one SQLite transaction.
 */
public final class BlockIndexer {

    /** Deeper reorganisations than this are treated as a different chain: start over from the start block. */
    static final int MAX_REORG_DEPTH = Checkpoints.MAX_REORG_DEPTH;

    private static final String KEY = "";

    private final RpcClient rpc;
    private final long chainId;
    private final Checkpoints checkpoints;
    private final long startBlock;
    private final List<BlockSubscriber> subscribers = new CopyOnWriteArrayList<>();
    private int reorgs;

    /** {@code startBlock}: where a new subscriber begins (0 on a local chain; the wallet's birthday elsewhere). */
    public BlockIndexer(RpcClient rpc, long chainId, Database db, long startBlock) {
        this.rpc = rpc;
        this.chainId = chainId;
        this.checkpoints = new Checkpoints(db, chainId);
        this.startBlock = startBlock;
    }

    /** Where a new subscriber begins. */
    public long startBlock() {
        return startBlock;
    }

    /** Adds a subscriber; one seen before resumes from its checkpoint, a new one starts at the start block. */
    public void subscribe(BlockSubscriber subscriber) {
        checkpoints.ensure(subscriber.id(), KEY, startBlock);
        subscribers.add(subscriber);
    }

    /** Scans at most {@code maxBlocks} blocks towards the head; call repeatedly (e.g. once per new block). */
    public synchronized IndexProgress step(int maxBlocks) {
        long head = rpc.blockNumber();
        int scanned = 0;
        while (scanned < maxBlocks) {
            Map<BlockSubscriber, Long> at = positions();
            long low = at.values().stream().mapToLong(Long::longValue).min().orElse(head);
            long next = low + 1;
            if (next > head) {
                break;
            }
            JsonNode block = rpc.call("eth_getBlockByNumber", Hex.quantity(next), true);
            if (block == null || block.isNull()) {
                break; // the head moved back under us; the next step sorts it out
            }
            List<BlockSubscriber> behind = new ArrayList<>();
            at.forEach((s, checkpoint) -> {
                if (checkpoint == low) {
                    behind.add(s);
                }
            });
            if (rolledBack(behind, low, block.path("parentHash").asText())) {
                continue;
            }
            apply(next, block, behind);
            scanned++;
        }
        return new IndexProgress(lastScanned(), head, scanned, reorgs);
    }

    /** The last block every subscriber has scanned, or startBlock − 1 when nothing is. */
    public long lastScanned() {
        return positions().values().stream().mapToLong(Long::longValue).min().orElse(startBlock - 1);
    }

    private Map<BlockSubscriber, Long> positions() {
        Map<String, Long> byId = new HashMap<>();
        for (IndexCursor c : checkpoints.cursors(null)) {
            byId.put(c.subscriber(), c.checkpoint());
        }
        Map<BlockSubscriber, Long> out = new HashMap<>();
        for (BlockSubscriber s : subscribers) {
            out.put(s, byId.getOrDefault(s.id(), startBlock - 1));
        }
        return out;
    }

    private void apply(long number, JsonNode block, List<BlockSubscriber> behind) {
        List<BlockSubscriber.RowWriter> writes = new ArrayList<>();
        for (BlockSubscriber s : behind) {
            writes.add(s.read(chainId, block)); // node calls happen here, before the transaction
        }
        Map<Long, String> seen = Map.of(number, block.path("hash").asText());
        checkpoints.inTransaction(c -> {
            for (int i = 0; i < behind.size(); i++) {
                writes.get(i).write(c);
                checkpoints.advance(c, behind.get(i).id(), List.of(KEY), number, seen);
            }
        });
    }

    /** Rolls back those of {@code behind} whose block {@code number} is no longer the new block's parent. */
    private boolean rolledBack(List<BlockSubscriber> behind, long number, String parentHash) {
        CanonicalHashes canonical = new CanonicalHashes(rpc);
        Map<BlockSubscriber, Long> from = new HashMap<>();
        for (BlockSubscriber s : behind) {
            var remembered = checkpoints.hashes(s.id(), KEY);
            String known = remembered.get(number);
            if (known != null && !known.equalsIgnoreCase(parentHash)) {
                long stale = canonical.firstStale(remembered.headMap(number, true), startBlock);
                from.put(s, stale == CanonicalHashes.NONE ? number : stale);
            }
        }
        if (from.isEmpty()) {
            return false;
        }
        reorgs++;
        checkpoints.inTransaction(c -> {
            for (Map.Entry<BlockSubscriber, Long> e : from.entrySet()) {
                e.getKey().onRollback(c, chainId, e.getValue());
                checkpoints.rewind(c, e.getKey().id(), List.of(KEY), e.getValue());
            }
        });
        return true;
    }
}
