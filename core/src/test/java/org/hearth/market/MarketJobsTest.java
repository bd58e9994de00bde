package org.hearth.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.hearth.node.DemoWorld;
import org.hearth.testing.DevTx;
import org.hearth.testing.MarketWorld;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** MarketContract's reads and call data, and MarketJobs' index of every market event, on anvil with the demo world. */
class MarketJobsTest {

    private static final BigInteger HRTH = MarketWorld.HRTH;
    private static final BigInteger PRICE = HRTH.multiply(BigInteger.valueOf(5));
    private static final String PROVIDER = DevTx.ACCOUNTS[3];
    private static final String REQUESTER = DevTx.ACCOUNTS[4];
    private static final String SPEC = "0x" + "ab".repeat(32);
    private static final String RESULT = "0x" + "cd".repeat(32);

    @TempDir
    Path dir;

    @Test
    void everyStepOfThreeJobsIsReadTypedAndIndexedWithItsTimeline() throws Exception {
        try (MarketWorld w = MarketWorld.start(dir, null)) {
            MarketContract m = w.market;
            assertEquals(DemoWorld.MARKET_MIN_STAKE, m.minStake());
            assertEquals(DemoWorld.MARKET_CLAIM_BOND, m.claimBond());
            assertEquals(DemoWorld.MARKET_FEE_BPS, m.feeBps());
            assertEquals(DemoWorld.MARKET_REVIEW_WINDOW_SECONDS, m.reviewWindow());
            assertEquals(w.token(), m.token());
            assertEquals(w.contracts.get("HearthTimelock"), m.timelock());
            MarketTerms terms = m.terms(m.termsCount());
            assertEquals(new MarketTerms(DemoWorld.MARKET_FEE_BPS, DemoWorld.MARKET_CLAIM_BOND, DemoWorld.MARKET_REVIEW_WINDOW_SECONDS,
                    DemoWorld.MARKET_RESOLVE_WINDOW_SECONDS, DemoWorld.MARKET_MIN_STAKE), terms);
            assertFalse(m.provider(PROVIDER).registered());

            w.fund(PROVIDER, 1_000);
            w.fund(REQUESTER, 1_000);
            assertEquals(HRTH.multiply(BigInteger.valueOf(1_000)), m.allowance(REQUESTER));
            String attestation = "0x" + "11".repeat(32);
            w.marketCall(PROVIDER, MarketContract.registerProvider(DemoWorld.MARKET_MIN_STAKE, "http://127.0.0.1:47123", attestation));
            w.marketCall(PROVIDER, MarketContract.addStake(HRTH.multiply(BigInteger.valueOf(50))));
            MarketProvider p = m.provider(PROVIDER);
            assertEquals(new MarketProvider(DemoWorld.MARKET_MIN_STAKE.add(HRTH.multiply(BigInteger.valueOf(50))), BigInteger.ZERO, 1,
                    BigInteger.ZERO, 0, attestation, "http://127.0.0.1:47123"), p);

            // job 1: posted, claimed, submitted, accepted
            w.marketCall(REQUESTER, MarketContract.postJob(JobKind.GEMM, SPEC, "http://127.0.0.1:1", PRICE, 600, 60));
            BigInteger one = m.jobCount();
            MarketJob posted = m.job(one);
            assertEquals(JobState.OPEN, posted.state());
            assertEquals(REQUESTER, posted.requester());
            assertEquals(JobKind.GEMM.code(), posted.kind());
            assertEquals(PRICE, posted.price());
            assertNull(posted.provider());
            w.marketCall(PROVIDER, MarketContract.claim(one));
            MarketJob claimed = m.job(one);
            assertEquals(JobState.CLAIMED, claimed.state());
            assertEquals(PROVIDER, claimed.provider());
            assertEquals(DemoWorld.MARKET_CLAIM_BOND, m.provider(PROVIDER).locked());
            w.marketCall(PROVIDER, MarketContract.submit(one, RESULT, "http://127.0.0.1:2"));
            w.marketCall(REQUESTER, MarketContract.accept(one));
            assertEquals(JobState.SETTLED, m.jobState(one));

            // job 2: disputed; job 3: cancelled; job 4: claimed, expired and reopened, then finalized by the provider
            w.marketCall(REQUESTER, MarketContract.postJob(JobKind.RENDER, SPEC, "http://127.0.0.1:1", PRICE, 600, 60));
            BigInteger two = m.jobCount();
            w.marketCall(PROVIDER, MarketContract.claim(two));
            w.marketCall(PROVIDER, MarketContract.submit(two, RESULT, "http://127.0.0.1:2"));
            w.marketCall(REQUESTER, MarketContract.dispute(two, "0x" + "ee".repeat(32)));
            w.marketCall(REQUESTER, MarketContract.postJob(JobKind.GEMM, SPEC, "http://127.0.0.1:1", PRICE, 600, 60));
            BigInteger three = m.jobCount();
            w.marketCall(REQUESTER, MarketContract.cancel(three));
            w.marketCall(REQUESTER, MarketContract.postJob(JobKind.GEMM, SPEC, "http://127.0.0.1:1", PRICE, 600, 30));
            BigInteger four = m.jobCount();
            w.marketCall(PROVIDER, MarketContract.claim(four));
            w.passTime(31);
            w.marketCall(REQUESTER, MarketContract.expire(four));
            assertEquals(JobState.OPEN, m.jobState(four), "reopened: its claim window lasts");
            w.marketCall(PROVIDER, MarketContract.claim(four));
            w.marketCall(PROVIDER, MarketContract.submit(four, RESULT, "http://127.0.0.1:2"));
            w.passTime(DemoWorld.MARKET_REVIEW_WINDOW_SECONDS + 1);
            w.marketCall(PROVIDER, MarketContract.finalizeJob(four));

            BigInteger fee = PRICE.multiply(BigInteger.valueOf(DemoWorld.MARKET_FEE_BPS)).divide(BigInteger.valueOf(10_000));
            BigInteger penalty = DemoWorld.MARKET_CLAIM_BOND.divide(BigInteger.TWO);
            assertEquals(PRICE.subtract(fee).multiply(BigInteger.TWO), m.credits(PROVIDER));
            assertEquals(PRICE.add(penalty), m.credits(REQUESTER), "job 3's escrow back and half of job 4's first bond");
            w.marketCall(PROVIDER, MarketContract.withdraw());
            assertEquals(BigInteger.ZERO, m.credits(PROVIDER));

            MarketJobs jobs = new MarketJobs(w.db);
            jobs.sync(w.session, m.address());
            long chain = w.session.chainId();
            String market = m.address();
            assertEquals(List.of(4L, 3L, 2L, 1L), jobs.all(chain, market).stream().map(IndexedJob::id).toList());
            IndexedJob first = jobs.job(chain, market, 1).orElseThrow();
            assertEquals(JobState.SETTLED, first.state());
            assertEquals(REQUESTER.toLowerCase(Locale.ROOT), first.requester());
            assertEquals(PROVIDER.toLowerCase(Locale.ROOT), first.provider());
            assertEquals(SPEC, first.spec());
            assertEquals("http://127.0.0.1:1", first.specUrl());
            assertEquals(RESULT, first.result());
            assertEquals("http://127.0.0.1:2", first.resultUrl());
            assertEquals(PRICE, first.price());
            assertEquals(PRICE.subtract(fee), first.paid());
            assertEquals(fee, first.fee());
            assertEquals(List.of("JobPosted", "JobClaimed", "ResultSubmitted", "JobAccepted"), names(jobs.timeline(chain, market, 1)));
            assertEquals(JobState.DISPUTED, jobs.job(chain, market, 2).orElseThrow().state());
            assertEquals("0x" + "ee".repeat(32), jobs.job(chain, market, 2).orElseThrow().evidence());
            assertEquals(JobKind.RENDER.code(), jobs.job(chain, market, 2).orElseThrow().kind());
            assertEquals(JobState.CANCELLED, jobs.job(chain, market, 3).orElseThrow().state());
            List<JobEvent> fourth = jobs.timeline(chain, market, 4);
            assertEquals(List.of("JobPosted", "JobClaimed", "JobExpired", "JobClaimed", "ResultSubmitted", "JobFinalized"), names(fourth));
            assertEquals(penalty.toString(), fourth.get(2).field("penalty"));
            assertEquals("true", fourth.get(2).field("reopened"));
            assertEquals(JobState.SETTLED, jobs.job(chain, market, 4).orElseThrow().state());
            assertEquals(List.of(4L, 2L, 1L), jobs.byProvider(chain, market, PROVIDER).stream().map(IndexedJob::id).toList());
            assertEquals(4, jobs.byRequester(chain, market, REQUESTER).size());
            assertEquals(List.of(4L, 1L), jobs.byState(chain, market, JobState.SETTLED).stream().map(IndexedJob::id).toList());
            List<String> providerEvents = names(jobs.accountEvents(chain, market, PROVIDER));
            assertTrue(providerEvents.containsAll(List.of("ProviderRegistered", "StakeAdded", "JobClaimed", "ResultSubmitted", "Withdrawn")),
                    providerEvents.toString());
            assertEquals(PRICE.subtract(fee).multiply(BigInteger.TWO).toString(),
                    jobs.accountEvents(chain, market, PROVIDER).getLast().field("amount"));
        }
    }

