package org.hearth.index;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import org.hearth.chain.Hex;
import org.hearth.chain.RpcClient;
import org.hearth.chain.RpcException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one block range of logs for a set of filters, sized by a {@link RangeSizer}: the range's
 * last header first, then the logs (merged, de-duplicated, in chain order), checked against it.
 * Only node calls here; the caller writes.
 */
final class RangeReader {

    private static final Logger LOG = LoggerFactory.getLogger(RangeReader.class);

    /** Logs of blocks {@code from}..{@code to} and the block hashes seen (the last block's and those with logs). */
    record Range(long from, long to, List<ChainLog> logs, NavigableMap<Long, String> seen) {
    }

    private final RpcClient rpc;

    RangeReader(RpcClient rpc) {
        this.rpc = rpc;
    }

    /**
     * Reads from {@code from} up to at most {@code limit}; null when the chain moved under us (a
     * shorter chain, or logs from two branches), which the next round's reorganisation check sorts out.
     */
    Range read(List<LogFilter> filters, RangeSizer sizer, long from, long limit) {
        while (true) {
            long to = Math.min(limit, from + sizer.span() - 1);
            JsonNode header = rpc.call("eth_getBlockByNumber", Hex.quantity(to), false); // before the logs: see verify()
            if (header == null || header.isNull()) {
                return null;
            }
            List<ChainLog> logs;
            try {
                logs = fetch(filters, from, to);
            } catch (RpcException e) {
                if (RangeSizer.tooLarge(e) && sizer.shrink(to - from + 1)) {
                    LOG.debug("eth_getLogs refused {} blocks, now {}: {}", to - from + 1, sizer.span(), e.getMessage());
                    continue;
                }
                throw e;
            }
            if (to - from + 1 >= sizer.span()) {
                sizer.answered(logs.size());
            }
            NavigableMap<Long, String> seen = verify(logs, from, to, header.path("hash").asText());
            return seen == null ? null : new Range(from, to, logs, seen);
        }
    }

    private List<ChainLog> fetch(List<LogFilter> filters, long from, long to) {
        List<ChainLog> out = new ArrayList<>();
        Set<String> ids = filters.size() > 1 ? new HashSet<>() : null;
        for (LogFilter f : filters) {
            JsonNode reply = rpc.call("eth_getLogs", f.forRange(from, to));
            if (!reply.isArray()) {
                throw new RpcException(rpc.displayEndpoint(), "eth_getLogs", "the reply is not a list of logs", null, null, null);
            }
            for (JsonNode json : reply) {
                if (ChainLog.removed(json)) {
                    continue;
                }
                ChainLog log;
                try {
                    log = ChainLog.parse(json);
                } catch (IllegalArgumentException | ArithmeticException malformed) {
                    throw new RpcException(rpc.displayEndpoint(), "eth_getLogs", malformed.getMessage(), null, null, malformed);
                }
                if (ids == null || ids.add(log.txHash() + ":" + log.logIndex())) {
                    out.add(log);
                }
            }
        }
        if (filters.size() > 1) {
            out.sort(Comparator.comparingLong(ChainLog::blockNumber).thenComparingInt(ChainLog::logIndex));
        }
        return out;
    }

    /**
     * The block hashes the range saw, or null when they disagree: the header was read before the
     * logs, so logs of block {@code to} with another hash mean the chain moved in between. A log
     * outside the range is the node's error.
     */
    private NavigableMap<Long, String> verify(List<ChainLog> logs, long from, long to, String toHash) {
        NavigableMap<Long, String> seen = new TreeMap<>();
        seen.put(to, toHash.toLowerCase(Locale.ROOT));
        for (ChainLog log : logs) {
            if (log.blockNumber() < from || log.blockNumber() > to) {
                throw new RpcException(rpc.displayEndpoint(), "eth_getLogs", "a log from block " + log.blockNumber()
                        + " outside the range " + from + ".." + to, null, null, null);
            }
            String before = seen.putIfAbsent(log.blockNumber(), log.blockHash());
            if (before != null && !before.equals(log.blockHash())) {
                return null;
            }
        }
        return seen;
    }
}
