package org.hearth.market.agent;

import static org.hearth.market.agent.MarketProviderTest.outcome;
import static org.hearth.market.agent.ProviderHarness.PROVIDER;
import static org.hearth.market.agent.ProviderHarness.await;
import static org.hearth.market.agent.ProviderHarness.hrth;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.List;
import org.hearth.compute.blob.Cid;
import org.hearth.compute.provider.ProviderPolicy;
import org.hearth.compute.provider.ProviderStatus;
import org.hearth.market.JobKind;
import org.hearth.market.JobState;
import org.hearth.market.MarketContract;
import org.hearth.node.DemoWorld;
import org.hearth.testing.ClaimHold;
import org.hearth.testing.CountingHttpServer;
import org.hearth.testing.DevTx;
import org.hearth.testing.MarketWorld;
import org.hearth.testing.TestRequester;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The market provider stopped mid-job and restarted, refusing bad jobs, and pausing claims with the policy, on anvil. */
class MarketProviderRecoveryTest {

    private static final String REQUESTER = DevTx.ACCOUNTS[4];
    private static final BigInteger PRICE = hrth(5);

    @TempDir
    Path dir;

    @Test
    void aProviderStoppedMidJobResumesItAfterARestartOrLetsItExpireAndRecordsIt() throws Exception {
        try (MarketWorld w = MarketWorld.start(dir, null).automine();
             TestRequester requester = new TestRequester(w, REQUESTER, dir.resolve("requester-blobs"))) {
            w.fund(PROVIDER, 1_000);
            w.fund(REQUESTER, 1_000);
            ProviderJobs stored = new ProviderJobs(w.db);
            long chain = w.session.chainId();
            String market = w.market.address();
            ClaimHold holding = new ClaimHold(); // armed, the loop waits right after a claim until the agent is stopped

            holding.arm();
            ProviderHarness first = new ProviderHarness(w, dir.resolve("provider-blobs"), ProviderHarness.ALWAYS, holding).start();
            TestRequester.Gemm resumed = requester.postGemm(32, 32, 32, 5, PRICE, 600, 60);
            await("the claim", () -> outcome(stored, chain, market, resumed.id()) == JobOutcome.PENDING);
            first.close(); // mid-job: claimed, nothing run
            assertEquals(JobState.CLAIMED, w.market.jobState(resumed.id()));
            ProviderJob left = stored.find(chain, market, resumed.id().longValue(), PROVIDER).orElseThrow();
            assertEquals(ProviderJob.Stage.CLAIMED, left.stage(), "the claim is remembered");

            holding.disarm();
            try (ProviderHarness second = new ProviderHarness(w, dir.resolve("provider-blobs"), ProviderHarness.ALWAYS, holding).start()) {
                await("the resumed job submitted", () -> w.market.jobState(resumed.id()) == JobState.SUBMITTED);
                assertTrue(second.lines.stream().anyMatch(l -> l.equals("job " + resumed.id() + ": resumed on cpu")), second.lines.toString());
                w.marketCall(REQUESTER, MarketContract.accept(resumed.id()));
                await("the resumed job paid", () -> outcome(stored, chain, market, resumed.id()) == JobOutcome.PAID);
                holding.arm();
                TestRequester.Gemm stalled = requester.postGemm(32, 32, 32, 6, PRICE, 600, 30);
                await("the second claim", () -> outcome(stored, chain, market, stalled.id()) == JobOutcome.PENDING);
                second.close();
                holding.disarm();

                w.passTime(31); // the exec window passes while no agent runs
                try (ProviderHarness third = new ProviderHarness(w, dir.resolve("provider-blobs"), ProviderHarness.ALWAYS, holding).start()) {
                    await("the stalled job expired", () -> outcome(stored, chain, market, stalled.id()) == JobOutcome.EXPIRED);
                    ProviderJob expired = stored.find(chain, market, stalled.id().longValue(), PROVIDER).orElseThrow();
                    BigInteger penalty = DemoWorld.MARKET_CLAIM_BOND.divide(BigInteger.TWO);
                    assertTrue(expired.reason().contains("5 HRTH of the bond went to the requester"), expired.reason());
                    assertEquals(JobState.OPEN, w.market.jobState(stalled.id()), "reopened for other providers while its claim window lasts");
                    assertEquals(DemoWorld.MARKET_MIN_STAKE.subtract(penalty), w.market.provider(PROVIDER).stake(), "the rest of the bond is back");
                    assertEquals(BigInteger.ZERO, w.market.provider(PROVIDER).locked());
                    assertEquals(1, stored.earnings(chain, market, PROVIDER).count(JobOutcome.PAID));
                    assertEquals(1, stored.earnings(chain, market, PROVIDER).count(JobOutcome.EXPIRED));
                }
            }
        }
    }

