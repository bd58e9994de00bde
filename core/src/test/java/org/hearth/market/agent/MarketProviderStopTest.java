package org.hearth.market.agent;

import static org.hearth.market.agent.MarketProviderTest.outcome;
import static org.hearth.market.agent.ProviderHarness.PROVIDER;
import static org.hearth.market.agent.ProviderHarness.await;
import static org.hearth.market.agent.ProviderHarness.hrth;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.hearth.compute.provider.AgentStop;
import org.hearth.compute.provider.ProviderStatus;
import org.hearth.market.JobState;
import org.hearth.testing.ClaimHold;
import org.hearth.testing.DevTx;
import org.hearth.testing.MarketWorld;
import org.hearth.testing.TestRequester;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sharing stopped while a market job is held, on anvil: drained (finished and submitted, then stopped) or released (left to expire, penalty paid, reopened). */
class MarketProviderStopTest {

    private static final String REQUESTER = DevTx.ACCOUNTS[4];
    private static final BigInteger PRICE = hrth(5);

    @TempDir
    Path dir;

    @Test
    void aDrainedJobIsSubmittedBeforeTheStopAndAReleasedOneExpiresAndReopens() throws Exception {
        try (MarketWorld w = MarketWorld.start(dir, null).automine();
             TestRequester requester = new TestRequester(w, REQUESTER, dir.resolve("requester-blobs"))) {
            w.fund(PROVIDER, 1_000);
            w.fund(REQUESTER, 1_000);
            ProviderJobs stored = new ProviderJobs(w.db);
            long chain = w.session.chainId();
            String market = w.market.address();
            ClaimHold holding = new ClaimHold(); // armed, the loop waits right after a claim until the test lets it go

            TestRequester.Gemm later;
            try (ProviderHarness p = new ProviderHarness(w, dir.resolve("provider-blobs"), ProviderHarness.ALWAYS, holding).start()) {
                holding.arm();
                TestRequester.Gemm drained = requester.postGemm(32, 32, 32, 5, PRICE, 600, 60);
                await("the claim", () -> outcome(stored, chain, market, drained.id()) == JobOutcome.PENDING);
                await("the job held", () -> AgentStop.heldJob(p.agent).isPresent());
                assertEquals(drained.id().longValue(), AgentStop.heldJob(p.agent).getAsLong());
                AgentStop.whenDrained(p.agent);
                later = requester.postGemm(16, 16, 16, 7, PRICE, 600, 30);
                assertEquals(ProviderStatus.State.RUNNING, p.agent.status().state(), "still running while the job is held");
                holding.release();
                await("the drained job submitted", () -> w.market.jobState(drained.id()) == JobState.SUBMITTED);
                await("the stop after the drain", () -> p.agent.status().state() == ProviderStatus.State.STOPPED);
                assertEquals(JobState.OPEN, w.market.jobState(later.id()), "nothing new claimed while draining");
                assertTrue(p.lines.contains("finishing the jobs it holds, claiming no more"), p.lines.toString());
            }

            holding.arm();
            try (ProviderHarness p = new ProviderHarness(w, dir.resolve("provider-blobs"), ProviderHarness.ALWAYS, holding).start()) {
                TestRequester.Gemm released = later; // the job left open by the drain, claimed now
                await("the second claim", () -> stored.find(chain, market, released.id().longValue(), PROVIDER).isPresent());
                await("the job held", () -> AgentStop.heldJob(p.agent).isPresent());
                assertEquals(released.id().longValue(), AgentStop.heldJob(p.agent).getAsLong());
                AgentStop.releasing(p.agent);
                assertEquals(ProviderStatus.State.STOPPED, p.agent.status().state());
                assertEquals(JobState.CLAIMED, w.market.jobState(released.id()), "not submitted");
                ProviderJob left = stored.find(chain, market, released.id().longValue(), PROVIDER).orElseThrow();
                assertEquals(JobOutcome.FAILED, left.outcome());
                assertTrue(left.reason().startsWith("released when sharing stopped"), left.reason());
                holding.disarm();

                w.passTime(31); // its exec window passes
                try (ProviderHarness next = new ProviderHarness(w, dir.resolve("provider-blobs"), ProviderHarness.ALWAYS, holding).start()) {
                    await("the released job settled", () -> stored.find(chain, market, released.id().longValue(), PROVIDER).orElseThrow()
                            .reason().contains("of the bond went to the requester"));
                    ProviderJob settled = stored.find(chain, market, released.id().longValue(), PROVIDER).orElseThrow();
                    assertTrue(settled.reason().contains("5 HRTH of the bond went to the requester"), settled.reason());
                    assertTrue(settled.outcome().isFinal());
                    assertEquals(JobState.OPEN, w.market.jobState(released.id()), "reopened for other providers while its claim window lasts");
                    assertTrue(next.lines.stream().noneMatch(l -> l.equals("job " + released.id() + ": resumed on cpu")), "a released job is not resumed");
                }
            }
        }
    }
}
