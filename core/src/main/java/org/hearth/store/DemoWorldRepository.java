package org.hearth.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Which demo contracts were deployed, and which addresses funded, on which chain. */
public final class DemoWorldRepository {

    private final Database db;

    public DemoWorldRepository(Database db) {
        this.db = db;
    }

    /** Contract name to address, in deployment order, for the chain; empty when never deployed. */
    public Map<String, String> contracts(long chainId, String genesisHash) {
        Map<String, String> out = new LinkedHashMap<>();
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT name, address FROM demo_contract WHERE chain_id = ? AND genesis_hash = ? ORDER BY rowid")) {
            ps.setLong(1, chainId);
            ps.setString(2, genesisHash);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("Cannot read the demo deployment: " + e.getMessage(), e);
        }
    }

    /** Records a whole deployment in one transaction, replacing any earlier record for the chain. */
    public void saveContracts(long chainId, String genesisHash, Map<String, String> contracts) {
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement del = c.prepareStatement("DELETE FROM demo_contract WHERE chain_id = ? AND genesis_hash = ?");
                 PreparedStatement delFunding = c.prepareStatement("DELETE FROM demo_funding WHERE chain_id = ? AND genesis_hash = ?");
                 PreparedStatement ins = c.prepareStatement(
                         "INSERT INTO demo_contract(chain_id, genesis_hash, name, address, deployed_at) VALUES(?, ?, ?, ?, ?)")) {
                for (PreparedStatement ps : new PreparedStatement[] {del, delFunding}) {
                    ps.setLong(1, chainId);
                    ps.setString(2, genesisHash);
                    ps.executeUpdate();
                }
                String now = Instant.now().toString();
                for (Map.Entry<String, String> e : contracts.entrySet()) {
                    ins.setLong(1, chainId);
                    ins.setString(2, genesisHash);
                    ins.setString(3, e.getKey());
                    ins.setString(4, e.getValue());
                    ins.setString(5, now);
                    ins.addBatch();
                }
                ins.executeBatch();
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("Cannot record the demo deployment: " + e.getMessage(), e);
        }
    }

    /** Records one more contract of an existing deployment, keeping the others and the funding records. */
    public void addContract(long chainId, String genesisHash, String name, String address) {
        try (Connection c = db.connect();
             PreparedStatement ins = c.prepareStatement(
                     "INSERT OR REPLACE INTO demo_contract(chain_id, genesis_hash, name, address, deployed_at) VALUES(?, ?, ?, ?, ?)")) {
            ins.setLong(1, chainId);
            ins.setString(2, genesisHash);
            ins.setString(3, name);
            ins.setString(4, address);
            ins.setString(5, Instant.now().toString());
            ins.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("Cannot record the demo deployment: " + e.getMessage(), e);
        }
    }

    public boolean isFunded(long chainId, String genesisHash, String address) {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM demo_funding WHERE chain_id = ? AND genesis_hash = ? AND address = ?")) {
            ps.setLong(1, chainId);
            ps.setString(2, genesisHash);
            ps.setString(3, address.toLowerCase());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new StoreException("Cannot read demo funding: " + e.getMessage(), e);
        }
    }

    public void markFunded(long chainId, String genesisHash, String address) {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
                "INSERT OR IGNORE INTO demo_funding(chain_id, genesis_hash, address, funded_at) VALUES(?, ?, ?, ?)")) {
            ps.setLong(1, chainId);
            ps.setString(2, genesisHash);
            ps.setString(3, address.toLowerCase());
            ps.setString(4, Instant.now().toString());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("Cannot record demo funding: " + e.getMessage(), e);
        }
    }
}
