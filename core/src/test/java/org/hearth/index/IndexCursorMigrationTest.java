package org.hearth.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import org.flywaydb.core.api.MigrationVersion;
import org.hearth.chain.RpcClient;
import org.hearth.store.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** V16 turns the block readers' shared progress (V5's index_block) into one cursor per reader, hashes included. */
class IndexCursorMigrationTest {

    @TempDir
    Path dir;

    @Test
    void theSharedBlockCheckpointBecomesEachReadersOwn() throws Exception {
        Path file = dir.resolve("hearth.db");
        Database v7 = Database.open(file, MigrationVersion.fromVersion("7"));
        try (Connection c = v7.connect(); PreparedStatement ps = c.prepareStatement("INSERT INTO index_block(chain_id, number, hash) VALUES(?, ?, ?)")) {
            for (long n = 40; n <= 42; n++) {
                ps.setLong(1, 31337);
                ps.setLong(2, n);
                ps.setString(3, "0x" + n);
                ps.executeUpdate();
            }
        }

        Database db = Database.open(file);
        List<IndexCursor> cursors = new Checkpoints(db, 31337).cursors(null);
        assertEquals(List.of(new IndexCursor("eth-incoming", "", 40, 42), new IndexCursor("eth-internal", "", 40, 42),
                new IndexCursor("eth-outgoing", "", 40, 42)), cursors);
        assertEquals("0x42", new Checkpoints(db, 31337).hashes("eth-outgoing", "").get(42L));
        // a reader made now resumes there (no node call is needed to know it)
        BlockIndexer indexer = new BlockIndexer(new RpcClient(java.net.URI.create("http://127.0.0.1:9/")), 31337, db, 0);
        indexer.subscribe(new IncomingTransfers(null, db));
        assertEquals(42, indexer.lastScanned());
        assertEquals(0, new Checkpoints(db, 1).cursors(null).size(), "other chains have no cursor");
    }
}
