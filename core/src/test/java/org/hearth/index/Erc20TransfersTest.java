package org.hearth.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.hearth.store.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the ERC-20 subscriber stores from logs, on a real SQLite file. */
class Erc20TransfersTest {

    private static final String TOKEN = "0x5fbdb2315678afecb367f032d93f642f64180aa3";
    private static final String ALICE = "0x00000000000000000000000000000000000a11ce";
    private static final String BOB = "0x0000000000000000000000000000000000000b0b";
    private static final String TX = "0x" + "ab".repeat(32);
    private static final String BLOCK = "0x" + "cd".repeat(32);

    @TempDir
    Path dir;

    @Test
    void storesExactValuesOnceAndLeavesNftTransfersOut() throws Exception {
        Database db = Database.open(dir.resolve("hearth.db"));
        Erc20Transfers transfers = new Erc20Transfers(db);
        BigInteger max = BigInteger.TWO.pow(256).subtract(BigInteger.ONE);
        ChainLog erc20 = new ChainLog(TOKEN, List.of(Erc20Transfers.TRANSFER_TOPIC, LogFilter.addressTopic(ALICE), LogFilter.addressTopic(BOB)),
                "0x" + max.toString(16), 7, BLOCK, TX, 0);
        ChainLog erc721 = new ChainLog(TOKEN, List.of(Erc20Transfers.TRANSFER_TOPIC, LogFilter.addressTopic(ALICE), LogFilter.addressTopic(BOB),
                "0x" + "0".repeat(63) + "5"), "0x", 7, BLOCK, TX, 1);
        try (Connection c = db.connect()) {
            transfers.write(c, 1, List.of(erc20, erc721));
            transfers.write(c, 1, List.of(erc20)); // the same log found again through the other account's filter
        }

        assertEquals(1, transfers.count(1));
        assertEquals(List.of(new Erc20Transfer(TOKEN, 7, TX, 0, ALICE, BOB, max)), transfers.of(1, BOB.toUpperCase().replace("0X", "0x")));
        assertEquals(transfers.of(1, BOB), transfers.of(1, ALICE));
        assertEquals(0, transfers.count(2), "another chain");

        try (Connection c = db.connect()) {
            transfers.rollback(c, 1, List.of(BOB), 8);
            assertEquals(1, transfers.count(1), "a rollback after its block keeps it");
            transfers.rollback(c, 1, List.of("0x000000000000000000000000000000000000dead"), 7);
            assertEquals(1, transfers.count(1), "a rollback for another account keeps it");
            transfers.rollback(c, 1, List.of(BOB), 7);
            assertEquals(0, transfers.count(1));
        }
    }
}
