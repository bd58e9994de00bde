package org.hearth.market.agent;

import static org.hearth.market.agent.MarketProviderTest.outcome;
import static org.hearth.market.agent.ProviderHarness.PROVIDER;
import static org.hearth.market.agent.ProviderHarness.PROVIDER_KEY;
import static org.hearth.market.agent.ProviderHarness.await;
import static org.hearth.market.agent.ProviderHarness.hrth;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.hearth.compute.provider.AgentStop;
import org.hearth.market.JobState;
import org.hearth.market.MarketContract;
import org.hearth.testing.DevTx;
import org.hearth.testing.MarketWorld;
import org.hearth.testing.TestRequester;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Credentials;

/** The agent holds several claimed jobs at once (run in turn by the worker) and loses none of them across a restart, on anvil. */
class MarketProviderQueueTest {

    private static final String REQUESTER = DevTx.ACCOUNTS[4];
    private static final BigInteger PRICE = hrth(5);

    @TempDir
    Path dir;

    @Test
    void severalJobsAreHeldAtOnceAndEachIsSubmittedAndPaid() throws Exception {
        try (MarketWorld w = MarketWorld.start(dir, null).automine();
             TestRequester requester = new TestRequester(w, REQUESTER, dir.resolve("requester-blobs"))) {
            w.fund(PROVIDER, 1_000);
            w.fund(REQUESTER, 1_000);
            ProviderJobs stored = new ProviderJobs(w.db);
            long chain = w.session.chainId();
            String market = w.market.address();
            List<BigInteger> jobs = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                jobs.add(requester.postGemm(48, 40, 32, 20 + i, PRICE, 600, 120).id());
            }
            try (ProviderHarness p = harness(w, (j, l) -> { }, 3).start()) {
                for (BigInteger id : jobs) {
                    await("job " + id + " submitted", () -> w.market.jobState(id) == JobState.SUBMITTED);
                }
                // claimed from a random place in the open list: which job went second is not fixed
                assertTrue(p.lines.stream().anyMatch(l -> l.endsWith(": queued behind 1 held on cpu")), p.lines.toString());
                assertTrue(p.lines.stream().anyMatch(l -> l.endsWith(": queued behind 2 held on cpu")), p.lines.toString());
                for (BigInteger id : jobs) {
                    w.marketCall(REQUESTER, MarketContract.accept(id));
                }
                for (BigInteger id : jobs) {
                    await("job " + id + " paid", () -> outcome(stored, chain, market, id) == JobOutcome.PAID);
                }
                assertEquals(3, p.agent.status().verified(), "each result passed the provider's own check");
            }
        }
    }

    @Test
    void heldJobsStoppedBeforeTheirSubmitAreAllResumedAfterARestart() throws Exception {
        try (MarketWorld w = MarketWorld.start(dir, null).automine();
             TestRequester requester = new TestRequester(w, REQUESTER, dir.resolve("requester-blobs"))) {
            w.fund(PROVIDER, 1_000);
            w.fund(REQUESTER, 1_000);
            List<BigInteger> jobs = List.of(requester.postGemm(32, 32, 32, 1, PRICE, 600, 120).id(),
                    requester.postGemm(32, 32, 32, 2, PRICE, 600, 120).id());
            // the listener holds the loop at the second claim, until the agent is stopped: two held, none submitted
            AtomicReference<CountDownLatch> hold = new AtomicReference<>(new CountDownLatch(1));
            MarketLoop.Listener holding = (job, line) -> {
                CountDownLatch latch = hold.get();
                if (latch != null && line.endsWith(": queued behind 1 held on cpu")) {
                    try {
                        latch.await();
                    } catch (InterruptedException stopped) {
                        Thread.currentThread().interrupt();
                    }
                }
            };
            ProviderHarness first = harness(w, holding, 2).start();
            await("both held", () -> AgentStop.heldJob(first.agent).isPresent() && first.agent.source().orElseThrow().heldJobs().size() == 2);
            assertEquals(java.util.Set.copyOf(jobs.stream().map(BigInteger::longValue).toList()),
                    java.util.Set.copyOf(first.agent.source().orElseThrow().heldJobs()));
            first.close();
            hold.set(null);
            for (BigInteger id : jobs) {
                assertEquals(JobState.CLAIMED, w.market.jobState(id), "claimed, not submitted before the stop");
            }
            try (ProviderHarness second = harness(w, (j, l) -> { }, 2).start()) {
                for (BigInteger id : jobs) {
                    await("job " + id + " submitted after the restart", () -> w.market.jobState(id) == JobState.SUBMITTED);
                    assertTrue(second.lines.contains("job " + id + ": resumed on cpu"), second.lines.toString());
                }
            }
        }
    }

    private ProviderHarness harness(MarketWorld w, MarketLoop.Listener listener, int maxHeld) {
        return new ProviderHarness(w, Credentials.create(PROVIDER_KEY).getEcKeyPair(), dir.resolve("provider-blobs"), ProviderHarness.ALWAYS,
                listener, c -> c.withMaxHeldJobs(maxHeld));
    }
}
