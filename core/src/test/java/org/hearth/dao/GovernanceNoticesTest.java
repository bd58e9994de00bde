package org.hearth.dao;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.hearth.store.Database;
import org.hearth.store.SettingsRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which proposals a user hears about, and the seen ids kept in a real SQLite settings table. */
class GovernanceNoticesTest {

    private static final long NOW = 1_800_000_000L;
    private static final Governor WITH_TIMELOCK = governor("0x00000000000000000000000000000000000000aa");
    private static final Governor DIRECT = new Governor("0x00000000000000000000000000000000000000Bb", "G", "1", "", "0x1", null,
            Governor.Clock.TIMESTAMP);

    @TempDir
    Path dir;

    @Test
    void eachStateGivesItsNoticeAndUnseenOpenProposalsAreNew() {
        List<Proposal> live = List.of(
                proposal(1, ProposalState.ACTIVE, NOW + 3_600, null),         // ends within the hour
                proposal(2, ProposalState.ACTIVE, NOW + 3 * 86_400, null),    // ends in three days
                proposal(3, ProposalState.SUCCEEDED, NOW - 10, null),
                proposal(4, ProposalState.QUEUED, NOW - 10, NOW - 1),          // ETA passed
                proposal(5, ProposalState.QUEUED, NOW - 10, NOW + 60),         // still waiting
                proposal(6, ProposalState.EXECUTED, NOW - 10, NOW - 100));
        List<GovernanceNotices.Notice> notices = GovernanceNotices.of(WITH_TIMELOCK, live, Set.of(BigInteger.ONE, BigInteger.valueOf(3),
                BigInteger.valueOf(4), BigInteger.valueOf(5)), NOW, p -> p.stored().voteEnd().longValueExact());
        assertEquals(List.of("1 VOTE_ENDS_SOON", "2 NEW", "3 READY_TO_QUEUE", "4 READY_TO_EXECUTE"),
                notices.stream().map(n -> n.proposalId() + " " + n.kind()).toList(),
                "an executed proposal is never news, a queued one waiting for its ETA is not ready");
        assertEquals(GovernanceNotices.Kind.READY_TO_EXECUTE, GovernanceNotices.of(DIRECT, List.of(proposal(3, ProposalState.SUCCEEDED, NOW, null)),
                Set.of(BigInteger.valueOf(3)), NOW, p -> NOW).getFirst().kind(), "without a timelock a succeeded proposal executes directly");
    }

    @Test
    void seenIdsArePerChainAndGovernorAndAccumulate() {
        SettingsRepository settings = new SettingsRepository(Database.open(dir.resolve("hearth.db")));
        assertNull(GovernanceNotices.seen(settings, 1, WITH_TIMELOCK), "never looked at");
        GovernanceNotices.markSeen(settings, 1, WITH_TIMELOCK, List.of(BigInteger.ONE));
        GovernanceNotices.markSeen(settings, 1, WITH_TIMELOCK, List.of(new BigInteger("9".repeat(77))));
        assertEquals(Set.of(BigInteger.ONE, new BigInteger("9".repeat(77))), GovernanceNotices.seen(settings, 1, WITH_TIMELOCK));
        assertNull(GovernanceNotices.seen(settings, 2, WITH_TIMELOCK));
        assertNull(GovernanceNotices.seen(settings, 1, DIRECT));
        GovernanceNotices.markSeen(settings, 1, DIRECT, List.of());
        assertEquals(Set.of(), GovernanceNotices.seen(settings, 1, DIRECT));
    }

    private static Governor governor(String address) {
        return new Governor(address, "G", "1", "", "0x1", "0x00000000000000000000000000000000000000cc", Governor.Clock.TIMESTAMP);
    }

    private static Proposal proposal(long id, ProposalState state, long voteEnd, Long eta) {
        StoredProposal s = new StoredProposal("0xaa", BigInteger.valueOf(id), "0x01", List.of(), List.of(), List.of(), "# P" + id,
                BigInteger.valueOf(NOW - 1_000), BigInteger.valueOf(voteEnd), 1, "0x");
        return new Proposal(s, state, BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO, eta == null ? null : BigInteger.valueOf(eta));
    }
}
