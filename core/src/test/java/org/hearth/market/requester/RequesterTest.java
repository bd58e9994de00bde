package org.hearth.market.requester;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.hearth.chain.review.CallDecoder;
import org.hearth.chain.review.TxReview;
import org.hearth.compute.blob.BlobFetcher;
import org.hearth.compute.blob.BlobServer;
import org.hearth.compute.blob.BlobStore;
import org.hearth.compute.job.GemmBlobs;
import org.hearth.dao.Governor;
import org.hearth.dao.Governors;
import org.hearth.dao.ProposalAction;
import org.hearth.dao.ProposalActions;
import org.hearth.dao.Proposals;
import org.hearth.dao.StoredProposal;
import org.hearth.market.IndexedJob;
import org.hearth.market.JobState;
import org.hearth.market.MarketJobs;
import org.hearth.node.DemoWorld;
import org.hearth.testing.DevTx;
import org.hearth.testing.MarketWorld;
import org.hearth.testing.ScriptedProvider;
import org.hearth.testing.TestMatrices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The requester on anvil with the demo world: posts through the pipeline (approve, then postJob, each
 * reviewed), serves its inputs, and reviews what a provider (a dev account driven step by step, running
 * the CPU worker) submits: an honest gemm result is verified and accepted and the provider paid; a
 * tampered one is disputed with an evidence blob and a proposal whose action, run by the timelock,
 * resolves the job and slashes the provider's bond.
 */
class RequesterTest {

    private static final BigInteger HRTH = MarketWorld.HRTH;
    private static final BigInteger PRICE = HRTH.multiply(BigInteger.valueOf(5));
    private static final int REQUESTER_INDEX = 4;

    @TempDir
    Path dir;

