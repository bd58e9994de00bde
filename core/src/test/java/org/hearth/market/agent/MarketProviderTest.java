package org.hearth.market.agent;

import static org.hearth.market.agent.ProviderHarness.PROVIDER;
import static org.hearth.market.agent.ProviderHarness.await;
import static org.hearth.market.agent.ProviderHarness.hrth;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.hearth.compute.blob.BlobFetcher;
import org.hearth.compute.blob.Cid;
import org.hearth.compute.job.GemmBlobs;
import org.hearth.compute.provider.ProviderStatus;
import org.hearth.market.JobEvent;
import org.hearth.market.JobState;
import org.hearth.market.MarketJobs;
import org.hearth.market.MarketProvider;
import org.hearth.node.DemoWorld;
import org.hearth.testing.DevTx;
import org.hearth.testing.MarketWorld;
import org.hearth.testing.TestRequester;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.utils.Numeric;

/** The provider agent in market mode on anvil with the demo world and the real (CPU) worker: from post to payment. */
class MarketProviderTest {

    private static final String REQUESTER = DevTx.ACCOUNTS[4];
    private static final BigInteger PRICE = hrth(5);
    private static final BigInteger FEE = PRICE.multiply(BigInteger.valueOf(DemoWorld.MARKET_FEE_BPS)).divide(BigInteger.valueOf(10_000));

    @TempDir
    Path dir;

    @Test
    void jobsGoFromPostToPaymentAcceptedOrFinalizedWhenTheRequesterStaysSilent() throws Exception {
        try (MarketWorld w = MarketWorld.start(dir, null).automine();
             TestRequester requester = new TestRequester(w, REQUESTER, dir.resolve("requester-blobs"))) {
            w.fund(PROVIDER, 1_000);
            w.fund(REQUESTER, 1_000);
            ProviderJobs stored = new ProviderJobs(w.db);
            long chain = w.session.chainId();
            String market = w.market.address();
            try (ProviderHarness p = new ProviderHarness(w, dir.resolve("provider-blobs"), ProviderHarness.ALWAYS, (j, l) -> { }).start()) {
                await("the registration", () -> w.market.provider(PROVIDER).registered());
                MarketProvider registered = w.market.provider(PROVIDER);
                assertEquals(DemoWorld.MARKET_MIN_STAKE, registered.stake(), "without a stake asked for: the market's minimum");
                assertEquals(p.server.base().toString(), registered.endpoint());
                byte[] document = p.store.get(Cid.fromDigest(Numeric.hexStringToByteArray(registered.attestation()))).orElseThrow();
                DeviceAttestation attested = DeviceAttestation.verify(document, PROVIDER);
                assertEquals("cpu", attested.backend());
                assertTrue(attested.gflopsMilli() > 0, "the measured rate is attested");

                // a gemm, accepted by the requester after checking the result itself
                TestRequester.Gemm gemm = requester.postGemm(48, 40, 32, 11, PRICE, 600, 120);
                await("the gemm result", () -> w.market.jobState(gemm.id()) == JobState.SUBMITTED);
                MarketJobs index = new MarketJobs(w.db);
                index.sync(w.session, market);
                JobEvent submitted = index.timeline(chain, market, gemm.id().longValue()).getLast();
                assertEquals("ResultSubmitted", submitted.name());
                assertEquals(p.server.base().toString(), submitted.field("resultUrl"));
                byte[] result = new BlobFetcher(Duration.ofSeconds(10), 1 << 20).fetch(
                        Cid.fromDigest(Numeric.hexStringToByteArray(submitted.field("result"))), List.of(URI.create(submitted.field("resultUrl"))));
                assertProduct(gemm, GemmBlobs.decodeResult(result, gemm.m(), gemm.n()));
                w.marketCall(REQUESTER, org.hearth.market.MarketContract.accept(gemm.id()));
                await("the gemm paid", () -> outcome(stored, chain, market, gemm.id()) == JobOutcome.PAID);
                ProviderJob paid = stored.find(chain, market, gemm.id().longValue(), PROVIDER).orElseThrow();
                assertEquals(PRICE.subtract(FEE), paid.paid());
                assertTrue(paid.reason().startsWith("accepted by the requester"), paid.reason());

                // a render tile, the requester silent: the provider finalizes it after the review window
                BigInteger render = requester.postRender(32, 24, 16, 12, 4, PRICE, 600, 120);
                await("the tile result", () -> w.market.jobState(render) == JobState.SUBMITTED);
                w.passTime(DemoWorld.MARKET_REVIEW_WINDOW_SECONDS + 1);
                await("the tile paid", () -> outcome(stored, chain, market, render) == JobOutcome.PAID);
                ProviderJob finalized = stored.find(chain, market, render.longValue(), PROVIDER).orElseThrow();
                assertTrue(finalized.reason().startsWith("finalized after the review window"), finalized.reason());
                index.sync(w.session, market);
                JobEvent last = index.timeline(chain, market, render.longValue()).getLast();
                assertEquals("JobFinalized", last.name());
                assertEquals(PROVIDER.toLowerCase(Locale.ROOT), last.field("caller").toLowerCase(Locale.ROOT), "the provider finalized its own job");

                BigInteger earned = PRICE.subtract(FEE).multiply(BigInteger.TWO);
                await("the credits withdrawn", () -> w.market.credits(PROVIDER).signum() == 0
                        && balance(w, PROVIDER).equals(hrth(1_000).subtract(DemoWorld.MARKET_MIN_STAKE).add(earned)));
                ProviderEarnings earnings = stored.earnings(chain, market, PROVIDER);
                assertEquals(earned, earnings.earned());
                assertEquals(2, earnings.count(JobOutcome.PAID));
                ProviderStatus status = p.agent.status();
                assertEquals(2, status.jobs(), status.toString());
                assertEquals(2, status.verified(), "both results passed the provider's own check");
                assertTrue(p.lines.stream().anyMatch(l -> l.startsWith("withdrew ")), p.lines.toString());
            }
        }
    }

