package org.hearth.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationVersion;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The one SQLite database (WAL mode), brought to the newest schema by Flyway migrations in
 * {@code org/hearth/store/migration}. Connections are cheap in SQLite, so each operation opens one.
 */
public final class Database {

    private static final String MIGRATIONS = "classpath:org/hearth/store/migration";

    private final Path file;
    private final SQLiteDataSource dataSource;

    private Database(Path file, SQLiteDataSource dataSource) {
        this.file = file;
        this.dataSource = dataSource;
    }

    /** Opens (creating if needed) and migrates to the newest schema. */
    public static Database open(Path file) {
        return open(file, MigrationVersion.LATEST);
    }

    /** Opens and migrates up to {@code target}; tests use this to build an older schema. */
    public static Database open(Path file, MigrationVersion target) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (java.io.IOException e) {
            throw new StoreException("Cannot create the folder for the database " + file + ": " + e.getMessage(), e);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(5000);
        config.enforceForeignKeys(true);
        SQLiteDataSource ds = new SQLiteDataSource(config);
        ds.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        try {
            Flyway.configure()
                    .dataSource(ds)
                    .locations(MIGRATIONS)
                    .target(target)
                    .loggers("slf4j")
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new StoreException("store.cannotOpen", new Object[] {file, firstLine(e.getMessage())}, e);
        }
        return new Database(file, ds);
    }

    public Path file() {
        return file;
    }

    public Connection connect() {
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            throw new StoreException("Cannot open the database " + file + ": " + e.getMessage(), e);
        }
    }

    /** The applied schema version, for diagnostics and tests. */
    public String schemaVersion() {
        try (Connection c = connect(); var st = c.createStatement();
             var rs = st.executeQuery("SELECT version FROM flyway_schema_history WHERE success = 1 ORDER BY installed_rank DESC LIMIT 1")) {
            return rs.next() ? rs.getString(1) : "0";
        } catch (SQLException e) {
            throw new StoreException("Cannot read the schema version of " + file + ": " + e.getMessage(), e);
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unknown error";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).trim();
    }
}
