package org.hearth.index;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hearth.chain.Hex;
import org.hearth.chain.RpcClient;
import org.hearth.store.Database;
import org.hearth.store.StoreException;

/**
 * The one indexer: walks blocks in order, remembers recent block hashes, and when a new block's
 * parent is not the hash it remembers, rolls subscribers back to the fork point and scans the new
 * branch. Each block and its checkpoint commit in one SQLite transaction.
 */
public final class BlockIndexer {

    /** Deeper reorganisations than this are treated as a different chain: start over from the start block. */
    static final int MAX_REORG_DEPTH = 64;

    private final RpcClient rpc;
    private final long chainId;
    private final Database db;
    private final long startBlock;
    private final List<BlockSubscriber> subscribers = new CopyOnWriteArrayList<>();
    private int reorgs;

    /** {@code startBlock}: where a fresh index begins (0 on a local chain; the wallet's birthday elsewhere). */
    public BlockIndexer(RpcClient rpc, long chainId, Database db, long startBlock) {
        this.rpc = rpc;
        this.chainId = chainId;
        this.db = db;
        this.startBlock = startBlock;
    }

    public void subscribe(BlockSubscriber subscriber) {
        subscribers.add(subscriber);
    }

    /** Scans at most {@code maxBlocks} blocks towards the head; call repeatedly (e.g. once per new block). */
    public synchronized IndexProgress step(int maxBlocks) {
        long head = rpc.blockNumber();
        int scanned = 0;
        while (scanned < maxBlocks) {
            long next = lastScanned() + 1;
            if (next > head) {
                break;
            }
            JsonNode block = rpc.call("eth_getBlockByNumber", Hex.quantity(next), true);
            if (block == null || block.isNull()) {
                break; // the head moved back under us; the next step sorts it out
            }
            String parent = block.path("parentHash").asText();
            String known = hashAt(next - 1);
            if (known != null && !known.equalsIgnoreCase(parent)) {
                rollBack(next - 1);
                continue;
            }
            apply(next, block);
            scanned++;
        }
        return new IndexProgress(lastScanned(), head, scanned, reorgs);
    }

    /** The last block scanned, or startBlock − 1 when nothing is. */
    public long lastScanned() {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT MAX(number) FROM index_block WHERE chain_id = ?")) {
            ps.setLong(1, chainId);
            try (ResultSet rs = ps.executeQuery()) {
                long max = rs.next() ? rs.getLong(1) : 0;
                return rs.wasNull() ? startBlock - 1 : max;
            }
        } catch (SQLException e) {
            throw new StoreException("Cannot read the index checkpoint: " + e.getMessage(), e);
        }
    }

    private void apply(long number, JsonNode block) {
        inTransaction(c -> {
            for (BlockSubscriber s : subscribers) {
                s.onBlock(c, chainId, block);
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO index_block(chain_id, number, hash) VALUES(?, ?, ?)");
                 PreparedStatement prune = c.prepareStatement("DELETE FROM index_block WHERE chain_id = ? AND number < ?")) {
                ps.setLong(1, chainId);
                ps.setLong(2, number);
                ps.setString(3, block.path("hash").asText());
                ps.executeUpdate();
                // keep the last block always (it is the checkpoint) and enough hashes to detect a reorg
                prune.setLong(1, chainId);
                prune.setLong(2, number - MAX_REORG_DEPTH);
                prune.executeUpdate();
            }
        });
    }

    /** Walks back from {@code number} to the newest block whose hash the node still agrees with. */
    private void rollBack(long number) {
        reorgs++;
        long fork = number;
        boolean found = false;
        while (fork >= startBlock && fork > number - MAX_REORG_DEPTH) {
            String known = hashAt(fork);
            if (known == null) {
                break; // nothing remembered this deep: rescan from the start
            }
            JsonNode onChain = rpc.call("eth_getBlockByNumber", Hex.quantity(fork), false);
            if (onChain != null && known.equalsIgnoreCase(onChain.path("hash").asText())) {
                found = true;
                break;
            }
            fork--;
        }
        long from = found ? fork + 1 : startBlock;
        inTransaction(c -> {
            for (BlockSubscriber s : subscribers) {
                s.onRollback(c, chainId, from);
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM index_block WHERE chain_id = ? AND number >= ?")) {
                ps.setLong(1, chainId);
                ps.setLong(2, from);
                ps.executeUpdate();
            }
        });
    }

    private String hashAt(long number) {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT hash FROM index_block WHERE chain_id = ? AND number = ?")) {
            ps.setLong(1, chainId);
            ps.setLong(2, number);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new StoreException("Cannot read the index: " + e.getMessage(), e);
        }
    }

    private interface Work {
        void run(Connection c) throws SQLException;
    }

    private void inTransaction(Work work) {
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            try {
                work.run(c);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("Cannot update the index: " + e.getMessage(), e);
        }
    }
}
