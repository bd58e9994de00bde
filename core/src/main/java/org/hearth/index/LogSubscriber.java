package org.hearth.index;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;

/**
 * Something derived from logs (token transfers, approvals, votes...). The {@link LogIndexer} keeps
 * one checkpoint per subscriber, chain and key (keys are what the subscriber follows, e.g. watched
 * accounts in lower case; a subscriber that follows whole contracts uses one key such as '').
 * Keys at the same checkpoint are scanned together; a new key backfills from its start block alone
 * until it reaches the others, then joins them.
 */
public interface LogSubscriber {

    /** Stable name of this subscriber's checkpoints, e.g. {@code erc20-transfers}. */
    String id();

    /** The filters that find every log concerning {@code keys}; the indexer merges and de-duplicates their results. */
    List<LogFilter> filters(Collection<String> keys);

    /**
     * Stores the logs of one block range (in block and log order), inside the indexer's transaction:
     * use a JDBC batch, no RPC calls. A log may have been stored before by another key's scan: ignore duplicates.
     */
    void write(Connection tx, long chainId, List<ChainLog> logs) throws SQLException;

    /** Blocks from {@code fromBlock} on were reorganised away for {@code keys}: forget what came from them for those keys. */
    void rollback(Connection tx, long chainId, Collection<String> keys, long fromBlock) throws SQLException;
}
