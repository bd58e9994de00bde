package org.hearth.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.hearth.index.ChainLog;
import org.hearth.index.LogFilter;
import org.hearth.store.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the approvals subscriber stores and what a reorg rollback removes, on a real SQLite file. */
class ApprovalLogsTest {

    private static final String TOKEN = "0x5fbdb2315678afecb367f032d93f642f64180aa3";
    private static final String OWNER = "0x00000000000000000000000000000000000a11ce";
    private static final String SPENDER = "0x0000000000000000000000000000000000000b0b";
    private static final String TX = "0x" + "ab".repeat(32);
    private static final String BLOCK = "0x" + "cd".repeat(32);

    @TempDir
    Path dir;

    @Test
    void keepsGrantsOfTheOwnerAndRollsBackOnlyTheOwnersRowsFromTheBlockOn() throws Exception {
        Database db = Database.open(dir.resolve("hearth.db"));
        ApprovalLogs approvals = new ApprovalLogs(db);
        List<String> topics = List.of(ApprovalLogs.APPROVAL.topic0(), LogFilter.addressTopic(OWNER), LogFilter.addressTopic(SPENDER));
        ChainLog approval = new ChainLog(TOKEN, topics, "0x" + "0".repeat(63) + "1", 7, BLOCK, TX, 0);
        ChainLog singleNft = new ChainLog(TOKEN, List.of(ApprovalLogs.APPROVAL.topic0(), LogFilter.addressTopic(OWNER),
                LogFilter.addressTopic(SPENDER), "0x" + "0".repeat(63) + "5"), "0x", 7, BLOCK, TX, 1);
        try (Connection c = db.connect()) {
            approvals.write(c, 1, List.of(approval, singleNft));
        }
        List<ApprovalLogs.Grant> one = List.of(new ApprovalLogs.Grant(TOKEN, SPENDER, false));
        assertEquals(one, approvals.grants(1, OWNER.toUpperCase().replace("0X", "0x")), "ERC-721's single-token Approval is left out");

        try (Connection c = db.connect()) {
            approvals.rollback(c, 1, List.of(OWNER), 8);
            assertEquals(one, approvals.grants(1, OWNER), "a rollback after its block keeps it");
            approvals.rollback(c, 1, List.of(SPENDER), 7);
            assertEquals(one, approvals.grants(1, OWNER), "the spender is not a key of this subscriber");
            approvals.rollback(c, 2, List.of(OWNER), 7);
            assertEquals(one, approvals.grants(1, OWNER), "another chain");
            approvals.rollback(c, 1, List.of(OWNER), 7);
            assertEquals(List.of(), approvals.grants(1, OWNER));
        }
    }
}
