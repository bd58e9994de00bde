package org.hearth.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Map;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseMigrationTest {

    /** The newest migration in core/src/main/resources/org/hearth/store/migration. */
    private static final String LATEST = "37"; // V37 token_approvals (V30 renumbered above V36 at merge: Flyway refuses out-of-order migrations)

    @TempDir
    Path dir;

    @Test
    void emptyDatabaseMigratesToTheNewestSchemaInWalMode() throws Exception {
        Database db = Database.open(dir.resolve("hearth.db"));
        assertEquals(LATEST, db.schemaVersion());
        try (Connection c = db.connect(); ResultSet rs = c.createStatement().executeQuery("PRAGMA journal_mode")) {
            rs.next();
            assertEquals("wal", rs.getString(1));
        }
        new SettingsRepository(db).put("ui.theme", "DARK");
        assertEquals("DARK", new SettingsRepository(db).get("ui.theme").orElseThrow());
    }

    @Test
    void existingDatabaseKeepsItsDataWhenUpgraded() {
        Path file = dir.resolve("old.db");
        Database v1 = Database.open(file, MigrationVersion.fromVersion("1"));
        assertEquals("1", v1.schemaVersion());
        new SettingsRepository(v1).put("window.width", "1024");

        Database upgraded = Database.open(file);
        assertEquals(LATEST, upgraded.schemaVersion());
        assertEquals("1024", new SettingsRepository(upgraded).get("window.width").orElseThrow());
        DemoWorldRepository demo = new DemoWorldRepository(upgraded);
        demo.saveContracts(31337, "0xabc", Map.of("HearthToken", "0x01"));
        assertEquals(Map.of("HearthToken", "0x01"), demo.contracts(31337, "0xabc"));
        assertTrue(demo.contracts(31337, "0xdef").isEmpty(), "another genesis is another chain");

        // opening again is a no-op
        assertEquals(LATEST, Database.open(file).schemaVersion());
    }

    @Test
    void fundingIsRecordedPerChainAndCaseInsensitive() {
        DemoWorldRepository demo = new DemoWorldRepository(Database.open(dir.resolve("f.db")));
        demo.markFunded(1, "0xg", "0xABCDEF");
        assertTrue(demo.isFunded(1, "0xg", "0xabcdef"));
        assertFalse(demo.isFunded(1, "0xother", "0xabcdef"));
    }

    @Test
    void aCorruptFileGivesAClearErrorAndIsLeftAlone() throws Exception {
        Path file = dir.resolve("corrupt.db");
        byte[] garbage = "this is not a database at all, just some bytes".repeat(200).getBytes();
        Files.write(file, garbage);
        StoreException e = assertThrows(StoreException.class, () -> Database.open(file));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("Move the file aside"), e.getMessage());
        assertEquals(garbage.length, Files.size(file), "the file must not be overwritten");
    }
}
