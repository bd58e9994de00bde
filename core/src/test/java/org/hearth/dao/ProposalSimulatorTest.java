package org.hearth.dao;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.hearth.chain.Addresses;
import org.hearth.chain.RpcClient;
import org.hearth.chain.abi.ContractCalls;
import org.hearth.chain.session.ChainSession;
import org.hearth.node.DemoWorld;
import org.hearth.store.Database;
import org.hearth.store.DemoWorldRepository;
import org.hearth.testing.GovernanceWorld;
import org.hearth.testing.TestChain;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Proposals simulated as their timelock on a throwaway anvil fork of a real anvil: effects, reverts, and the fork gone after. */
class ProposalSimulatorTest {

    private static final BigInteger HRTH = GovernanceWorld.TOKEN;

    @TempDir
    static Path dir;
    private static TestChain chain;
    private static ChainSession session;
    private static Map<String, String> contracts;
    private static GovernanceWorld world;
    private static Governor shortGovernor;
    private static Proposals proposals;

    @BeforeAll
    static void start() throws InterruptedException {
        chain = TestChain.start(dir.resolve("chain"), 3600);
        Database db = Database.open(dir.resolve("hearth.db"));
        contracts = new DemoWorld(chain.rpc(), new DemoWorldRepository(db), dir.resolve("demo.lock")).ensure(GovernanceWorld.USER).contracts();
        world = GovernanceWorld.create(chain.rpc(), contracts);
        session = ChainSession.open(new RpcClient(chain.rpc().endpoint()), ChainSession.Kind.LOCAL, db, 0);
        shortGovernor = new Governors(session).add(world.governor);
        proposals = new Proposals(session);
        proposals.sync(shortGovernor);
    }

    @AfterAll
    static void stop() {
        session.close();
        chain.close();
    }

    @Test
    void aPassingProposalShowsItsEventsAndBalanceChangesAndLeavesTheChainAsItWas() {
        String token = contracts.get("HearthToken");
        String timelock = Addresses.checksummed(world.timelock);
        BigInteger granteeBefore = balance(token, GovernanceWorld.GRANTEE);
        long headBefore = chain.rpc().blockNumber();

        Simulation s = new ProposalSimulator(session).simulate(shortGovernor, proposals.require(shortGovernor, world.succeededId), null);

        assertTrue(s.succeeded(), s.toString());
        assertEquals(timelock, s.executor());
        assertEquals(List.of(true, true, true), s.actions().stream().map(Simulation.ActionOutcome::success).toList());
        Simulation.SimulatedEvent transfer = s.actions().get(2).events().getFirst();
        assertEquals(token, transfer.address());
        assertEquals("Transfer", transfer.name());
        assertEquals(List.of("from: " + timelock, "to: " + GovernanceWorld.GRANTEE, "value: " + HRTH.multiply(BigInteger.valueOf(100))),
                transfer.args());
        assertTrue(s.balanceChanges().contains(new Simulation.BalanceChange(timelock, null, "ETH", 18, HRTH, BigInteger.ZERO)), s.toString());
        assertTrue(s.balanceChanges().stream().anyMatch(c -> c.account().equals(GovernanceWorld.ETH_RECIPIENT) && c.token() == null
                && c.delta().equals(HRTH)), s.toString());
        assertTrue(s.balanceChanges().contains(new Simulation.BalanceChange(timelock, token, "HRTH", 18, HRTH.multiply(BigInteger.valueOf(100)),
                BigInteger.ZERO)), s.toString());
        assertTrue(s.balanceChanges().stream().anyMatch(c -> c.account().equals(GovernanceWorld.GRANTEE) && token.equals(c.token())
                && c.delta().equals(HRTH.multiply(BigInteger.valueOf(100)))), s.toString());

        // the Transfer's amount can be shown with the token's decimals and symbol, and every known address named
        assertEquals(new Simulation.Token(18, "HRTH"), transfer.token());
        assertEquals(HRTH.multiply(BigInteger.valueOf(100)), transfer.values().get(2).value());
        java.util.Map<String, String> names = SimulationNames.of(s, shortGovernor, session.contracts(),
                a -> a.equals(GovernanceWorld.GRANTEE) ? java.util.Optional.of("Grants desk") : java.util.Optional.empty());
        assertEquals("HearthToken", names.get(token));
        assertEquals("Grants desk", names.get(GovernanceWorld.GRANTEE), "from the address book");
        assertFalse(names.containsKey(GovernanceWorld.ETH_RECIPIENT), "an unknown address has no name");

        assertFalse(ProcessHandle.of(s.forkPid()).map(ProcessHandle::isAlive).orElse(false), "the fork is stopped");
        assertEquals(granteeBefore, balance(token, GovernanceWorld.GRANTEE), "the real chain is untouched");
        assertEquals(headBefore, chain.rpc().blockNumber());
    }

