package org.hearth.dao;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.hearth.chain.Addresses;
import org.hearth.chain.RpcClient;
import org.hearth.chain.review.CallDecoder;
import org.hearth.chain.review.ReviewWarning;
import org.hearth.chain.session.ChainSession;
import org.hearth.node.DemoWorld;
import org.hearth.problem.HearthException;
import org.hearth.store.Database;
import org.hearth.store.DemoWorldRepository;
import org.hearth.testing.DevTx;
import org.hearth.testing.GovernanceWorld;
import org.hearth.testing.TestChain;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Governors, proposals from logs, tallies, actions in words and voting power on anvil with the demo world. */
class GovernanceTest {

    private static final BigInteger HRTH = GovernanceWorld.TOKEN;

    @TempDir
    static Path dir;
    private static TestChain chain;
    private static ChainSession session;
    private static Map<String, String> contracts;
    private static GovernanceWorld world;
    private static Governor demo;
    private static Governor shortGovernor;
    private static Proposals proposals;

    @BeforeAll
    static void start() throws InterruptedException {
        chain = TestChain.start(dir.resolve("chain"), 3600);
        Database db = Database.open(dir.resolve("hearth.db"));
        contracts = new DemoWorld(chain.rpc(), new DemoWorldRepository(db), dir.resolve("demo.lock")).ensure(GovernanceWorld.USER).contracts();
        world = GovernanceWorld.create(chain.rpc(), contracts);
        session = ChainSession.open(new RpcClient(chain.rpc().endpoint()), ChainSession.Kind.LOCAL, db, 0);
        Governors governors = new Governors(session);
        demo = governors.list().getFirst();
        shortGovernor = governors.add(world.governor);
        proposals = new Proposals(session);
        proposals.sync(demo);
        proposals.sync(shortGovernor);
    }

    @AfterAll
    static void stop() {
        session.close();
        chain.close();
    }

    @Test
    void theDemoGovernorIsCheckedAndAnAddedOneIsRemembered() {
        assertEquals(contracts.get("HearthGovernor"), demo.address());
        assertEquals("Hearth Governor", demo.name());
        assertEquals("1", demo.version());
        assertEquals("support=bravo&quorum=for,abstain", demo.countingMode());
        assertEquals(contracts.get("HearthToken"), demo.token());
        assertEquals(contracts.get("HearthTimelock"), demo.timelock());
        assertEquals(Governor.Clock.TIMESTAMP, demo.clock()); // HearthToken's ERC-6372 clock, followed by the governor
        assertEquals(Governor.Clock.BLOCK_NUMBER, shortGovernor.clock());
        List<String> known = new Governors(session).list().stream().map(Governor::address).toList();
        assertEquals(List.of(contracts.get("HearthGovernor"), Addresses.checksummed(world.governor)), known);
    }

    @Test
    void aContractThatIsNotAGovernorIsRefusedWithAReason() {
        HearthException token = assertThrows(HearthException.class, () -> Governors.inspect(session.rpc(), contracts.get("HearthToken")));
        assertEquals("dao.notGovernor", token.key());
        assertEquals("version()", token.args().get(1)); // the token answers name() but not version()
        HearthException eoa = assertThrows(HearthException.class, () -> Governors.inspect(session.rpc(), DevTx.ACCOUNTS[3]));
        assertEquals("dao.noCode", eoa.key());
        assertEquals("dao.badAddress", assertThrows(HearthException.class, () -> Governors.inspect(session.rpc(), "0x1234")).key());
    }

    @Test
    void bothClocksAreRead() {
        assertEquals(Governor.Clock.TIMESTAMP, Governor.Clock.parse("mode=timestamp"));
        assertEquals(Governor.Clock.BLOCK_NUMBER, Governor.Clock.parse("mode=blocknumber&from=default"));
        assertEquals(Governor.Clock.BLOCK_NUMBER, Governor.Clock.parse(null));
        assertEquals(BigInteger.valueOf(headTime()), proposals.clock(demo));
        assertEquals(BigInteger.valueOf(session.rpc().blockNumber()), proposals.clock(shortGovernor));
    }

