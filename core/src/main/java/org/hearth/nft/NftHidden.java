package org.hearth.nft;

import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.hearth.store.Database;
import org.hearth.store.StoreException;

/**
 * Tokens and whole collections the user hid, per chain (a collection is stored with token id ''), and
 * those the user unhid: an unhidden token stays shown even when a spam rule would hide it.
 */
public final class NftHidden {

    private final Database db;

    public NftHidden(Database db) {
        this.db = db;
    }

    /** Hides one token, or the whole collection when {@code tokenId} is null. */
    public void hide(long chainId, String contract, BigInteger tokenId) {
        update("INSERT OR IGNORE INTO nft_hidden(chain_id, contract, token_id) VALUES(?, ?, ?)", chainId, contract, tokenId);
        update("DELETE FROM nft_shown WHERE chain_id = ? AND contract = ? AND token_id = ?", chainId, contract, tokenId);
    }

    /** Shows a hidden token or collection again, and keeps it shown over the spam rules. */
    public void unhide(long chainId, String contract, BigInteger tokenId) {
        update("DELETE FROM nft_hidden WHERE chain_id = ? AND contract = ? AND token_id = ?", chainId, contract, tokenId);
        update("INSERT OR IGNORE INTO nft_shown(chain_id, contract, token_id) VALUES(?, ?, ?)", chainId, contract, tokenId);
    }

    /** Keys {@code contract} (whole collection) and {@code contract/id} of what is hidden on this chain. */
    public Set<String> all(long chainId) {
        return keys("SELECT contract, token_id FROM nft_hidden WHERE chain_id = ?", chainId);
    }

    /** Keys, as {@link #all}, of what the user unhid: shown whatever the spam rules say. */
    public Set<String> shown(long chainId) {
        return keys("SELECT contract, token_id FROM nft_shown WHERE chain_id = ?", chainId);
    }

    private Set<String> keys(String sql, long chainId) {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, chainId);
            Set<String> out = new HashSet<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(2).isEmpty() ? rs.getString(1) : rs.getString(1) + "/" + rs.getString(2));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("Cannot read hidden NFTs: " + e.getMessage(), e);
        }
    }

    public static boolean isHidden(Set<String> hidden, String contract, BigInteger tokenId) {
        String c = contract.toLowerCase(Locale.ROOT);
        return hidden.contains(c) || hidden.contains(c + "/" + tokenId);
    }

    private void update(String sql, long chainId, String contract, BigInteger tokenId) {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, chainId);
            ps.setString(2, contract.toLowerCase(Locale.ROOT));
            ps.setString(3, tokenId == null ? "" : tokenId.toString());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("Cannot change hidden NFTs: " + e.getMessage(), e);
        }
    }
}
