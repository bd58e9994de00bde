package org.hearth.market.agent;

import static org.hearth.market.agent.ProviderHarness.await;
import static org.hearth.market.agent.ProviderHarness.hrth;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hearth.chain.Addresses;
import org.hearth.chain.abi.ContractCalls;
import org.hearth.compute.blob.BlobServer;
import org.hearth.compute.blob.BlobStore;
import org.hearth.compute.job.GemmBlobs;
import org.hearth.dao.Governor;
import org.hearth.dao.Governors;
import org.hearth.dao.Proposals;
import org.hearth.dao.StoredProposal;
import org.hearth.market.JobState;
import org.hearth.market.MarketJob;
import org.hearth.market.MarketJobs;
import org.hearth.market.MarketProvider;
import org.hearth.market.requester.AnvilDevKeys;
import org.hearth.market.requester.JobOutcome;
import org.hearth.market.requester.PostedJob;
import org.hearth.market.requester.ProviderTrustRepository;
import org.hearth.market.requester.Requester;
import org.hearth.market.requester.ResultReview;
import org.hearth.market.requester.ResultVerifier;
import org.hearth.market.requester.SpotCheckPolicy;
import org.hearth.market.requester.TxGate;
import org.hearth.testing.DevTx;
import org.hearth.testing.MarketWorld;
import org.hearth.testing.ScriptedProvider;
import org.hearth.testing.TestMatrices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Hash;

/**
 * The market at scale on one anvil: 200 small gemm jobs from one requester, run by three provider
 * agents in market mode and one scripted provider that tampers with every result. Every tampered result is
 * disputed, and each dispute's proposal passes a real vote (delegated votes cast For, the day-long voting period
 * passed in chain time, queued, the timelock delay passed) and executes, slashing the cheater; the honest agents are paid,
 * and the treasury's fees and every balance add up to the wei.
 */
class MarketAtScaleTest {

    private static final int JOBS = 200;
    private static final int TAMPERED = 4;
    private static final int BATCH = 14;
    private static final int DIM = 8;
    private static final int REQUESTER_INDEX = 5;
    private static final int CHEATER_INDEX = 2;
    private static final int[] AGENT_INDEXES = {3, 6, 7};
    private static final String VOTER = AnvilDevKeys.address(8);
    private static final BigInteger FUNDS = hrth(1_000);
    private static final BigInteger BPS = BigInteger.valueOf(10_000);

    @TempDir
    Path dir;

