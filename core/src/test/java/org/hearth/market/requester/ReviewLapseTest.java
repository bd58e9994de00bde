package org.hearth.market.requester;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.hearth.chain.review.TxReview;
import org.hearth.compute.blob.BlobServer;
import org.hearth.compute.blob.BlobStore;
import org.hearth.market.JobState;
import org.hearth.market.MarketJobs;
import org.hearth.testing.DevTx;
import org.hearth.testing.MarketWorld;
import org.hearth.testing.ScriptedProvider;
import org.hearth.testing.TestMatrices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A judge that lets the review window close undecided (a person away from the screen): the requester
 * sends nothing, records what the check found, and goes on; the job can no longer be disputed, and
 * anyone's finalize pays the provider.
 */
class ReviewLapseTest {

    private static final BigInteger PRICE = MarketWorld.HRTH.multiply(BigInteger.valueOf(5));
    private static final int REQUESTER_INDEX = 4;

    @TempDir
    Path dir;

    @Test
    void anUndecidedResultSendsNothingAndIsPaidWhenFinalized() throws Exception {
        try (MarketWorld w = MarketWorld.start(dir, null);
             BlobServer served = BlobServer.startLoopback(new BlobStore(dir.resolve("requester-blobs"), BlobStore.DEFAULT_MAX_BYTES));
             ScriptedProvider provider = new ScriptedProvider(w, DevTx.ACCOUNTS[3], dir.resolve("provider-blobs"))) {
            w.chain.rpc().call("evm_setAutomine", true);
            String requester = AnvilDevKeys.address(REQUESTER_INDEX);
            w.dev.call(MarketWorld.OWNER, w.token(), "transfer(address,uint256)", requester, MarketWorld.HRTH.multiply(BigInteger.valueOf(100)));
            provider.register();
            List<TxReview> reviews = new ArrayList<>();
            ProviderTrustRepository trust = new ProviderTrustRepository(w.db);
            Requester r = new Requester(w.session, w.market, new MarketJobs(w.db), new BlobStore(dir.resolve("requester-blobs"), BlobStore.DEFAULT_MAX_BYTES),
                    served.base(), AnvilDevKeys.signer(REQUESTER_INDEX), reviews::add,
                    new ResultReview.Checks(SpotCheckPolicy.standard(), trust, ResultVerifier.standard()), Requester.Options.defaults());
            int m = 8, k = 12, n = 6;
            PostedJob job = r.postGemm(TestMatrices.random(m * k, 1), TestMatrices.random(k * n, 2), m, n, k, PRICE);
            provider.complete(job.id(), served.base(), job.spec(), b -> b);
            int sentBefore = reviews.size();
            List<ResultReview.Finding> seen = new ArrayList<>();

            JobOutcome outcome = r.await(job, Duration.ofSeconds(60), finding -> {
                seen.add(finding);
                long now = org.hearth.chain.ChainClock.latest(w.session.rpc());
                w.passTime(finding.reviewDeadline() - now + 1); // the window closes while nobody decides
                return ResultReview.Decision.LAPSED;
            });

            assertEquals(1, seen.size());
            assertTrue(seen.getFirst().verdict().ok() && seen.getFirst().verdict().verified(), "the result was checked: " + seen.getFirst().verdict());
            assertEquals(JobOutcome.Status.ENDED, outcome.status(), String.valueOf(outcome));
            assertTrue(outcome.note().startsWith("the review window closed before a decision: nothing was sent"), outcome.note());
            assertNull(outcome.evidence());
            assertEquals(sentBefore, reviews.size(), "no accept and no dispute offered for signing");
            assertEquals(JobState.SUBMITTED, w.market.jobState(job.id()));
            assertEquals(1, trust.find(w.session.chainId(), provider.address).validStreak(), "the check's finding still counts for the provider");

            w.dev.call(DevTx.ACCOUNTS[2], w.market.address(), "finalize(uint256)", job.id()); // anyone, after the window
            assertEquals(JobState.SETTLED, w.market.jobState(job.id()));
            assertTrue(w.market.credits(provider.address).signum() > 0, "the provider is paid");
        }
    }
}
