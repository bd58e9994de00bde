package org.hearth.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Contracts the user added by name, per chain id. Addresses stored lower-case. */
public final class KnownContractRepository {

    /** One stored contract; {@code artifact} is null when Hearth ships no ABI for it. */
    public record Entry(String address, String name, String artifact) {
    }

    private final Database db;

    public KnownContractRepository(Database db) {
        this.db = db;
    }

    /** The chain's contracts, by name. */
    public List<Entry> list(long chainId) {
        List<Entry> out = new ArrayList<>();
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT address, name, artifact FROM known_contract WHERE chain_id = ? ORDER BY name COLLATE NOCASE")) {
            ps.setLong(1, chainId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Entry(rs.getString(1), rs.getString(2), rs.getString(3)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("Cannot read the known contracts: " + e.getMessage(), e);
        }
    }

    /** Adds the contract, or renames the one already stored at that address. */
    public void put(long chainId, String address, String name, String artifact) {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO known_contract(chain_id, address, name, artifact, added_at) VALUES(?, ?, ?, ?, ?) "
                        + "ON CONFLICT(chain_id, address) DO UPDATE SET name = excluded.name, artifact = excluded.artifact")) {
            ps.setLong(1, chainId);
            ps.setString(2, address.toLowerCase(Locale.ROOT));
            ps.setString(3, name);
            ps.setString(4, artifact);
            ps.setString(5, Instant.now().toString());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("Cannot save the contract " + name + ": " + e.getMessage(), e);
        }
    }

    public boolean remove(long chainId, String address) {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
                "DELETE FROM known_contract WHERE chain_id = ? AND address = ?")) {
            ps.setLong(1, chainId);
            ps.setString(2, address.toLowerCase(Locale.ROOT));
            return ps.executeUpdate() > 0;
        } catch (SQLException e) {
            throw new StoreException("Cannot remove the contract " + address + ": " + e.getMessage(), e);
        }
    }
}