    @Test
    void theDemoProposalsAreFoundFromLogsWithStatesTalliesAndVotes() {
        List<Proposal> list = proposals.live(demo);
        assertEquals(List.of("Fund GPU provider onboarding", "Reward the first providers", "Halve the provider stake", "Adopt a one-day voting period"),
                list.stream().map(Proposal::title).toList());
        Proposal active = list.get(0);
        Proposal executed = list.get(3);
        assertEquals(List.of(ProposalState.ACTIVE, ProposalState.SUCCEEDED, ProposalState.DEFEATED, ProposalState.EXECUTED),
                list.stream().map(Proposal::state).toList());
        assertNull(list.get(1).eta(), "succeeded and waiting to be queued");
        assertEquals(HRTH.multiply(BigInteger.valueOf(740_000)), list.get(2).againstVotes());
        assertEquals("A lower stake makes cheating cheap.", proposals.votes(demo, list.get(2).id()).getFirst().reason());
        BigInteger ownerVotes = HRTH.multiply(BigInteger.valueOf(740_000)); // 1,000,000 minus the treasury and the funded account
        assertEquals(ownerVotes, executed.forVotes());
        assertEquals(BigInteger.ZERO, executed.againstVotes());
        assertEquals(HRTH.multiply(BigInteger.valueOf(40_000)), executed.quorum()); // 4% of the supply at the snapshot
        assertTrue(executed.eta() != null && executed.eta().signum() > 0, "the executed proposal was queued with an ETA");
        assertNull(active.eta());
        assertEquals(Addresses.checksummed(GovernanceWorld.OWNER).toLowerCase(), executed.stored().proposer());

        List<Vote> votes = proposals.votes(demo, executed.id());
        assertEquals(1, votes.size());
        assertEquals(GovernanceWorld.OWNER.toLowerCase(), votes.getFirst().voter());
        assertEquals(Vote.Support.FOR, votes.getFirst().support());
        assertEquals(ownerVotes, votes.getFirst().weight());
    }

    @Test
    void canceledDefeatedAndSucceededProposalsWithVotesAndReasons() {
        assertEquals(ProposalState.CANCELED, live(world.canceledId).state());
        Proposal defeated = live(world.defeatedId);
        assertEquals(ProposalState.DEFEATED, defeated.state());
        assertEquals(HRTH.multiply(BigInteger.valueOf(10_000)), defeated.againstVotes());
        assertEquals(BigInteger.ZERO, defeated.forVotes());
        Vote against = proposals.votes(shortGovernor, world.defeatedId).getFirst();
        assertEquals("Fees are high enough", against.reason());
        assertEquals(Vote.Support.AGAINST, against.support());
        assertNull(against.params());

        Proposal succeeded = live(world.succeededId);
        assertEquals(ProposalState.SUCCEEDED, succeeded.state());
        assertEquals(HRTH.multiply(BigInteger.valueOf(740_000)), succeeded.forVotes());
        Vote withParams = proposals.votes(shortGovernor, world.succeededId).getFirst();
        assertEquals("Ship it", withParams.reason());
        assertEquals("0x0102", withParams.params()); // from VoteCastWithParams (empty params emit a plain VoteCast)
    }

    @Test
    void startAndEndAreEstimatedInTime() {
        ClockEstimates times = new ClockEstimates(session.rpc());
        // the demo governor's timepoints are times already: exact, and its vote is open a day
        StoredProposal active = proposals.live(demo).getFirst().stored();
        assertEquals(active.voteEnd().longValueExact(), times.unixSeconds(demo, active.voteEnd()));
        assertEquals(BigInteger.valueOf(86_400), active.voteEnd().subtract(active.voteStart()));
        assertTrue(active.voteEnd().longValueExact() > headTime(), "the open vote ends in the future");
        // a block-number governor's timepoints are blocks: a mined block's own time, a future block's estimate
        StoredProposal ended = proposals.require(shortGovernor, world.succeededId);
        long endBlockTime = org.hearth.chain.Hex.quantity(session.rpc().call("eth_getBlockByNumber",
                org.hearth.chain.Hex.quantity(ended.voteEnd().longValueExact()), false).path("timestamp").asText(), IllegalStateException::new).longValueExact();
        assertEquals(endBlockTime, times.unixSeconds(shortGovernor, ended.voteEnd()));
        long head = session.rpc().blockNumber();
        assertTrue(times.unixSeconds(shortGovernor, BigInteger.valueOf(head + 1_000)) > headTime(), "a block 1,000 ahead is in the future");
    }