    @Test
    void honestGemmIsAcceptedAndATamperedOneDisputedThroughAProposalThatSlashes() throws Exception {
        try (MarketWorld w = MarketWorld.start(dir, null);
             BlobServer served = BlobServer.startLoopback(new BlobStore(dir.resolve("requester-blobs"), BlobStore.DEFAULT_MAX_BYTES));
             ScriptedProvider provider = new ScriptedProvider(w, DevTx.ACCOUNTS[3], dir.resolve("provider-blobs"))) {
            w.chain.rpc().call("evm_setAutomine", true); // the pipeline's transactions are mined as they arrive
            BlobStore store = new BlobStore(dir.resolve("requester-blobs"), BlobStore.DEFAULT_MAX_BYTES);
            String requester = AnvilDevKeys.address(REQUESTER_INDEX);
            assertEquals(DevTx.ACCOUNTS[REQUESTER_INDEX], requester);
            w.dev.call(MarketWorld.OWNER, w.token(), "transfer(address,uint256)", requester, HRTH.multiply(BigInteger.valueOf(1_000)));
            provider.register();
            List<TxReview> reviews = new ArrayList<>();
            ProviderTrustRepository trust = new ProviderTrustRepository(w.db);
            MarketJobs jobs = new MarketJobs(w.db);
            Requester r = new Requester(w.session, w.market, jobs, store, served.base(), AnvilDevKeys.signer(REQUESTER_INDEX),
                    review -> reviews.add(review), new ResultReview.Checks(SpotCheckPolicy.standard(), trust, ResultVerifier.standard()),
                    Requester.Options.defaults());

            // Honest: posted with escrow (approve, then postJob, both reviewed), verified, accepted, paid.
            int m = 24, k = 20, n = 16;
            PostedJob honest = r.postGemm(TestMatrices.random(m * k, 1), TestMatrices.random(k * n, 2), m, n, k, PRICE);
            assertEquals(List.of("approve(address,uint256)", "postJob(uint8,bytes32,string,uint256,uint64,uint64)"),
                    reviews.stream().map(v -> v.call().function().signature()).toList());
            assertEquals(JobState.OPEN, w.market.jobState(honest.id()));
            byte[] computed = provider.complete(honest.id(), served.base(), honest.spec(), b -> b);
            JobOutcome accepted = r.await(honest, Duration.ofSeconds(60));
            assertEquals(JobOutcome.Status.ACCEPTED, accepted.status(), String.valueOf(accepted));
            assertTrue(accepted.verdict().verified(), "a new provider is always checked");
            assertArrayEquals(computed, accepted.result());
            assertEquals(JobState.SETTLED, w.market.jobState(honest.id()));
            BigInteger fee = PRICE.multiply(BigInteger.valueOf(DemoWorld.MARKET_FEE_BPS)).divide(BigInteger.valueOf(10_000));
            assertEquals(PRICE.subtract(fee), w.market.credits(provider.address));
            assertEquals(1, trust.find(w.session.chainId(), provider.address).validStreak());

            // Tampered: two errors that cancel under ±1 vectors, in one row. Disputed with evidence; trust reset.
            PostedJob second = r.postGemm(TestMatrices.random(m * k, 3), TestMatrices.random(k * n, 4), m, n, k, PRICE);
            provider.complete(second.id(), served.base(), second.spec(), bytes -> {
                float[] c = GemmBlobs.decodeMatrix(bytes, m, n);
                c[3 * n + 2] += 0.25f;
                c[3 * n + 9] -= 0.25f;
                return GemmBlobs.encodeMatrix(c);
            });
            BigInteger timelockBefore = w.market.credits(w.market.timelock());
            JobOutcome disputed = r.await(second, Duration.ofSeconds(60));
            assertEquals(JobOutcome.Status.DISPUTED, disputed.status(), String.valueOf(disputed));
            assertEquals(JobState.DISPUTED, w.market.jobState(second.id()));
            assertEquals(0, trust.find(w.session.chainId(), provider.address).validStreak(), "one bad result resets trust");
            assertEquals(1, trust.find(w.session.chainId(), provider.address).failed());

            byte[] evidence = new BlobFetcher(Duration.ofSeconds(5), 1 << 20).fetch(disputed.evidence(), List.of(served.base()));
            JsonNode doc = new ObjectMapper().readTree(evidence);
            assertEquals(second.id().toString(), doc.path("jobId").asText());
            assertEquals("freivalds", doc.path("check").path("check").asText());
            assertEquals(3, doc.path("check").path("row").asInt(), "the tampered row is named");
            jobs.sync(w.session, w.market.address());
            IndexedJob indexed = jobs.job(w.session.chainId(), w.market.address(), second.id().longValueExact()).orElseThrow();
            assertEquals(disputed.evidence().digestHex(), indexed.evidence(), "the evidence digest is on chain");

            // The proposal calls resolve(job, false, bond, evidence) on the market; passed and executed, it slashes.
            assertNotNull(disputed.proposalId(), disputed.note());
            Governor governor = new Governors(w.session).pick(null);
            Proposals proposals = new Proposals(w.session);
            proposals.sync(governor);
            StoredProposal p = proposals.require(governor, disputed.proposalId());
            List<ProposalAction> actions = new ProposalActions(w.session.rpc(), CallDecoder.shipped(), w.session.contracts()).describe(p);
            assertEquals(1, actions.size());
            assertEquals("resolve(uint256,bool,uint256,bytes32)", actions.getFirst().call().function().signature());
            assertEquals("ComputeMarket", actions.getFirst().targetName());
            BigInteger bond = DemoWorld.MARKET_CLAIM_BOND;
            assertEquals(List.of(second.id(), false, bond, disputed.evidence().digestHex()),
                    actions.getFirst().call().arguments().stream().map(a -> a.value()).toList(), "resolve(job, requester wins, the whole bond, evidence)");
            BigInteger state = (BigInteger) new org.hearth.chain.abi.ContractCalls(w.session.rpc()).readOne(governor.address(), "state(uint256)(uint8)", disputed.proposalId());
            assertTrue(state.intValue() <= 1, "pending or active: " + state);
            // The demo governor counts seconds: the proposal passes a real vote at once (the owner's votes For, the day-long
            // period passed in chain time), then is queued and executed through the timelock.
            org.hearth.chain.abi.ContractCalls read = new org.hearth.chain.abi.ContractCalls(w.session.rpc());
            w.passTime(((BigInteger) read.readOne(governor.address(), "votingDelay()(uint256)")).longValueExact() + 1);
            w.dev.call(MarketWorld.OWNER, governor.address(), "castVote(uint256,uint8)", disputed.proposalId(), 1);
            w.passTime(((BigInteger) read.readOne(governor.address(), "votingPeriod()(uint256)")).longValueExact() + 1);
            Object[] lifecycle = {p.targets(), p.values(), p.calldatas(),
                    org.web3j.crypto.Hash.sha3(p.description().getBytes(java.nio.charset.StandardCharsets.UTF_8))};
            w.dev.call(MarketWorld.OWNER, governor.address(), "queue(address[],uint256[],bytes[],bytes32)", lifecycle);
            w.passTime(((BigInteger) read.readOne(w.market.timelock(), "getMinDelay()(uint256)")).longValueExact() + 1);
            w.dev.call(MarketWorld.OWNER, governor.address(), "execute(address[],uint256[],bytes[],bytes32)", lifecycle);
            assertEquals(BigInteger.valueOf(7), read.readOne(governor.address(), "state(uint256)(uint8)", disputed.proposalId()), "executed");
            assertEquals(JobState.RESOLVED, w.market.jobState(second.id()));
            assertEquals(timelockBefore.add(bond), w.market.credits(w.market.timelock()), "the whole bond slashed to the treasury");
            assertEquals(PRICE.add(bond), w.market.credits(requester), "price and dispute bond back to the requester");
        }
    }