    @Test
    void twoHundredJobsFourProvidersOneCheaterSlashedByAVoteAndEveryBalanceExact() throws Exception {
        try (MarketWorld w = MarketWorld.start(dir, null).automine();
             BlobServer served = BlobServer.startLoopback(new BlobStore(dir.resolve("requester-blobs"), BlobStore.DEFAULT_MAX_BYTES));
             ScriptedProvider cheater = new ScriptedProvider(w, DevTx.ACCOUNTS[CHEATER_INDEX], dir.resolve("cheater-blobs"))) {
            ContractCalls calls = new ContractCalls(w.session.rpc());
            String token = w.token();
            String treasury = w.market.timelock();
            // The owner's votes go to a voter before any dispute is proposed, so every proposal's snapshot counts them.
            w.dev.call(MarketWorld.OWNER, token, "delegate(address)", VOTER);
            String requester = AnvilDevKeys.address(REQUESTER_INDEX);
            w.dev.call(MarketWorld.OWNER, token, "transfer(address,uint256)", requester, FUNDS);
            BigInteger treasuryBefore = w.market.credits(treasury);
            Requester r = new Requester(w.session, w.market, new MarketJobs(w.db), new BlobStore(dir.resolve("requester-blobs"), BlobStore.DEFAULT_MAX_BYTES),
                    served.base(), AnvilDevKeys.signer(REQUESTER_INDEX), TxGate.always(),
                    new ResultReview.Checks(SpotCheckPolicy.standard(), new ProviderTrustRepository(w.db), ResultVerifier.standard()),
                    Requester.Options.defaults());
            r.ensureAllowance(FUNDS);

            // The cheater runs the first jobs (before any agent is up) and tampers with each: two errors in one row.
            cheater.register();
            List<PostedJob> cheated = new ArrayList<>();
            for (int i = 0; i < TAMPERED; i++) {
                PostedJob job = post(r, i);
                cheater.complete(job.id(), served.base(), job.spec(), MarketAtScaleTest::tamper);
                cheated.add(job);
            }
            List<JobOutcome> disputes = r.awaitAll(cheated, Duration.ofSeconds(60));
            for (JobOutcome d : disputes) {
                assertEquals(JobOutcome.Status.DISPUTED, d.status(), String.valueOf(d));
                assertNotNull(d.proposalId(), d.note());
            }

            // Each dispute's proposal: voted For by the delegate, the day-long voting period passed (the governor
            // counts seconds, so chain time moves at once), queued, delayed, executed: inside the market's resolve window.
            Governor governor = new Governors(w.session).pick(null);
            assertEquals(Governor.Clock.TIMESTAMP, governor.clock());
            Proposals proposals = new Proposals(w.session);
            proposals.sync(governor);
            List<StoredProposal> stored = disputes.stream().map(d -> proposals.require(governor, d.proposalId())).toList();
            BigInteger votingDelay = (BigInteger) calls.readOne(governor.address(), "votingDelay()(uint256)");
            w.passTime(votingDelay.longValueExact() + 1);
            for (StoredProposal p : stored) {
                assertEquals(1, state(calls, governor, p), "active");
                w.dev.call(VOTER, governor.address(), "castVote(uint256,uint8)", p.id(), 1);
            }
            BigInteger period = (BigInteger) calls.readOne(governor.address(), "votingPeriod()(uint256)");
            assertEquals(BigInteger.valueOf(86_400), period, "one day, in seconds");
            w.passTime(period.longValueExact() + 1);
            for (StoredProposal p : stored) {
                assertEquals(4, state(calls, governor, p), "succeeded");
                w.dev.call(VOTER, governor.address(), "queue(address[],uint256[],bytes[],bytes32)", lifecycle(p));
                assertEquals(5, state(calls, governor, p), "queued");
            }
            BigInteger delay = (BigInteger) calls.readOne(treasury, "getMinDelay()(uint256)");
            w.passTime(delay.longValueExact() + 1);
            for (StoredProposal p : stored) {
                w.dev.call(VOTER, governor.address(), "execute(address[],uint256[],bytes[],bytes32)", lifecycle(p));
                assertEquals(7, state(calls, governor, p), "executed");
            }

            // Three agents run the rest; the requester posts in batches and reviews each within the review window.
            Map<String, BigInteger> earned = new HashMap<>();
            Map<BigInteger, BigInteger> fees = new HashMap<>();
            BigInteger paidByRequester = BigInteger.ZERO;
            List<ProviderHarness> agents = new ArrayList<>();
            try {
                for (int index : AGENT_INDEXES) {
                    String address = AnvilDevKeys.address(index);
                    w.fund(address, 1_000);
                    earned.put(address, BigInteger.ZERO);
                    agents.add(new ProviderHarness(w, AnvilDevKeys.keyPair(index), dir.resolve("agent-" + index), ProviderHarness.ALWAYS, (j, l) -> { }).start());
                }
                for (String address : earned.keySet()) {
                    await("the registration of " + address, () -> w.market.provider(address).registered());
                }
                for (int next = TAMPERED; next < JOBS; next += BATCH) {
                    List<PostedJob> batch = new ArrayList<>();
                    for (int i = next; i < Math.min(JOBS, next + BATCH); i++) {
                        batch.add(post(r, i));
                    }
                    List<JobOutcome> outcomes = r.awaitAll(batch, Duration.ofSeconds(90));
                    for (int i = 0; i < batch.size(); i++) {
                        JobOutcome o = outcomes.get(i);
                        // accepted by the requester, or (on a busy machine) finalized by the agent after the review window
                        assertEquals(JobState.SETTLED, w.market.jobState(o.jobId()), String.valueOf(o));
                        assertTrue(o.status() == JobOutcome.Status.ACCEPTED || o.status() == JobOutcome.Status.ENDED, String.valueOf(o));
                        MarketJob onChain = w.market.job(o.jobId());
                        // the fee is the one recorded with the job's terms, rounded down, as the contract does
                        BigInteger fee = onChain.price().multiply(BigInteger.valueOf(w.market.terms(onChain.termsId()).feeBps())).divide(BPS);
                        fees.put(o.jobId(), fee);
                        String provider = Addresses.checksummed(onChain.provider());
                        earned.merge(provider, onChain.price().subtract(fee), BigInteger::add);
                        paidByRequester = paidByRequester.add(onChain.price());
                    }
                }
                assertEquals(JOBS - TAMPERED, fees.size());
                earned.forEach((p, e) -> assertEquals(1, e.signum(), p + " ran none of the jobs"));
                // Each agent withdraws its credits: its wallet holds what it was given less its stake, plus what it earned.
                for (Map.Entry<String, BigInteger> e : earned.entrySet()) {
                    BigInteger expected = FUNDS.subtract(w.market.minStake()).add(e.getValue());
                    await("payment of " + e.getKey(), () -> w.market.credits(e.getKey()).signum() == 0
                            && calls.readOne(token, "balanceOf(address)(uint256)", e.getKey()).equals(expected));
                }
            } finally {
                agents.forEach(ProviderHarness::close);
            }

            BigInteger bond = w.market.claimBond();
            BigInteger slashed = bond.multiply(BigInteger.valueOf(TAMPERED));
            for (PostedJob c : cheated) {
                assertEquals(JobState.RESOLVED, w.market.jobState(c.id()));
            }
            BigInteger feeTotal = fees.values().stream().reduce(BigInteger.ZERO, BigInteger::add);
            assertEquals(treasuryBefore.add(feeTotal).add(slashed), w.market.credits(treasury), "fees of every accepted job and the slashed bonds");
            assertEquals(FUNDS.subtract(paidByRequester), wallet(w, calls, requester), "the requester pays accepted jobs only");
            MarketProvider c = w.market.provider(cheater.address);
            BigInteger cheaterTotal = wallet(w, calls, cheater.address).add(c.stake()).add(c.locked());
            assertEquals(FUNDS.subtract(slashed), cheaterTotal, "the cheater loses one bond per tampered job and earns nothing");
        }
    }

