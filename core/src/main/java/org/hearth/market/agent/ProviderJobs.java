package org.hearth.market.agent;

import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.hearth.store.Database;
import org.hearth.store.StoreException;

/** {@code provider_jobs}: the jobs a provider account claimed or refused on a market, with stage and outcome. */
public final class ProviderJobs {

    private static final String COLUMNS = "market, job_id, provider, kind, spec, spec_url, price, exec_deadline, stage, result_cid, "
            + "outcome, reason, paid, claimed_at, updated_at";

    private final Database db;

    public ProviderJobs(Database db) {
        this.db = db;
    }

    /** Inserts or replaces the row of {@code job}. */
    public void save(long chainId, ProviderJob job) {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO provider_jobs(chain_id, "
                + COLUMNS + ") VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            Object[] v = {chainId, lower(job.market()), job.id(), lower(job.provider()), job.kind(), job.spec(), job.specUrl(),
                job.price().toString(), job.execDeadline(), job.stage().name(), job.resultCid(), job.outcome().name(), job.reason(),
                job.paid() == null ? null : job.paid().toString(), job.claimedAtMillis(), job.updatedAtMillis()};
            for (int i = 0; i < v.length; i++) {
                ps.setObject(i + 1, v[i]);
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("Cannot save a provider job: " + e.getMessage(), e);
        }
    }

    public Optional<ProviderJob> find(long chainId, String market, long id, String provider) {
        return query("AND job_id = ?", chainId, market, provider, List.of(id)).stream().findFirst();
    }

    /** Every job of {@code provider} on {@code market}, newest first. */
    public List<ProviderJob> all(long chainId, String market, String provider) {
        return query("", chainId, market, provider, List.of());
    }

    /** Jobs the provider still has to act on or watch: claimed, submitted, or disputed. Oldest first. */
    public List<ProviderJob> unfinished(long chainId, String market, String provider) {
        List<ProviderJob> out = new ArrayList<>(query("AND (stage IN ('CLAIMED', 'SUBMITTED') OR outcome = 'DISPUTED')",
                chainId, market, provider, List.of()));
        java.util.Collections.reverse(out);
        return out;
    }

    public ProviderEarnings earnings(long chainId, String market, String provider) {
        BigInteger earned = BigInteger.ZERO;
        Map<JobOutcome, Long> outcomes = new EnumMap<>(JobOutcome.class);
        for (ProviderJob job : all(chainId, market, provider)) {
            outcomes.merge(job.outcome(), 1L, Long::sum);
            if (job.outcome() == JobOutcome.PAID && job.paid() != null) {
                earned = earned.add(job.paid());
            }
        }
        return new ProviderEarnings(earned, outcomes);
    }

    private List<ProviderJob> query(String where, long chainId, String market, String provider, List<Object> args) {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM provider_jobs "
                + "WHERE chain_id = ? AND market = ? AND provider = ? " + where + " ORDER BY job_id DESC")) {
            ps.setLong(1, chainId);
            ps.setString(2, lower(market));
            ps.setString(3, lower(provider));
            int i = 4;
            for (Object a : args) {
                ps.setObject(i++, a);
            }
            List<ProviderJob> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String paid = rs.getString(13);
                    out.add(new ProviderJob(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getInt(4), rs.getString(5), rs.getString(6),
                            new BigInteger(rs.getString(7)), rs.getLong(8), ProviderJob.Stage.valueOf(rs.getString(9)), rs.getString(10),
                            JobOutcome.valueOf(rs.getString(11)), rs.getString(12), paid == null ? null : new BigInteger(paid), rs.getLong(14),
                            rs.getLong(15)));
                }
            }
            return out;
        } catch (SQLException | IllegalArgumentException e) {
            throw new StoreException("Cannot read provider jobs: " + e.getMessage(), e);
        }
    }

    private static String lower(String address) {
        return address.toLowerCase(Locale.ROOT);
    }
}
