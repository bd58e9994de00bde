package org.hearth.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hearth.chain.Addresses;

/** Saved recipients with labels. Addresses are validated (EIP-55 when mixed case) and returned checksummed. */
public final class AddressBookRepository {

    public record Entry(String address, String label, String note) {
    }

    private static final int MAX_LABEL = 100;
    private static final int MAX_NOTE = 1000;

    private final Database db;

    public AddressBookRepository(Database db) {
        this.db = db;
    }

    /** Adds or relabels an address. */
    public Entry save(String address, String label, String note) {
        if (!Addresses.isValid(address)) {
            throw new IllegalArgumentException("Not a valid address (check the checksum): " + address);
        }
        String cleanLabel = label == null ? "" : label.strip();
        if (cleanLabel.isEmpty() || cleanLabel.length() > MAX_LABEL) {
            throw new IllegalArgumentException("A label needs 1 to " + MAX_LABEL + " characters");
        }
        String cleanNote = note == null ? "" : note.strip();
        if (cleanNote.length() > MAX_NOTE) {
            throw new IllegalArgumentException("A note can have at most " + MAX_NOTE + " characters");
        }
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO address_book(address, label, note, created_at) VALUES(?, ?, ?, ?) "
                        + "ON CONFLICT(address) DO UPDATE SET label = excluded.label, note = excluded.note")) {
            ps.setString(1, address.toLowerCase());
            ps.setString(2, cleanLabel);
            ps.setString(3, cleanNote);
            ps.setString(4, Instant.now().toString());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("Cannot save the address book entry: " + e.getMessage(), e);
        }
        return new Entry(Addresses.checksummed(address), cleanLabel, cleanNote);
    }

    public Optional<Entry> find(String address) {
        return query("SELECT address, label, note FROM address_book WHERE address = ?", address.toLowerCase()).stream().findFirst();
    }

    /** Sorted by label, case-insensitively. */
    public List<Entry> all() {
        return query("SELECT address, label, note FROM address_book ORDER BY label COLLATE NOCASE", null);
    }

    public boolean delete(String address) {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("DELETE FROM address_book WHERE address = ?")) {
            ps.setString(1, address.toLowerCase());
            return ps.executeUpdate() > 0;
        } catch (SQLException e) {
            throw new StoreException("Cannot delete the address book entry: " + e.getMessage(), e);
        }
    }

    private List<Entry> query(String sql, String arg) {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (arg != null) {
                ps.setString(1, arg);
            }
            List<Entry> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Entry(Addresses.checksummed(rs.getString(1)), rs.getString(2), rs.getString(3)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("Cannot read the address book: " + e.getMessage(), e);
        }
    }
}
