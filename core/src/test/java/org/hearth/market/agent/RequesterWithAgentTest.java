package org.hearth.market.agent;

import static org.hearth.market.agent.ProviderHarness.await;
import static org.hearth.market.agent.ProviderHarness.hrth;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.hearth.compute.blob.BlobServer;
import org.hearth.compute.blob.BlobStore;
import org.hearth.market.MarketJobs;
import org.hearth.market.requester.AnvilDevKeys;
import org.hearth.market.requester.JobOutcome;
import org.hearth.market.requester.PostedJob;
import org.hearth.market.requester.ProviderTrustRepository;
import org.hearth.market.requester.Requester;
import org.hearth.market.requester.ResultReview;
import org.hearth.market.requester.ResultVerifier;
import org.hearth.market.requester.SpotCheckPolicy;
import org.hearth.market.requester.TxGate;
import org.hearth.node.DemoWorld;
import org.hearth.testing.MarketWorld;
import org.hearth.testing.TestMatrices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The requester and the provider agent on one anvil: jobs posted by the one are run by the other, verified, accepted and paid. */
class RequesterWithAgentTest {

    private static final int REQUESTER_INDEX = 5;

    @TempDir
    Path dir;

    @Test
    void gemmAndRenderJobsRunByTheAgentAreVerifiedAcceptedAndPaid() throws Exception {
        try (MarketWorld w = MarketWorld.start(dir, null).automine();
             BlobServer served = BlobServer.startLoopback(new BlobStore(dir.resolve("requester-blobs"), BlobStore.DEFAULT_MAX_BYTES))) {
            w.fund(ProviderHarness.PROVIDER, 1_000);
            String requester = AnvilDevKeys.address(REQUESTER_INDEX);
            w.dev.call(MarketWorld.OWNER, w.token(), "transfer(address,uint256)", requester, hrth(1_000));
            ProviderTrustRepository trust = new ProviderTrustRepository(w.db);
            Requester r = new Requester(w.session, w.market, new MarketJobs(w.db), new BlobStore(dir.resolve("requester-blobs"), BlobStore.DEFAULT_MAX_BYTES),
                    served.base(), AnvilDevKeys.signer(REQUESTER_INDEX), TxGate.always(),
                    new ResultReview.Checks(SpotCheckPolicy.standard(), trust, ResultVerifier.standard()), Requester.Options.defaults());
            try (ProviderHarness p = new ProviderHarness(w, dir.resolve("provider-blobs"), ProviderHarness.ALWAYS, (j, l) -> { }).start()) {
                await("the registration", () -> w.market.provider(ProviderHarness.PROVIDER).registered());
                PostedJob gemm = r.postGemm(TestMatrices.random(40 * 24, 1), TestMatrices.random(24 * 32, 2), 40, 32, 24, hrth(5));
                List<PostedJob> tiles = r.postRender(org.hearth.compute.bench.BenchScene.scene().toJson(), 32, 16, 4, 2, 3, hrth(2));
                JobOutcome g = r.await(gemm, Duration.ofSeconds(90));
                assertEquals(JobOutcome.Status.ACCEPTED, g.status(), String.valueOf(g));
                assertTrue(g.verdict().verified());
                List<JobOutcome> t = r.awaitAll(tiles, Duration.ofSeconds(90));
                assertEquals(List.of(JobOutcome.Status.ACCEPTED, JobOutcome.Status.ACCEPTED), t.stream().map(JobOutcome::status).toList(), t.toString());
                assertTrue(Requester.renderPng(tiles, t).length > 100);
                assertEquals(3, trust.find(w.session.chainId(), ProviderHarness.PROVIDER).validStreak(), "three verified results in a row");
                BigInteger paid = hrth(7);
                BigInteger fee = hrth(5).multiply(BigInteger.valueOf(DemoWorld.MARKET_FEE_BPS)).divide(BigInteger.valueOf(10_000))
                        .add(hrth(1).multiply(BigInteger.valueOf(DemoWorld.MARKET_FEE_BPS)).divide(BigInteger.valueOf(10_000)).multiply(BigInteger.TWO));
                BigInteger expected = hrth(1_000).subtract(DemoWorld.MARKET_MIN_STAKE).add(paid.subtract(fee));
                org.hearth.chain.abi.ContractCalls calls = new org.hearth.chain.abi.ContractCalls(w.session.rpc());
                await("the provider paid and withdrawn", () -> w.market.credits(ProviderHarness.PROVIDER).signum() == 0
                        && calls.readOne(w.token(), "balanceOf(address)(uint256)", ProviderHarness.PROVIDER).equals(expected));
            }
        }
    }
}