    @Test
    void aVoteCastLaterIsCountedAfterTheNextSync() throws InterruptedException {
        Proposal before = proposals.live(demo).getFirst();
        new DevTx(chain.rpc()).call(GovernanceWorld.USER, demo.address(), "castVoteWithReason(uint256,uint8,string)", before.id(), 2, "Need details");
        proposals.sync(demo);
        Proposal after = proposals.live(demo).getFirst();
        assertEquals(before.abstainVotes().add(HRTH.multiply(BigInteger.valueOf(10_000))), after.abstainVotes());
        assertTrue(proposals.votes(demo, after.id()).stream().anyMatch(v -> v.reason().equals("Need details") && v.support() == Vote.Support.ABSTAIN));
    }

    @Test
    void actionsArePutIntoWords() {
        ProposalActions actions = new ProposalActions(session.rpc(), CallDecoder.shipped(), session.contracts());
        List<Proposal> demoList = proposals.live(demo);
        ProposalAction grant = actions.describe(demoList.get(0).stored()).getFirst();
        assertEquals(ProposalAction.TOKEN_TRANSFER, grant.key());
        assertEquals(List.of(HRTH.multiply(BigInteger.valueOf(5_000)).toString(), "18", "HRTH", GovernanceWorld.GRANTEE), grant.args());
        assertEquals(List.of(), grant.warnings());

        ProposalAction period = actions.describe(demoList.get(3).stored()).getFirst();
        assertEquals(ProposalAction.PARAMETER_CHANGE, period.key());
        assertEquals(List.of("HearthGovernor", "setVotingPeriod", "86400"), period.args());
        assertEquals(List.of("ComputeMarket", "setMinStake", HRTH.multiply(BigInteger.valueOf(50)).toString()),
                actions.describe(demoList.get(2).stored()).getFirst().args());

        ProposalAction fee = actions.describe(proposals.require(shortGovernor, world.defeatedId)).getFirst();
        assertEquals(ProposalAction.PARAMETER_CHANGE, fee.key());
        assertEquals(List.of("ComputeMarket", "setFeeBps", "500"), fee.args());

        List<ProposalAction> mixed = actions.describe(proposals.require(shortGovernor, world.succeededId));
        assertEquals(ProposalAction.ETH_TRANSFER, mixed.get(0).key());
        assertEquals(List.of(ReviewWarning.of(ProposalAction.ETH_LEAVES_TREASURY, HRTH.toString(), GovernanceWorld.ETH_RECIPIENT)),
                mixed.get(0).warnings());
        assertEquals(ProposalAction.RAW, mixed.get(1).key());
        assertEquals(List.of(ReviewWarning.of(ReviewWarning.NO_CODE, GovernanceWorld.UNKNOWN_TARGET),
                ReviewWarning.of(ReviewWarning.UNKNOWN_CALL, "0xdeadbeef")), mixed.get(1).warnings());
        assertEquals(ProposalAction.TOKEN_TRANSFER, mixed.get(2).key());
        assertEquals("100000000000000000000", mixed.get(2).args().getFirst());
    }

    @Test
    void anAddressThatLooksLikeAKnownContractIsFlagged() {
        ProposalActions actions = new ProposalActions(session.rpc(), CallDecoder.shipped(), session.contracts());
        String market = contracts.get("ComputeMarket").toLowerCase();
        String twin = market.substring(0, 6) + (market.charAt(6) == 'a' ? "b" : "a") + market.substring(7);
        ProposalAction a = actions.describe(0, contracts.get("HearthToken"), BigInteger.ZERO,
                org.hearth.chain.abi.Abi.encodeCall("transfer(address,uint256)", twin, BigInteger.ONE));
        assertEquals(ProposalAction.TOKEN_TRANSFER, a.key());
        assertEquals(List.of(ReviewWarning.of(ProposalAction.LOOK_ALIKE, Addresses.checksummed(twin), "ComputeMarket", contracts.get("ComputeMarket"))),
                a.warnings());
    }

