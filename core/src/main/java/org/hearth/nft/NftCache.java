package org.hearth.nft;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.hearth.store.Database;
import org.hearth.store.StoreException;

/**
 * Metadata and media by content hash: files named by their SHA-256 in {@code dir}, a table from URI to
 * hash. A file whose bytes no longer match its name is treated as missing (and removed), so a damaged
 * or tampered cache only costs a refetch. {@code data:} URIs are never cached: they carry their bytes.
 */
public final class NftCache implements AutoCloseable {

    private final Database db;
    private final Path dir;
    /**
     * One connection for the table, used by one caller at a time. A connection per call cost ~20 ms to open
     * and close, and concurrent writers waited in SQLite's busy handler (sleeps of up to 100 ms): 16
     * metadata fetches at once spent most of a cold gallery load here.
     */
    private Connection connection;

    public NftCache(Database db, Path dir) {
        this.db = db;
        this.dir = dir;
    }

    public Optional<NftContent.Fetched> get(String uri) {
        String[] row = sql("read", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT sha256, media_type FROM nft_cache WHERE uri = ?")) {
                ps.setString(1, uri);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? new String[] {rs.getString(1), rs.getString(2)} : null;
                }
            }
        });
        if (row == null) {
            return Optional.empty();
        }
        Path file = dir.resolve(row[0]);
        try {
            byte[] bytes = Files.readAllBytes(file);
            if (sha256(bytes).equals(row[0])) {
                return Optional.of(new NftContent.Fetched(uri, List.of("cache: sha-256 " + row[0]), bytes, row[1]));
            }
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // missing or unreadable: fetch again
        }
        forget(uri);
        return Optional.empty();
    }

    public void put(NftContent.Fetched f) {
        String hash = sha256(f.bytes());
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(hash);
            if (!Files.exists(file)) {
                Path tmp = Files.createTempFile(dir, hash, ".part");
                Files.write(tmp, f.bytes());
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            return; // a cache that cannot be written only costs a refetch later
        }
        sql("write", c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO nft_cache(uri, sha256, media_type, fetched_at) VALUES(?, ?, ?, ?) "
                    + "ON CONFLICT(uri) DO UPDATE SET sha256 = excluded.sha256, media_type = excluded.media_type, fetched_at = excluded.fetched_at")) {
                ps.setString(1, f.uri());
                ps.setString(2, hash);
                ps.setString(3, f.mediaType());
                ps.setLong(4, System.currentTimeMillis());
                return ps.executeUpdate();
            }
        });
    }

    /** Forgets {@code uri} (the refresh action): the next read fetches it again. */
    public void forget(String uri) {
        sql("change", c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM nft_cache WHERE uri = ?")) {
                ps.setString(1, uri);
                return ps.executeUpdate();
            }
        });
    }

    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private synchronized <T> T sql(String what, Work<T> work) {
        try {
            if (connection == null) {
                connection = db.connect();
            }
            return work.run(connection);
        } catch (SQLException e) {
            close(); // the next call opens a fresh connection
            throw new StoreException("Cannot " + what + " the NFT cache: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // closing: nothing left to keep
            }
            connection = null;
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
