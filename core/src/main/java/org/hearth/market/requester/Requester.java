package org.hearth.market.requester;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hearth.chain.ChainClock;
import org.hearth.chain.session.ChainSession;
import org.hearth.chain.tx.TxSigner;
import org.hearth.compute.blob.BlobStore;
import org.hearth.compute.blob.Cid;
import org.hearth.compute.blob.JobManifest;
import org.hearth.compute.blob.ManifestCodec;
import org.hearth.compute.job.GemmBlobs;
import org.hearth.compute.job.JobLimits;
import org.hearth.compute.scene.Scene;
import org.hearth.market.IndexedJob;
import org.hearth.market.JobKind;
import org.hearth.market.JobState;
import org.hearth.market.MarketContract;
import org.hearth.market.MarketEvents;
import org.hearth.market.MarketJob;
import org.hearth.market.MarketJobs;
import org.hearth.market.MarketSender;
import org.hearth.problem.HearthException;

/**
 * The requester side of the compute market: stores a job's inputs and manifest as blobs (served by the
 * caller's {@link org.hearth.compute.blob.BlobServer} at {@code servedAt}), lets the market pull the
 * escrow (approve) and posts the job, each transaction through the one pipeline and the gate; then waits
 * for results through {@link MarketJobs} and hands each to {@link ResultReview} (fetch, verify, accept or
 * dispute). Render images are split into tiles, one job each.
 */
public final class Requester {

    /**
     * @param claimWindowSeconds how long a job stays open for a provider to claim it
     * @param execWindowSeconds  how long the claimant has to submit
     */
    public record Options(long claimWindowSeconds, long execWindowSeconds, Duration receiptTimeout, Duration fetchTimeout, List<URI> gateways) {
        public static Options defaults() {
            return new Options(600, 120, Duration.ofSeconds(90), Duration.ofSeconds(15), List.of());
        }
    }

    private static final long POLL_MILLIS = 250;

    private final ChainSession session;
    private final MarketContract market;
    private final MarketJobs jobs;
    private final BlobStore blobs;
    private final URI servedAt;
    private final MarketSender tx;
    private final ResultReview review;
    private final Options options;
    private final PostedInputs inputs = new PostedInputs(PostedInputs.DEFAULT_MAX_BYTES);

    public Requester(ChainSession session, MarketContract market, MarketJobs jobs, BlobStore blobs, URI servedAt, TxSigner signer,
                     TxGate gate, ResultReview.Checks checks, Options options) {
        this.session = session;
        this.market = market;
        this.jobs = jobs;
        this.blobs = blobs;
        this.servedAt = servedAt;
        this.options = options;
        this.tx = MarketSender.gated(session, signer, gate, options.receiptTimeout());
        this.review = new ResultReview(session, market, blobs, inputs, servedAt, tx, checks, options);
    }

    public String address() {
        return tx.account();
    }

    public MarketContract market() {
        return market;
    }

    /** Bytes of posted input matrices held in memory for the reviews still to come. */
    public long heldInputBytes() {
        return inputs.heldBytes();
    }

    /** C = A·B with A m×k and B k×n given as raw row-major little-endian f32. */
    public PostedJob postGemm(byte[] a, byte[] b, int m, int n, int k, BigInteger price) throws InterruptedException {
        try {
            JobLimits.DEFAULT.checkGemmShape(m, k, n);
        } catch (RuntimeException e) {
            throw new HearthException("requester.badInput", e, e.getMessage());
        }
        requireBytes("A", a, 4L * m * k, m + "x" + k);
        requireBytes("B", b, 4L * k * n, k + "x" + n);
        JobManifest.Gemm manifest = new JobManifest.Gemm(m, n, k, blobs.put(a), blobs.put(b));
        ensureAllowance(price);
        PostedJob posted = post(JobKind.GEMM, manifest, price);
        inputs.holdMatrix(manifest.a(), a);
        inputs.holdMatrix(manifest.b(), b);
        return posted;
    }