    @Test
    void aRevertingActionIsReportedWithItsDecodedReason() {
        // the defeated proposal asks this governor's timelock to set the market fee, but the market belongs to the demo timelock
        Simulation s = new ProposalSimulator(session).simulate(shortGovernor, proposals.require(shortGovernor, world.defeatedId), null);
        assertFalse(s.succeeded());
        Simulation.ActionOutcome fee = s.actions().getFirst();
        assertFalse(fee.success());
        assertEquals("NotTimelock()", fee.revertReason());
        assertTrue(fee.events().isEmpty());
        assertTrue(s.balanceChanges().isEmpty(), s.toString());
        assertFalse(ProcessHandle.of(s.forkPid()).map(ProcessHandle::isAlive).orElse(false), "the fork is stopped");
    }

    @Test
    void theDemoGrantRunsAsTheDemoTimelockPastItsDelay() throws InterruptedException {
        Governor demo = new Governors(session).list().getFirst();
        proposals.sync(demo);
        StoredProposal grant = proposals.stored(demo).stream().filter(p -> p.title().equals("Fund GPU provider onboarding")).findFirst().orElseThrow();
        Simulation s = new ProposalSimulator(session).simulate(demo, grant, null);
        assertTrue(s.succeeded(), s.toString());
        assertNull(s.actions().getFirst().revertReason());
        assertTrue(s.balanceChanges().stream().anyMatch(c -> c.account().equals(demo.timelock()) && c.delta().equals(HRTH.multiply(BigInteger.valueOf(-5_000)))),
                s.toString());
        // the treasury (the demo timelock) and the token are named from the session's contracts
        java.util.Map<String, String> names = SimulationNames.of(s, demo, session.contracts(), a -> java.util.Optional.empty());
        assertEquals("HearthTimelock", names.get(demo.timelock()));
        assertEquals("HearthToken", names.get(demo.token()));
    }

    @Test
    void aDraftIsSimulatedBeforeProposingAndAPendingProposalIsCanceledByItsProposer() throws InterruptedException {
        ProposalDraft draft = new ProposalDraft("# Cancel me\n\nA draft.", ActionsFile.encode(List.of(
                new ActionsFile.Entry(GovernanceWorld.ETH_RECIPIENT, "1", "", List.of()))));
        Simulation s = new ProposalSimulator(session).simulate(shortGovernor, draft.asStored(shortGovernor, GovernanceWorld.OWNER), null);
        assertTrue(s.succeeded(), s.toString());
        assertTrue(s.balanceChanges().stream().anyMatch(c -> c.account().equals(GovernanceWorld.ETH_RECIPIENT) && c.token() == null
                && c.delta().equals(BigInteger.ONE)), s.toString());
        ProposalDraft.checkThreshold(session, shortGovernor, GovernanceWorld.OWNER);
        org.hearth.testing.DevTx dev = new org.hearth.testing.DevTx(chain.rpc());
        dev.send(GovernanceWorld.OWNER, shortGovernor.address(), BigInteger.ZERO, draft.proposeCall());
        BigInteger id = draft.id(session, shortGovernor);
        proposals.sync(shortGovernor);
        StoredProposal stored = proposals.require(shortGovernor, id);
        assertEquals(ProposalState.PENDING, proposals.live(shortGovernor, stored).state());
        dev.send(GovernanceWorld.OWNER, shortGovernor.address(), BigInteger.ZERO, ProposalCalls.cancel(stored));
        assertEquals(ProposalState.CANCELED, proposals.live(shortGovernor, stored).state());
    }

    private static BigInteger balance(String token, String account) {
        return (BigInteger) new ContractCalls(chain.rpc()).readOne(token, "balanceOf(address)(uint256)", account);
    }
}
