package org.hearth.chain.network;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hearth.store.Database;
import org.hearth.store.StoreException;

/** The {@code network} table: the local chain (always there) and the networks the user added. */
public final class NetworkRepository {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Database db;

    public NetworkRepository(Database db) {
        this.db = db;
    }

    /** The local chain first, then the others by name. */
    public List<Network> list() {
        List<Network> out = new ArrayList<>();
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT name, chain_id, rpc_urls, currency, explorer, is_local FROM network ORDER BY is_local DESC, name COLLATE NOCASE")) {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Network(rs.getString(1), rs.getLong(2), urls(rs.getString(3)), rs.getString(4), rs.getString(5), rs.getInt(6) == 1));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("Cannot read the networks: " + e.getMessage(), e);
        }
    }

    /** By name, without regard to case. */
    public Optional<Network> byName(String name) {
        return list().stream().filter(n -> n.name().equalsIgnoreCase(name.strip())).findFirst();
    }

    /** Adds {@code network}, or replaces the one stored under {@code previousName} (null: a new one). */
    public void save(Network network, String previousName) {
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            try {
                if (previousName != null) {
                    try (PreparedStatement del = c.prepareStatement("DELETE FROM network WHERE name = ? AND is_local = 0")) {
                        del.setString(1, previousName);
                        del.executeUpdate();
                    }
                }
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO network(name, chain_id, rpc_urls, currency, explorer, is_local, added_at) VALUES(?, ?, ?, ?, ?, 0, ?)")) {
                    ps.setString(1, network.name());
                    ps.setLong(2, network.chainId());
                    ps.setString(3, JSON.writeValueAsString(network.rpcUrls().stream().map(URI::toString).toList()));
                    ps.setString(4, network.currency());
                    ps.setString(5, network.explorer());
                    ps.setString(6, Instant.now().toString());
                    ps.executeUpdate();
                }
                c.commit();
            } catch (SQLException | JsonProcessingException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new StoreException("Cannot save the network " + network.name() + ": " + e.getMessage(), e);
        }
    }

    /** Removes a user-added network; the local chain stays. */
    public boolean remove(String name) {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("DELETE FROM network WHERE name = ? AND is_local = 0")) {
            ps.setString(1, name.strip());
            return ps.executeUpdate() > 0;
        } catch (SQLException e) {
            throw new StoreException("Cannot remove the network " + name + ": " + e.getMessage(), e);
        }
    }

    private static List<URI> urls(String json) {
        try {
            return List.of(JSON.readValue(json, String[].class)).stream().map(URI::create).toList();
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new StoreException("A stored network has unreadable RPC URLs: " + e.getMessage(), e);
        }
    }
}