    /** One job per tile of a {@code width}×{@code height} image; {@code price} is split over the tiles exactly. */
    public List<PostedJob> postRender(String sceneJson, int width, int height, int samples, int tiles, long seed, BigInteger price)
            throws InterruptedException {
        Scene parsed = Scene.parse(sceneJson); // refuse a bad scene before anything is stored or spent
        List<RenderPlan.Tile> plan;
        try {
            plan = RenderPlan.split(width, height, tiles, price);
        } catch (IllegalArgumentException e) {
            throw new HearthException("requester.badInput", e, e.getMessage());
        }
        Cid scene = blobs.put(sceneJson.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        List<JobManifest> manifests = new ArrayList<>();
        ManifestCodec codec = new ManifestCodec(JobLimits.DEFAULT);
        for (RenderPlan.Tile t : plan) {
            JobManifest m = new JobManifest.Render(scene, width, height, t.x(), t.y(), t.w(), t.h(), samples, seed);
            codec.parse(ManifestCodec.encode(m)); // the provider's own checks (image size, samples), before spending
            manifests.add(m);
        }
        ensureAllowance(price);
        List<PostedJob> out = new ArrayList<>();
        for (int i = 0; i < plan.size(); i++) {
            out.add(post(JobKind.RENDER, manifests.get(i), plan.get(i).price()));
            inputs.holdScene(scene, parsed);
        }
        return out;
    }

    /** Waits for one job's result and reviews it. */
    public JobOutcome await(PostedJob job, Duration timeout) throws InterruptedException {
        return awaitAll(List.of(job), timeout).getFirst();
    }

    /** Waits for one job's result; {@code judge} decides on it. */
    public JobOutcome await(PostedJob job, Duration timeout, ResultReview.Judge judge) throws InterruptedException {
        return awaitAll(List.of(job), timeout, judge).getFirst();
    }

    /**
     * Waits for every job's result, reviewing each as soon as it is submitted (the review window runs from
     * then); jobs without a result by the deadline end {@link JobOutcome.Status#TIMED_OUT}. Outcomes in
     * the order of {@code posted}.
     */
    public List<JobOutcome> awaitAll(List<PostedJob> posted, Duration timeout) throws InterruptedException {
        return awaitAll(posted, timeout, ResultReview.Judge.AUTOMATIC);
    }

    /** As {@link #awaitAll(List, Duration)}, with {@code judge} deciding on each checked result (a user, when automatic verification is off). */
    public List<JobOutcome> awaitAll(List<PostedJob> posted, Duration timeout, ResultReview.Judge judge) throws InterruptedException {
        Map<BigInteger, JobOutcome> done = new LinkedHashMap<>();
        Map<BigInteger, Long> expired = new LinkedHashMap<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        long chainId = session.chainId();
        while (done.size() < posted.size()) {
            jobs.sync(session, market.address());
            for (PostedJob p : posted) {
                if (done.containsKey(p.id())) {
                    continue;
                }
                int before = done.size();
                Optional<IndexedJob> indexed = jobs.job(chainId, market.address(), p.id().longValueExact());
                JobState state = indexed.map(IndexedJob::state).orElse(JobState.OPEN);
                if (state == JobState.SUBMITTED && indexed.get().result() != null) {
                    done.put(p.id(), review.review(p, indexed.get(), judge));
                } else if (state == JobState.CLAIMED && stalled(indexed.get(), expired)) {
                    expireStalled(p.id(), expired); // the claimant loses part of its bond; the job reopens for another provider
                } else if (state.isFinal() || state == JobState.DISPUTED) {
                    done.put(p.id(), JobOutcome.without(p.id(), JobOutcome.Status.ENDED, "the job is " + state.name().toLowerCase(java.util.Locale.ROOT)));
                }
                if (done.size() > before) {
                    inputs.release(p.manifest());
                }
            }
            if (done.size() == posted.size()) {
                break;
            }
            if (System.nanoTime() > deadline) {
                for (PostedJob p : posted) {
                    if (done.putIfAbsent(p.id(), JobOutcome.without(p.id(), JobOutcome.Status.TIMED_OUT, "no result within " + timeout.toSeconds() + " s")) == null) {
                        inputs.release(p.manifest());
                    }
                }
                break;
            }
            Thread.sleep(POLL_MILLIS);
        }
        return posted.stream().map(p -> done.get(p.id())).toList();
    }

    /** Cancels a job still open (nobody claimed it): its escrow becomes the requester's credits. */
    public void cancel(BigInteger jobId) throws InterruptedException {
        tx.send(market.address(), MarketContract.cancel(jobId));
    }

    /** The image of a render's tiles as PNG; every tile must have been accepted. */
    public static byte[] renderPng(List<PostedJob> tiles, List<JobOutcome> outcomes) {
        TileImage image = null;
        for (int i = 0; i < tiles.size(); i++) {
            if (!(tiles.get(i).manifest() instanceof JobManifest.Render r)) {
                throw new IllegalArgumentException("job " + tiles.get(i).id() + " is not a render tile");
            }
            JobOutcome o = outcomes.get(i);
            if (o.status() != JobOutcome.Status.ACCEPTED) {
                throw new IllegalStateException("tile job " + o.jobId() + " was not accepted (" + o.status() + ")");
            }
            if (image == null) {
                image = new TileImage(r.width(), r.height());
            }
            image.put(r.tileX(), r.tileY(), r.tileW(), r.tileH(), GemmBlobs.decodeMatrix(o.result(), r.tileH(), r.tileW() * 3));
        }
        if (image == null) {
            throw new IllegalArgumentException("no tiles");
        }
        return image.png();
    }

    /** A claim whose exec deadline has passed by chain time (and that we have not expired at that deadline already). */
    private boolean stalled(IndexedJob job, Map<BigInteger, Long> expired) {
        Long deadline = job.execDeadline();
        return deadline != null && !deadline.equals(expired.get(BigInteger.valueOf(job.id()))) && chainTime() > deadline;
    }

    private void expireStalled(BigInteger id, Map<BigInteger, Long> expired) throws InterruptedException {
        MarketJob now = market.job(id);
        expired.put(id, now.deadline());
        if (now.state() == JobState.CLAIMED) {
            tx.send(market.address(), MarketContract.expire(id));
        }
    }

    private long chainTime() {
        return ChainClock.latest(session.rpc());
    }

    private PostedJob post(JobKind kind, JobManifest manifest, BigInteger price) throws InterruptedException {
        Cid spec = blobs.put(ManifestCodec.encode(manifest));
        JsonNode receipt = tx.send(market.address(), MarketContract.postJob(kind, spec.digest(), servedAt.toString(), price,
                options.claimWindowSeconds(), options.execWindowSeconds()));
        return new PostedJob(postedId(receipt), manifest, spec, price);
    }

    /** Approves the market to pull {@code amount} unless it already may (one approval can cover many posts). */
    public void ensureAllowance(BigInteger amount) throws InterruptedException {
        if (market.allowance(tx.account()).compareTo(amount) < 0) {
            tx.send(market.token(), market.approveMarket(amount));
        }
    }

    private BigInteger postedId(JsonNode receipt) {
        for (JsonNode log : receipt.path("logs")) {
            JsonNode topics = log.path("topics");
            if (log.path("address").asText().equalsIgnoreCase(market.address()) && topics.size() > 1
                    && topics.get(0).asText().equalsIgnoreCase(MarketEvents.JOB_POSTED.topic0())) {
                return new BigInteger(topics.get(1).asText().substring(2), 16);
            }
        }
        throw new IllegalStateException("postJob was mined without a JobPosted event");
    }

    private static void requireBytes(String name, byte[] bytes, long expected, String shape) {
        if (bytes.length != expected) {
            throw new HearthException("requester.badInput", null,
                    name + " has " + bytes.length + " bytes; a " + shape + " f32 matrix has " + expected);
        }
    }
}
