package org.hearth.market.agent;

import static org.hearth.market.agent.MarketProviderTest.outcome;
import static org.hearth.market.agent.ProviderHarness.PROVIDER;
import static org.hearth.market.agent.ProviderHarness.await;
import static org.hearth.market.agent.ProviderHarness.hrth;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.concurrent.atomic.AtomicReference;
import org.hearth.compute.provider.ProviderPolicy;
import org.hearth.compute.provider.ProviderStatus;
import org.hearth.market.JobState;
import org.hearth.testing.DevTx;
import org.hearth.testing.MarketWorld;
import org.hearth.testing.TestRequester;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A policy pause in the middle of a market job keeps the job's exec-window promise, on anvil: the job
 * ends and is submitted when the pause lifts in time, and is released before its window closes (never
 * run or submitted late) when the pause outlasts it; the expiry then takes the market's penalty.
 */
class MarketProviderPauseTest {

    private static final String REQUESTER = DevTx.ACCOUNTS[4];
    private static final BigInteger PRICE = hrth(5);
    private static final long EXEC_WINDOW = 120;

    @TempDir
    Path dir;

    @Test
    void aPausedJobEndsWhenThePauseLiftsInTimeAndIsReleasedBeforeItsWindowWhenItDoesNot() throws Exception {
        int hour = LocalTime.now().getHour();
        ProviderPolicy outsideHours = new ProviderPolicy(false, false, 100, (hour + 2) % 24, (hour + 2) % 24 + 1);
        try (MarketWorld w = MarketWorld.start(dir, null).automine();
             TestRequester requester = new TestRequester(w, REQUESTER, dir.resolve("requester-blobs"))) {
            w.fund(PROVIDER, 1_000);
            w.fund(REQUESTER, 1_000);
            ProviderJobs stored = new ProviderJobs(w.db);
            long chain = w.session.chainId();
            String market = w.market.address();
            // the policy pauses sharing right after each claim, while the job (seconds of rendering) is at the worker
            AtomicReference<ProviderHarness> agent = new AtomicReference<>();
            MarketLoop.Listener pauseOnClaim = (job, line) -> {
                if (line.contains(": claimed ")) {
                    agent.get().agent.setPolicy(outsideHours);
                    try {
                        await("the pause", () -> agent.get().agent.status().state() == ProviderStatus.State.PAUSED);
                    } catch (InterruptedException stopped) {
                        Thread.currentThread().interrupt();
                    }
                }
            };
            try (ProviderHarness p = new ProviderHarness(w, dir.resolve("provider-blobs"), ProviderHarness.ALWAYS, pauseOnClaim)) {
                agent.set(p);
                p.agent.setResumeAfter(Duration.ofMillis(100)); // the pause lifts as soon as the policy allows
                p.start();
                BigInteger finished = requester.postRender(512, 512, 512, 512, 128, PRICE, 600, EXEC_WINDOW);
                await("the claim", () -> outcome(stored, chain, market, finished) == JobOutcome.PENDING);
                await("the pause", () -> p.agent.status().state() == ProviderStatus.State.PAUSED);
                w.passTime(5);
                Thread.sleep(1_000); // a few steps of the loop while paused, with time left
                assertEquals(JobState.CLAIMED, w.market.jobState(finished), "paused: not done");
                assertEquals(JobOutcome.PENDING, outcome(stored, chain, market, finished), "still held: it can end in its window");
                p.agent.setPolicy(ProviderHarness.ALWAYS);
                await("the paused job submitted after the pause", () -> w.market.jobState(finished) == JobState.SUBMITTED);

                BigInteger outlasted = requester.postRender(512, 512, 512, 512, 128, PRICE, 600, EXEC_WINDOW);
                await("the second claim", () -> outcome(stored, chain, market, outlasted) == JobOutcome.PENDING);
                await("the pause", () -> p.agent.status().state() == ProviderStatus.State.PAUSED);
                w.passTime(EXEC_WINDOW - 1); // one second of the window left: less than any estimate
                await("the release", () -> outcome(stored, chain, market, outlasted) == JobOutcome.FAILED);
                ProviderJob released = stored.find(chain, market, outlasted.longValue(), PROVIDER).orElseThrow();
                assertEquals(MarketLoop.PAUSED_PAST_WINDOW, released.reason());
                assertEquals(JobState.CLAIMED, w.market.jobState(outlasted), "released, not submitted");
                p.agent.setPolicy(ProviderHarness.ALWAYS);
                await("running again", () -> p.agent.status().state() == ProviderStatus.State.RUNNING);
                Thread.sleep(1_000);
                assertEquals(JobState.CLAIMED, w.market.jobState(outlasted), "a released job is not run or submitted after the pause");

                w.passTime(5); // its window closes: the agent expires its own claim and records the penalty
                await("the expiry recorded", () -> stored.find(chain, market, outlasted.longValue(), PROVIDER).orElseThrow().reason()
                        .contains("of the bond went to the requester"));
                assertTrue(stored.find(chain, market, outlasted.longValue(), PROVIDER).orElseThrow().outcome().isFinal());
                assertTrue(p.lines.stream().anyMatch(l -> l.startsWith("job " + outlasted + ": released while paused")), p.lines.toString());
            }
        }
    }
}