    @Test
    void renderTilesAreEachVerifiedAcceptedAndAssembledIntoTheImage() throws Exception {
        try (MarketWorld w = MarketWorld.start(dir, null);
             BlobServer served = BlobServer.startLoopback(new BlobStore(dir.resolve("requester-blobs"), BlobStore.DEFAULT_MAX_BYTES));
             ScriptedProvider provider = new ScriptedProvider(w, DevTx.ACCOUNTS[3], dir.resolve("provider-blobs"));
             org.hearth.compute.cpu.CpuBackend cpu = new org.hearth.compute.cpu.CpuBackend(2)) {
            w.chain.rpc().call("evm_setAutomine", true);
            BlobStore store = new BlobStore(dir.resolve("requester-blobs"), BlobStore.DEFAULT_MAX_BYTES);
            String requester = AnvilDevKeys.address(REQUESTER_INDEX);
            w.dev.call(MarketWorld.OWNER, w.token(), "transfer(address,uint256)", requester, HRTH.multiply(BigInteger.valueOf(1_000)));
            provider.register();
            Requester r = new Requester(w.session, w.market, new MarketJobs(w.db), store, served.base(), AnvilDevKeys.signer(REQUESTER_INDEX),
                    TxGate.always(), new ResultReview.Checks(SpotCheckPolicy.standard(), new ProviderTrustRepository(w.db), ResultVerifier.standard()),
                    Requester.Options.defaults());
            String scene = org.hearth.compute.ComputeTestScenes.small().toJson();
            BigInteger price = PRICE.add(BigInteger.ONE); // odd in wei: the tiles still add up to it exactly
            List<PostedJob> tiles = r.postRender(scene, 40, 24, 2, 2, 11, price);
            assertEquals(2, tiles.size());
            assertEquals(price, tiles.stream().map(PostedJob::price).reduce(BigInteger.ZERO, BigInteger::add));
            for (PostedJob t : tiles) {
                provider.complete(t.id(), served.base(), t.spec(), b -> b);
            }
            List<JobOutcome> outcomes = r.awaitAll(tiles, Duration.ofSeconds(60));
            assertEquals(List.of(JobOutcome.Status.ACCEPTED, JobOutcome.Status.ACCEPTED), outcomes.stream().map(JobOutcome::status).toList());
            java.awt.image.BufferedImage png = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(Requester.renderPng(tiles, outcomes)));
            TileImage direct = new TileImage(40, 24);
            direct.put(0, 0, 40, 24, cpu.renderTile(org.hearth.compute.job.RenderJob.fullImage(org.hearth.compute.ComputeTestScenes.small(), 40, 24, 2, 11),
                    org.hearth.compute.job.CancelToken.none()));
            for (int y = 0; y < 24; y++) {
                for (int x = 0; x < 40; x++) {
                    assertEquals(direct.image().getRGB(x, y) & 0xFFFFFF, png.getRGB(x, y) & 0xFFFFFF, "pixel " + x + "," + y);
                }
            }
        }
    }

    @Test
    void aClaimThatStallsIsExpiredAndTheJobGoesToAnotherProvider() throws Exception {
        try (MarketWorld w = MarketWorld.start(dir, null).automine();
             BlobServer served = BlobServer.startLoopback(new BlobStore(dir.resolve("requester-blobs"), BlobStore.DEFAULT_MAX_BYTES));
             ScriptedProvider stalling = new ScriptedProvider(w, DevTx.ACCOUNTS[3], dir.resolve("stalling-blobs"));
             ScriptedProvider honest = new ScriptedProvider(w, DevTx.ACCOUNTS[2], dir.resolve("honest-blobs"))) {
            String requester = AnvilDevKeys.address(REQUESTER_INDEX);
            w.dev.call(MarketWorld.OWNER, w.token(), "transfer(address,uint256)", requester, HRTH.multiply(BigInteger.valueOf(1_000)));
            stalling.register();
            honest.register();
            Requester r = new Requester(w.session, w.market, new MarketJobs(w.db), new BlobStore(dir.resolve("requester-blobs"), BlobStore.DEFAULT_MAX_BYTES),
                    served.base(), AnvilDevKeys.signer(REQUESTER_INDEX), TxGate.always(),
                    new ResultReview.Checks(SpotCheckPolicy.standard(), new ProviderTrustRepository(w.db), ResultVerifier.standard()),
                    Requester.Options.defaults());
            PostedJob job = r.postGemm(TestMatrices.random(8 * 8, 5), TestMatrices.random(8 * 8, 6), 8, 8, 8, PRICE);
            w.marketCall(stalling.address, org.hearth.market.MarketContract.claim(job.id()));
            w.passTime(Requester.Options.defaults().execWindowSeconds() + 1);
            Thread reclaim = Thread.ofPlatform().start(() -> {
                try {
                    while (w.market.jobState(job.id()) != JobState.OPEN) {
                        Thread.sleep(100);
                    }
                    honest.complete(job.id(), served.base(), job.spec(), bytes -> bytes);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            JobOutcome outcome = r.await(job, Duration.ofSeconds(60));
            reclaim.join();
            assertEquals(JobOutcome.Status.ACCEPTED, outcome.status(), String.valueOf(outcome));
            assertEquals(honest.address, outcome.provider(), "run by the second provider after the first one's claim expired");
            BigInteger penalty = DemoWorld.MARKET_CLAIM_BOND.divide(BigInteger.TWO);
            assertEquals(penalty, w.market.credits(requester), "half the staller's bond to the requester");
        }
    }
}
