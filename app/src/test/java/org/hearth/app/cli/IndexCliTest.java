package org.hearth.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.hearth.testing.TestChain;
import org.hearth.testing.TransferEmitters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hearth index sync} in a child JVM, killed with SIGKILL mid-sync, then resumed: every event once. */
class IndexCliTest {

    private static final String ALICE = "0x00000000000000000000000000000000000a11ce";
    private static final String CAROL = "0x00000000000000000000000000000000000ca201";
    private static final int BLOCKS = 150;
    private static final int PER_BLOCK = 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private TestChain node;

    @BeforeEach
    void start() {
        node = TestChain.start(dir.resolve("chain-data"), 3600);
    }

    @AfterEach
    void stop() {
        node.close();
    }

    @Test
    void aSyncKilledMidwayResumesWithNoDuplicateAndNoMissingRow() throws Exception {
        TransferEmitters emitter = TransferEmitters.deploy(node.rpc());
        for (int b = 0; b < BLOCKS; b++) {
            emitter.emitAndMine(ALICE, CAROL, PER_BLOCK, 1000L * b);
        }
        Path data = dir.resolve("hearth");
        String rpc = node.rpc().endpoint().toString();

        // one block per eth_getLogs call, so the sync takes long enough to be caught midway
        Path out = dir.resolve("sync.out");
        Path err = dir.resolve("sync.err");
        Process sync = CliProcess.start(data, out, err, "--rpc", rpc, "index", "sync", "--account", ALICE, "--max-range", "1");
        Path db = data.resolve("hearth.db");
        long atKill = -1;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (sync.isAlive() && System.nanoTime() < deadline) {
            long rows = rows(db);
            if (rows > 0) {
                sync.destroyForcibly(); // SIGKILL: no shutdown hook, a transaction may be half written
                sync.waitFor();
                atKill = rows;
                break;
            }
            Thread.sleep(5);
        }
        assertTrue(atKill > 0 && atKill < (long) BLOCKS * PER_BLOCK, "killed mid-sync, with " + atKill + " rows stored");

        // no --account: the watched account was kept with its checkpoint
        Cli.Run resumed = CliProcess.run(data, "--rpc", rpc, "index", "sync", "--json");
        assertEquals(0, resumed.exit(), resumed.err());
        JsonNode result = JSON.readTree(resumed.out());
        assertEquals(BLOCKS * PER_BLOCK, result.path("erc20Transfers").asLong());
        assertTrue(result.path("events").asLong() < (long) BLOCKS * PER_BLOCK, "the resumed run did not start over");

        List<Long> expected = LongStream.range(0, BLOCKS).boxed()
                .flatMap(b -> LongStream.range(0, PER_BLOCK).mapToObj(i -> 1000L * b + i)).toList();
        assertEquals(expected, values(db), "every emitted event exactly once");

        Cli.Run status = CliProcess.run(data, "--rpc", rpc, "index", "status", "--json");
        assertEquals(0, status.exit(), status.err());
        JsonNode cursor = null;
        for (JsonNode c : JSON.readTree(status.out()).path("cursors")) {
            if (c.path("subscriber").asText().equals("erc20-transfers")) {
                cursor = c;
            }
        }
        assertEquals(ALICE, cursor == null ? null : cursor.path("key").asText());
        assertEquals(0, cursor.path("behind").asLong());
    }

    /** Rows stored so far, read without Flyway (the child owns the migrations); 0 while the table is not there yet. */
    private static long rows(Path db) {
        if (!Files.exists(db)) {
            return 0;
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); ResultSet rs = c.createStatement()
                .executeQuery("SELECT COUNT(*) FROM erc20_transfer")) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException e) {
            return 0;
        }
    }

    private static List<Long> values(Path db) throws SQLException {
        List<Long> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); ResultSet rs = c.createStatement()
                .executeQuery("SELECT value FROM erc20_transfer ORDER BY block_number, log_index")) {
            while (rs.next()) {
                out.add(Long.parseLong(rs.getString(1)));
            }
        }
        return out;
    }
}
