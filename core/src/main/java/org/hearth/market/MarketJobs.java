package org.hearth.market;

import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hearth.chain.abi.Abi;
import org.hearth.chain.abi.AbiEvent;
import org.hearth.chain.abi.AbiException;
import org.hearth.chain.abi.AbiParam;
import org.hearth.chain.abi.AbiValue;
import org.hearth.chain.session.ChainSession;
import org.hearth.index.ChainLog;
import org.hearth.index.FirstActivity;
import org.hearth.index.LogFilter;
import org.hearth.index.LogSubscriber;
import org.hearth.store.Database;
import org.hearth.store.StoreException;

/**
 * Every ComputeMarket event (the keys: market addresses, lower case) through the session's one
 * {@link org.hearth.index.LogIndexer}: stored in {@code market_job_events}, and each job touched is
 * rebuilt in {@code market_jobs} from its events ({@link JobReplay}), so a reorganisation only drops
 * events and rebuilds. A log that does not decode as the market's event is skipped.
 */
public final class MarketJobs implements LogSubscriber {

    public static final String ID = "market-jobs";
    private static final String ZERO_ADDRESS = "0x0000000000000000000000000000000000000000";

    private final Database db;

    public MarketJobs(Database db) {
        this.db = db;
    }

    @Override
    public String id() {
        return ID;
    }

    /** Follows {@code market} (from genesis on the local chain, from its first activity elsewhere) without scanning. */
    public void follow(ChainSession session, String market) {
        String key = market.toLowerCase(Locale.ROOT);
        boolean known = session.logIndexer().cursors().stream().anyMatch(c -> c.subscriber().equals(ID) && c.key().equals(key));
        long start = known || session.isLocal() ? 0 : FirstActivity.startBlock(session.rpc(), key, null, 0);
        session.logIndexer().watch(this, key, start);
    }

    /** Follows {@code market} and indexes to the head. */
    public void sync(ChainSession session, String market) throws InterruptedException {
        follow(session, market);
        session.logIndexer().syncToHead();
    }

    @Override
    public List<LogFilter> filters(Collection<String> keys) {
        return List.of(new LogFilter(List.copyOf(keys), List.of(MarketEvents.ALL.stream().map(AbiEvent::topic0).toList())));
    }