    private static PostedJob post(Requester r, int i) throws InterruptedException {
        // an odd number of wei on each price, so the fee's rounding is exercised job by job
        return r.postGemm(TestMatrices.random(DIM * DIM, 2L * i), TestMatrices.random(DIM * DIM, 2L * i + 1), DIM, DIM, DIM, hrth(1).add(BigInteger.valueOf(2L * i + 1)));
    }

    private static byte[] tamper(byte[] bytes) {
        float[] c = GemmBlobs.decodeMatrix(bytes, DIM, DIM);
        c[DIM + 2] += 0.25f;
        c[DIM + 5] -= 0.25f;
        return GemmBlobs.encodeMatrix(c);
    }

    private static BigInteger wallet(MarketWorld w, ContractCalls calls, String account) {
        return ((BigInteger) calls.readOne(w.token(), "balanceOf(address)(uint256)", account)).add(w.market.credits(account));
    }

    private static int state(ContractCalls calls, Governor governor, StoredProposal p) {
        return ((BigInteger) calls.readOne(governor.address(), "state(uint256)(uint8)", p.id())).intValue();
    }

    private static Object[] lifecycle(StoredProposal p) {
        return new Object[] {p.targets(), p.values(), p.calldatas(), Hash.sha3(p.description().getBytes(StandardCharsets.UTF_8))};
    }
}