    @Test
    void badManifestsAndBlobsAreRefusedWithoutAClaimAndNothingIsClaimedWhileThePolicyPauses() throws Exception {
        try (MarketWorld w = MarketWorld.start(dir, null).automine();
             TestRequester requester = new TestRequester(w, REQUESTER, dir.resolve("requester-blobs"));
             CountingHttpServer liar = new CountingHttpServer().on("/ipfs/", CountingHttpServer.bytes("application/vnd.ipld.raw",
                     "{\"version\":1,\"kernel\":\"gemm\"}".getBytes(StandardCharsets.UTF_8)))) {
            w.fund(PROVIDER, 1_000);
            w.fund(REQUESTER, 1_000);
            ProviderJobs stored = new ProviderJobs(w.db);
            long chain = w.session.chainId();
            String market = w.market.address();
            int hour = LocalTime.now().getHour();
            ProviderPolicy outsideHours = new ProviderPolicy(false, false, 100, (hour + 2) % 24, (hour + 2) % 24 + 1);
            try (ProviderHarness p = new ProviderHarness(w, dir.resolve("provider-blobs"), outsideHours, (j, l) -> { }).start()) {
                await("the registration", () -> w.market.provider(PROVIDER).registered());
                await("paused by the policy", () -> p.agent.status().state() == ProviderStatus.State.PAUSED);
                byte[] oversize = ("{\"version\":1,\"kernel\":\"gemm\",\"pad\":\"" + "x".repeat(5000) + "\"}").getBytes(StandardCharsets.UTF_8);
                BigInteger lying = requester.post(JobKind.GEMM, Cid.of("the real manifest".getBytes(StandardCharsets.UTF_8)).digest(),
                        "http://127.0.0.1:" + liar.port(), PRICE, 600, 60);
                BigInteger tooBig = requester.post(JobKind.GEMM, requester.store.put(oversize).digest(), requester.server.base().toString(),
                        PRICE, 600, 60);
                BigInteger malformed = requester.post(JobKind.GEMM, requester.store.put("{\"version\":1,\"kernel\":".getBytes(StandardCharsets.UTF_8))
                        .digest(), requester.server.base().toString(), PRICE, 600, 60);
                TestRequester.Gemm good = requester.postGemm(16, 16, 16, 3, PRICE, 600, 60);
                Thread.sleep(3000); // several of the loop's steps
                for (BigInteger id : List.of(lying, tooBig, malformed, good.id())) {
                    assertEquals(JobState.OPEN, w.market.jobState(id), "nothing is looked at while paused");
                }
                assertTrue(stored.all(chain, market, PROVIDER).isEmpty());

                p.agent.setPolicy(ProviderHarness.ALWAYS);
                await("the good job submitted", () -> w.market.jobState(good.id()) == JobState.SUBMITTED);
                assertRefused(stored, chain, market, lying, "do not match the blob id");
                assertRefused(stored, chain, market, tooBig, "more than the cap of 4096 bytes");
                assertRefused(stored, chain, market, malformed, "not valid JSON");
                for (BigInteger id : List.of(lying, tooBig, malformed)) {
                    assertEquals(JobState.OPEN, w.market.jobState(id), "a refused job is never claimed");
                }
                assertEquals(BigInteger.ZERO.add(DemoWorld.MARKET_CLAIM_BOND), w.market.provider(PROVIDER).locked(), "one bond: the good job's");
            }
        }
    }

    private static void assertRefused(ProviderJobs stored, long chain, String market, BigInteger id, String why) {
        ProviderJob job = stored.find(chain, market, id.longValue(), PROVIDER).orElseThrow(() -> new AssertionError("job " + id + " not recorded"));
        assertEquals(JobOutcome.REFUSED, job.outcome());
        assertEquals(ProviderJob.Stage.SEEN, job.stage());
        assertTrue(job.reason().contains(why), job.reason());
    }
}