    @Test
    void votingPowerAndWhyItIsZero() {
        DevTx dev = new DevTx(chain.rpc());
        Delegation delegation = new Delegation(session.rpc());
        String token = demo.token();
        String holder = DevTx.ACCOUNTS[3];
        String delegator = DevTx.ACCOUNTS[4];
        dev.call(GovernanceWorld.OWNER, token, "transfer(address,uint256)", holder, HRTH);
        dev.call(GovernanceWorld.OWNER, token, "transfer(address,uint256)", delegator, HRTH);
        dev.call(delegator, token, "delegate(address)", GovernanceWorld.USER);

        VotingPower user = delegation.of(demo, GovernanceWorld.USER, null);
        assertEquals(HRTH.multiply(BigInteger.valueOf(10_001)), user.votes());
        assertTrue(user.selfDelegated());
        assertNull(user.reason());

        assertEquals(VotingPower.Reason.NOT_DELEGATED, delegation.of(demo, holder, null).reason());
        VotingPower elsewhere = delegation.of(demo, delegator, null);
        assertEquals(VotingPower.Reason.DELEGATED_ELSEWHERE, elsewhere.reason());
        assertEquals(GovernanceWorld.USER, elsewhere.delegate());
        assertEquals(VotingPower.Reason.NO_TOKENS, delegation.of(demo, DevTx.ACCOUNTS[2], null).reason());

        // delegating now gives votes now, but not at the snapshot of a proposal already open
        dev.call(holder, token, "delegate(address)", holder);
        BigInteger snapshot = proposals.require(demo, proposals.live(demo).getFirst().id()).voteStart();
        VotingPower late = delegation.of(demo, holder, snapshot);
        assertEquals(HRTH, late.votes());
        assertEquals(BigInteger.ZERO, late.votesAtSnapshot());
        assertEquals(VotingPower.Reason.AFTER_SNAPSHOT, late.reason());
        assertEquals("after-snapshot", late.reason().code());

        // the same answer on the block-number governor: BVOTE that arrived after its proposals' snapshot blocks
        dev.call(GovernanceWorld.OWNER, world.votes, "transfer(address,uint256)", holder, HRTH);
        dev.call(holder, world.votes, "delegate(address)", holder);
        VotingPower lateInBlocks = delegation.of(shortGovernor, holder, proposals.require(shortGovernor, world.succeededId).voteStart());
        assertEquals(HRTH, lateInBlocks.votes());
        assertEquals(BigInteger.ZERO, lateInBlocks.votesAtSnapshot());
        assertEquals(VotingPower.Reason.AFTER_SNAPSHOT, lateInBlocks.reason());
    }

    @Test
    void aVoteEndingWithinADayIsNoticedOnEitherClock() {
        ClockEstimates times = new ClockEstimates(session.rpc());
        List<Proposal> demoLive = proposals.live(demo);
        java.util.Set<BigInteger> seen = new java.util.HashSet<>(demoLive.stream().map(Proposal::id).toList());
        List<String> demoNotices = GovernanceNotices.of(demo, demoLive, seen, headTime(), p -> times.unixSeconds(demo, p.stored().voteEnd()))
                .stream().map(n -> n.title() + ": " + n.kind()).toList();
        assertEquals(List.of("Fund GPU provider onboarding: VOTE_ENDS_SOON", "Reward the first providers: READY_TO_QUEUE"), demoNotices,
                "the day-long vote counted in seconds; the succeeded proposal waits to be queued");

        // on the block-number governor a new five-block vote ends within a day by the estimate of its end block's time
        DevTx dev = new DevTx(chain.rpc());
        dev.call(GovernanceWorld.OWNER, shortGovernor.address(), "propose(address[],uint256[],bytes[],string)", List.of(GovernanceWorld.GRANTEE),
                List.of(BigInteger.ZERO), List.of("0x"), "# Five blocks\n\nA short vote.");
        dev.mine(2);
        try {
            proposals.sync(shortGovernor);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        Proposal open = proposals.live(shortGovernor).stream().filter(p -> p.title().equals("Five blocks")).findFirst().orElseThrow();
        assertEquals(ProposalState.ACTIVE, open.state());
        List<GovernanceNotices.Kind> kinds = GovernanceNotices.of(shortGovernor, List.of(open), java.util.Set.of(open.id()), headTime(),
                p -> times.unixSeconds(shortGovernor, p.stored().voteEnd())).stream().map(GovernanceNotices.Notice::kind).toList();
        assertEquals(List.of(GovernanceNotices.Kind.VOTE_ENDS_SOON), kinds);
    }

    private static long headTime() {
        return org.hearth.chain.Hex.quantity(session.rpc().call("eth_getBlockByNumber", "latest", false).path("timestamp").asText(),
                IllegalStateException::new).longValueExact();
    }

    private static Proposal live(BigInteger id) {
        return proposals.live(shortGovernor, proposals.require(shortGovernor, id));
    }
}