    @Test
    void disputedJobsAreRecordedAsDisputedThenSlashedOrPaidAsTheDaoResolves() throws Exception {
        try (MarketWorld w = MarketWorld.start(dir, null).automine();
             TestRequester requester = new TestRequester(w, REQUESTER, dir.resolve("requester-blobs"))) {
            w.fund(PROVIDER, 1_000);
            w.fund(REQUESTER, 1_000);
            ProviderJobs stored = new ProviderJobs(w.db);
            long chain = w.session.chainId();
            String market = w.market.address();
            try (ProviderHarness p = new ProviderHarness(w, dir.resolve("provider-blobs"), ProviderHarness.ALWAYS, (j, l) -> { }).start()) {
                TestRequester.Gemm lost = requester.postGemm(16, 16, 16, 1, PRICE, 600, 120);
                await("the first result", () -> w.market.jobState(lost.id()) == JobState.SUBMITTED);
                TestRequester.Gemm won = requester.postGemm(16, 16, 16, 2, PRICE, 600, 120);
                await("the second result", () -> w.market.jobState(won.id()) == JobState.SUBMITTED);
                for (BigInteger id : List.of(lost.id(), won.id())) {
                    w.marketCall(REQUESTER, org.hearth.market.MarketContract.dispute(id, "0x" + "ee".repeat(32)));
                }
                await("both disputed", () -> outcome(stored, chain, market, lost.id()) == JobOutcome.DISPUTED
                        && outcome(stored, chain, market, won.id()) == JobOutcome.DISPUTED);
                assertTrue(stored.find(chain, market, lost.id().longValue(), PROVIDER).orElseThrow().reason()
                        .startsWith("disputed by the requester (evidence 0x" + "ee".repeat(32) + ")"));

                BigInteger slash = hrth(4);
                resolve(w, lost.id(), false, slash);
                resolve(w, won.id(), true, BigInteger.ZERO);
                await("the verdicts", () -> outcome(stored, chain, market, lost.id()) == JobOutcome.SLASHED
                        && outcome(stored, chain, market, won.id()) == JobOutcome.PAID);
                assertTrue(stored.find(chain, market, lost.id().longValue(), PROVIDER).orElseThrow().reason()
                        .endsWith("4 HRTH slashed"));
                assertEquals(PRICE.subtract(FEE), stored.find(chain, market, won.id().longValue(), PROVIDER).orElseThrow().paid());
                assertEquals(DemoWorld.MARKET_MIN_STAKE.subtract(slash), w.market.provider(PROVIDER).stake(), "the slash came out of the bond");
                ProviderEarnings earnings = stored.earnings(chain, market, PROVIDER);
                assertEquals(PRICE.subtract(FEE), earnings.earned());
                assertEquals(1, earnings.count(JobOutcome.SLASHED));
            }
        }
    }

    /** The timelock's verdict (impersonated here; a passed proposal in real use). */
    private static void resolve(MarketWorld w, BigInteger id, boolean providerWins, BigInteger slash) {
        String timelock = w.contracts.get("HearthTimelock");
        w.chain.rpc().call("anvil_setBalance", timelock, "0xde0b6b3a7640000");
        w.chain.rpc().call("anvil_impersonateAccount", timelock);
        try {
            w.dev.call(timelock, w.market.address(), "resolve(uint256,bool,uint256,bytes32)", id, providerWins, slash, new byte[32]);
        } finally {
            w.chain.rpc().call("anvil_stopImpersonatingAccount", timelock);
        }
    }

    static JobOutcome outcome(ProviderJobs stored, long chain, String market, BigInteger id) {
        return stored.find(chain, market, id.longValue(), PROVIDER).map(ProviderJob::outcome).orElse(null);
    }

    static BigInteger balance(MarketWorld w, String account) {
        return (BigInteger) new org.hearth.chain.abi.ContractCalls(w.chain.rpc()).readOne(w.token(), "balanceOf(address)(uint256)", account);
    }

    /** C = A·B, each element within float rounding of the exact sum. */
    private static void assertProduct(TestRequester.Gemm g, float[] c) {
        for (int i = 0; i < g.m(); i++) {
            for (int j = 0; j < g.n(); j++) {
                double sum = 0;
                for (int k = 0; k < g.k(); k++) {
                    sum += (double) g.a()[i * g.k() + k] * g.b()[k * g.n() + j];
                }
                assertEquals(sum, c[i * g.n() + j], 1e-4 * g.k(), "C[" + i + "][" + j + "]");
            }
        }
    }
}