    @Test
    void aReorganisationTakesBackTheStepsOfTheAbandonedBlocks() throws Exception {
        try (MarketWorld w = MarketWorld.start(dir, null)) {
            MarketContract m = w.market;
            w.fund(PROVIDER, 1_000);
            w.fund(REQUESTER, 1_000);
            w.marketCall(PROVIDER, MarketContract.registerProvider(DemoWorld.MARKET_MIN_STAKE, "http://127.0.0.1:47123", new byte[32]));
            w.marketCall(REQUESTER, MarketContract.postJob(JobKind.GEMM, SPEC, "http://127.0.0.1:1", PRICE, 600, 60));
            MarketJobs jobs = new MarketJobs(w.db);
            jobs.sync(w.session, m.address());
            String snapshot = w.chain.rpc().call("evm_snapshot").asText();
            w.marketCall(PROVIDER, MarketContract.claim(BigInteger.ONE));
            w.marketCall(PROVIDER, MarketContract.submit(BigInteger.ONE, RESULT, "http://127.0.0.1:2"));
            w.marketCall(REQUESTER, MarketContract.postJob(JobKind.RENDER, SPEC, "http://127.0.0.1:1", PRICE, 600, 60));
            jobs.sync(w.session, m.address());
            long chain = w.session.chainId();
            assertEquals(JobState.SUBMITTED, jobs.job(chain, m.address(), 1).orElseThrow().state());
            assertEquals(2, jobs.all(chain, m.address()).size());

            w.chain.rpc().call("evm_revert", snapshot);
            w.dev.mine(5); // the new branch is longer than the abandoned one
            jobs.sync(w.session, m.address());

            IndexedJob one = jobs.job(chain, m.address(), 1).orElseThrow();
            assertEquals(JobState.OPEN, one.state());
            assertNull(one.provider());
            assertNull(one.result());
            assertEquals(List.of("JobPosted"), names(jobs.timeline(chain, m.address(), 1)));
            assertTrue(jobs.job(chain, m.address(), 2).isEmpty(), "the job posted only on the abandoned branch is gone");
            assertEquals(JobState.OPEN, m.jobState(BigInteger.ONE));
        }
    }

    private static List<String> names(List<JobEvent> events) {
        return events.stream().map(JobEvent::name).toList();
    }
}
