package org.hearth.tokens;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.hearth.store.Database;
import org.hearth.store.StoreException;

/** The {@code token} table (V20): tokens per chain with their metadata, source and hidden flag. */
public final class TokenRepository {

    private static final String COLUMNS = "chain_id, address, name, symbol, decimals, source, hidden, spam_reason";

    private final Database db;

    public TokenRepository(Database db) {
        this.db = db;
    }

    /** Every token of the chain, hidden ones included, by symbol. */
    public List<Token> all(long chainId) {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT " + COLUMNS + " FROM token WHERE chain_id = ? ORDER BY symbol COLLATE NOCASE, address")) {
            ps.setLong(1, chainId);
            List<Token> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("Cannot read tokens: " + e.getMessage(), e);
        }
    }

    public Optional<Token> find(long chainId, String address) {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT " + COLUMNS + " FROM token WHERE chain_id = ? AND address = ?")) {
            ps.setLong(1, chainId);
            ps.setString(2, address.toLowerCase(Locale.ROOT));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("Cannot read a token: " + e.getMessage(), e);
        }
    }

    /** Inserts or replaces the token's metadata; an existing row keeps its hidden flag. */
    public void save(Token t) {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO token(" + COLUMNS + ", added_at) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT(chain_id, address) DO UPDATE SET name = excluded.name, symbol = excluded.symbol, "
                        + "decimals = excluded.decimals")) {
            ps.setLong(1, t.chainId());
            ps.setString(2, t.address());
            ps.setString(3, t.name());
            ps.setString(4, t.symbol());
            ps.setInt(5, t.decimals());
            ps.setString(6, t.source().name());
            ps.setInt(7, t.hidden() ? 1 : 0);
            ps.setString(8, t.spamReason());
            ps.setString(9, Instant.now().toString());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("Cannot save a token: " + e.getMessage(), e);
        }
    }

    /** Returns false when the chain has no such token. Either way a spam rule's verdict is dropped: the user has decided. */
    public boolean setHidden(long chainId, String address, boolean hidden) {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
                "UPDATE token SET hidden = ?, spam_reason = NULL WHERE chain_id = ? AND address = ?")) {
            ps.setInt(1, hidden ? 1 : 0);
            ps.setLong(2, chainId);
            ps.setString(3, address.toLowerCase(Locale.ROOT));
            return ps.executeUpdate() > 0;
        } catch (SQLException e) {
            throw new StoreException("Cannot hide a token: " + e.getMessage(), e);
        }
    }

    private static Token row(ResultSet rs) throws SQLException {
        return new Token(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                Token.Source.valueOf(rs.getString(6)), rs.getInt(7) != 0, rs.getString(8));
    }
}