    @Override
    public void write(Connection c, long chainId, List<ChainLog> logs) throws SQLException {
        Set<Map.Entry<String, Long>> touched = new LinkedHashSet<>();
        try (PreparedStatement ps = c.prepareStatement("INSERT OR IGNORE INTO market_job_events(chain_id, market, block_number, tx_hash, "
                + "log_index, event, job_id, account, fields) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (ChainLog log : logs) {
                Optional<AbiEvent> event = log.topics().isEmpty() ? Optional.empty() : MarketEvents.byTopic(log.topics().getFirst());
                if (event.isEmpty()) {
                    continue;
                }
                List<AbiValue> values;
                try {
                    values = Abi.decodeLog(event.get(), log.topics(), log.data());
                } catch (AbiException e) {
                    continue; // another contract's event of the same name, or too large: nothing to show
                }
                Long jobId = null;
                if (MarketEvents.isJobEvent(event.get())) {
                    BigInteger id = (BigInteger) values.getFirst().value();
                    if (id.bitLength() > 63) {
                        continue; // no ComputeMarket has such a job
                    }
                    jobId = id.longValue();
                    touched.add(Map.entry(log.address(), jobId));
                }
                ps.setLong(1, chainId);
                ps.setString(2, log.address());
                ps.setLong(3, log.blockNumber());
                ps.setString(4, log.txHash());
                ps.setInt(5, log.logIndex());
                ps.setString(6, event.get().name());
                if (jobId == null) {
                    ps.setNull(7, java.sql.Types.INTEGER);
                } else {
                    ps.setLong(7, jobId);
                }
                ps.setString(8, account(event.get(), values));
                ps.setString(9, JobReplay.fieldsJson(values));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        for (Map.Entry<String, Long> job : touched) {
            JobReplay.rebuild(c, chainId, job.getKey(), job.getValue());
        }
    }

    @Override
    public void rollback(Connection c, long chainId, Collection<String> keys, long fromBlock) throws SQLException {
        String marks = String.join(",", Collections.nCopies(keys.size(), "?"));
        Set<Map.Entry<String, Long>> touched = new LinkedHashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT market, job_id FROM market_job_events WHERE chain_id = ? "
                + "AND block_number >= ? AND job_id IS NOT NULL AND market IN (" + marks + ")")) {
            bind(ps, chainId, fromBlock, keys);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    touched.add(Map.entry(rs.getString(1), rs.getLong(2)));
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM market_job_events WHERE chain_id = ? AND block_number >= ? "
                + "AND market IN (" + marks + ")")) {
            bind(ps, chainId, fromBlock, keys);
            ps.executeUpdate();
        }
        for (Map.Entry<String, Long> job : touched) {
            JobReplay.rebuild(c, chainId, job.getKey(), job.getValue());
        }
    }

    // ---- queries (newest job first) ----

    /** Every job of {@code market}. */
    public List<IndexedJob> all(long chainId, String market) {
        return jobs("", chainId, market, List.of());
    }

    public Optional<IndexedJob> job(long chainId, String market, long id) {
        return jobs("AND job_id = ?", chainId, market, List.of(id)).stream().findFirst();
    }

    /** Jobs whose claimant is now {@code provider}. */
    public List<IndexedJob> byProvider(long chainId, String market, String provider) {
        return jobs("AND provider = ?", chainId, market, List.of(provider.toLowerCase(Locale.ROOT)));
    }

    public List<IndexedJob> byRequester(long chainId, String market, String requester) {
        return jobs("AND requester = ?", chainId, market, List.of(requester.toLowerCase(Locale.ROOT)));
    }

    public List<IndexedJob> byState(long chainId, String market, JobState state) {
        return jobs("AND state = ?", chainId, market, List.of(state.code()));
    }

    /** Open jobs with an id above {@code afterId}, oldest first (what a provider looks at next). */
    public List<IndexedJob> openAfter(long chainId, String market, long afterId) {
        List<IndexedJob> out = new ArrayList<>(jobs("AND state = ? AND job_id > ?", chainId, market, List.of(JobState.OPEN.code(), afterId)));
        Collections.reverse(out);
        return out;
    }

    /** A job's events, oldest first: its timeline. */
    public List<JobEvent> timeline(long chainId, String market, long id) {
        return events("AND job_id = ?", chainId, market, List.of(id));
    }

    /** Events whose indexed address is {@code account} (its registration, stake, withdrawals, posts and claims), oldest first. */
    public List<JobEvent> accountEvents(long chainId, String market, String account) {
        return events("AND account = ?", chainId, market, List.of(account.toLowerCase(Locale.ROOT)));
    }

    private List<IndexedJob> jobs(String where, long chainId, String market, List<Object> args) {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("SELECT " + JobReplay.JOB_COLUMNS
                + " FROM market_jobs WHERE chain_id = ? AND market = ? " + where + " ORDER BY job_id DESC")) {
            bindQuery(ps, chainId, market, args);
            List<IndexedJob> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(JobReplay.job(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("Cannot read market jobs: " + e.getMessage(), e);
        }
    }

    private List<JobEvent> events(String where, long chainId, String market, List<Object> args) {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("SELECT event, job_id, account, fields, block_number, "
                + "tx_hash, log_index FROM market_job_events WHERE chain_id = ? AND market = ? " + where + " ORDER BY block_number, log_index")) {
            bindQuery(ps, chainId, market, args);
            List<JobEvent> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long job = rs.getLong(2);
                    Long jobId = rs.wasNull() ? null : job;
                    out.add(new JobEvent(rs.getString(1), jobId, rs.getString(3), JobReplay.fields(rs.getString(4)), rs.getLong(5),
                            rs.getString(6), rs.getInt(7)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("Cannot read market events: " + e.getMessage(), e);
        }
    }

    private static void bindQuery(PreparedStatement ps, long chainId, String market, List<Object> args) throws SQLException {
        ps.setLong(1, chainId);
        ps.setString(2, market.toLowerCase(Locale.ROOT));
        int i = 3;
        for (Object a : args) {
            ps.setObject(i++, a);
        }
    }

    private static void bind(PreparedStatement ps, long chainId, long fromBlock, Collection<String> keys) throws SQLException {
        ps.setLong(1, chainId);
        ps.setLong(2, fromBlock);
        int i = 3;
        for (String key : keys) {
            ps.setString(i++, key);
        }
    }

    /** The event's indexed address argument, lower case (null when it has none). */
    private static String account(AbiEvent event, List<AbiValue> values) {
        List<AbiParam> inputs = event.inputs();
        for (int i = 0; i < inputs.size(); i++) {
            if (inputs.get(i).indexed() && inputs.get(i).type().equals("address")) {
                String a = ((String) values.get(i).value()).toLowerCase(Locale.ROOT);
                return a.equals(ZERO_ADDRESS) ? null : a;
            }
        }
        return null;
    }
}
