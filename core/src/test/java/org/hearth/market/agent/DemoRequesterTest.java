package org.hearth.market.agent;

import static org.hearth.market.agent.ProviderHarness.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hearth.market.JobState;
import org.hearth.market.MarketJobs;
import org.hearth.market.requester.AnvilDevKeys;
import org.hearth.market.requester.DemoRequester;
import org.hearth.testing.MarketWorld;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On a fresh local chain, the demo requester (anvil's last dev account) waits for a provider, then keeps
 * posting small jobs that the provider agent runs and gets paid for, gemm and render alternating.
 */
class DemoRequesterTest {

    @TempDir
    Path dir;

    @Test
    void aRegisteredProviderIsPaidForTheDemoRequestersJobs() throws Exception {
        try (MarketWorld w = MarketWorld.start(dir, null).automine()) {
            List<String> lines = new CopyOnWriteArrayList<>();
            try (DemoRequester demo = DemoRequester.start(w.session, dir.resolve("data"), lines::add).orElseThrow()) {
                assertEquals(AnvilDevKeys.address(9), demo.address(), "anvil's last dev account");
                Thread.sleep(3_000);
                assertEquals(0, w.market.jobCount().signum(), "nothing is posted while no provider is registered");
                w.fund(ProviderHarness.PROVIDER, 1_000);
                ProviderJobs stored = new ProviderJobs(w.db);
                try (ProviderHarness p = new ProviderHarness(w, dir.resolve("provider-blobs"), ProviderHarness.ALWAYS, (j, l) -> { }).start()) {
                    await("two demo jobs paid", () -> stored.earnings(w.session.chainId(), w.market.address(), ProviderHarness.PROVIDER)
                            .count(JobOutcome.PAID) >= 2);
                }
            }
            MarketJobs jobs = new MarketJobs(w.db);
            jobs.sync(w.session, w.market.address());
            var all = jobs.all(w.session.chainId(), w.market.address());
            assertTrue(all.stream().allMatch(j -> j.requester().equalsIgnoreCase(AnvilDevKeys.address(9))), "every job is the demo requester's");
            assertTrue(all.stream().filter(j -> j.state() == JobState.SETTLED).map(j -> j.kind()).distinct().count() == 2,
                    "gemm and render both settled: " + all);
            assertTrue(lines.stream().anyMatch(l -> l.contains("accepted")), lines.toString());
        }
    }
}
