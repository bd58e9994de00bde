package org.hearth.market.requester;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import org.hearth.chain.Addresses;
import org.hearth.store.Database;
import org.hearth.store.StoreException;

/** {@link ProviderTrust} per chain and provider, in {@code market_provider_trust} (V28). */
public final class ProviderTrustRepository {

    private final Database db;

    public ProviderTrustRepository(Database db) {
        this.db = db;
    }

    public ProviderTrust find(long chainId, String provider) {
        String address = Addresses.checksummed(provider);
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT valid_streak, verified, failed, unchecked, last_failed_job FROM market_provider_trust WHERE chain_id = ? AND provider = ?")) {
            ps.setLong(1, chainId);
            ps.setString(2, address);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next()
                        ? new ProviderTrust(address, rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getString(5))
                        : ProviderTrust.fresh(address);
            }
        } catch (SQLException e) {
            throw new StoreException("Cannot read the trust in provider " + address + ": " + e.getMessage(), e);
        }
    }

    /** A checked result that passed: the streak grows. */
    public ProviderTrust recordValid(long chainId, String provider) {
        return update(chainId, provider, "valid_streak = valid_streak + 1, verified = verified + 1", null);
    }

    /** A checked result that failed: the streak starts again from zero. */
    public ProviderTrust recordInvalid(long chainId, String provider, String jobId) {
        return update(chainId, provider, "valid_streak = 0, failed = failed + 1, last_failed_job = ?", jobId);
    }

    /** A result accepted without a check (sampled out): the streak stays where it is. */
    public ProviderTrust recordUnchecked(long chainId, String provider) {
        return update(chainId, provider, "unchecked = unchecked + 1", null);
    }

    private ProviderTrust update(long chainId, String provider, String set, String jobId) {
        String address = Addresses.checksummed(provider);
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement ins = c.prepareStatement(
                    "INSERT OR IGNORE INTO market_provider_trust(chain_id, provider, updated_at) VALUES(?, ?, ?)");
                 PreparedStatement upd = c.prepareStatement(
                         "UPDATE market_provider_trust SET " + set + ", updated_at = ? WHERE chain_id = ? AND provider = ?")) {
                String now = Instant.now().toString();
                ins.setLong(1, chainId);
                ins.setString(2, address);
                ins.setString(3, now);
                ins.executeUpdate();
                int i = 1;
                if (jobId != null) {
                    upd.setString(i++, jobId);
                }
                upd.setString(i++, now);
                upd.setLong(i++, chainId);
                upd.setString(i, address);
                upd.executeUpdate();
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("Cannot record the trust in provider " + address + ": " + e.getMessage(), e);
        }
        return find(chainId, provider);
    }
}
