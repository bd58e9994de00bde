package org.hearth.market.agent;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.hearth.chain.abi.ContractCalls;
import org.hearth.chain.tx.TxWouldRevertException;
import org.hearth.compute.blob.BlobException;
import org.hearth.compute.blob.Cid;
import org.hearth.compute.job.JobRejectedException;
import org.hearth.compute.provider.JobSource;
import org.hearth.compute.provider.LocalJobLoop;
import org.hearth.compute.verify.Freivalds;
import org.hearth.compute.verify.RenderVerifier;
import org.hearth.compute.worker.JobResult;
import org.hearth.compute.worker.WorkerCapabilities;
import org.hearth.compute.worker.WorkerSupervisor;
import org.hearth.market.IndexedJob;
import org.hearth.market.JobState;
import org.hearth.market.MarketContract;
import org.hearth.market.MarketJob;
import org.hearth.market.MarketJobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The provider agent's market mode: registers (stake, signed device attestation), follows the market's
 * events through {@link MarketJobs}, and each second: moves its own jobs on ({@link JobSettlement}),
 * resumes a claimed job after a restart, and, unless the policy paused it, claims one open job it can run
 * within the exec window (manifest and inputs fetched and checked first, so a bad job is refused
 * without a claim), runs it on the worker, checks the result as a requester would, publishes the result
 * blob and submits it. One job runs at a time (the worker's queue is one deep), so the agent never holds
 * more than it can run. Every job it claimed or refused is in {@link ProviderJobs}.
 */
public final class MarketLoop implements JobSource {

    private static final Logger LOG = LoggerFactory.getLogger(MarketLoop.class);

    /** What the loop tells a terminal or a screen; called on the loop's thread. {@code job} is null for account-wide lines. */
    @FunctionalInterface
    public interface Listener {
        void job(ProviderJob job, String line);
    }

    private final MarketAgentConfig config;
    private final WorkerSupervisor worker;
    private final WorkerCapabilities caps;
    private final LocalJobLoop.Listener jobs;
    private final Listener listener;
    private final MarketJobs index;
    private final ProviderJobs store;
    private final JobInputs inputs;
    private final long chainId;
    private volatile boolean running;
    private volatile boolean paused;
    private volatile CompletableFuture<JobResult> current;
    /** The claimed job being run (or about to be) now; null between jobs. */
    private volatile ProviderJob held;
    private volatile boolean released;
    private final StopChoice stopping = new StopChoice();
    private JobSettlement settlement;
    private Thread thread;

    public MarketLoop(MarketAgentConfig config, WorkerSupervisor worker, WorkerCapabilities caps, LocalJobLoop.Listener jobs, Listener listener) {
        this.config = config;
        this.worker = worker;
        this.caps = caps;
        this.jobs = jobs;
        this.listener = listener;
        this.index = new MarketJobs(config.session().database());
        this.store = new ProviderJobs(config.session().database());
        this.inputs = new JobInputs(config.store(), config.gateways(), config.limits(), config.fetchTimeout());
        this.chainId = config.session().chainId();
    }

    /** The provider agent's job source for this market. */
    public static JobSource.Factory factory(MarketAgentConfig config, Listener listener) {
        return (worker, caps, jobs) -> new MarketLoop(config, worker, caps, jobs, listener);
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = Thread.ofPlatform().daemon().name("market-provider").start(this::run);
    }

    @Override
    public void paused(boolean now) {
        paused = now;
    }

    @Override
    public String description() {
        return "taking jobs from the market " + config.market().address() + " as " + config.account();
    }

    private void run() {
        try {
            String symbol = (String) new ContractCalls(config.session().rpc()).readOne(config.market().token(), "symbol()(string)");
            settlement = new JobSettlement(config, index, store, this::report, symbol);
            ProviderRegistration.Registered r = ProviderRegistration.ensure(config, caps);
            report(null, "registered on " + config.market().address() + ": stake " + settlement.amount(r.provider().stake())
                    + " (added " + settlement.amount(r.stakeAdded()) + "), attestation " + r.attestation() + ", endpoint " + config.resultBase());
            index.sync(config.session(), config.market().address());
            adoptClaimsFromChain();
            while (running) {
                try {
                    step();
                } catch (RuntimeException e) {
                    report(null, "market step failed, retrying: " + message(e));
                }
                Thread.sleep(config.pollInterval().toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            if (running) {
                running = false;
                jobs.died(e);
            }
        }
    }

    private void step() throws InterruptedException {
        index.sync(config.session(), config.market().address());
        long now = chainTime();
        for (ProviderJob job : store.unfinished(chainId, config.market().address(), config.account())) {
            if (!running) {
                return;
            }
            if (job.stage() == ProviderJob.Stage.CLAIMED && job.outcome() == JobOutcome.PENDING && runnable(job, now)) {
                run(job, inputs.load(job.kind(), job.spec(), job.specUrl()), "resumed");
            } else {
                settlement.advance(job, now);
            }
        }
        if (!paused && !stopping.draining() && running) {
            claimNext(now);
        }
        settlement.withdrawIfOwed();
    }

    /** Still the provider's claim, inside its exec window. */
    private boolean runnable(ProviderJob job, long now) {
        MarketJob chain = config.market().job(BigInteger.valueOf(job.id()));
        return chain.state() == JobState.CLAIMED && config.account().equalsIgnoreCase(chain.provider()) && now < chain.deadline();
    }

    private void claimNext(long now) throws InterruptedException {
        String market = config.market().address();
        for (IndexedJob open : index.openAfter(chainId, market, 0)) {
            if (!running || paused || stopping.draining()) {
                return;
            }
            if (config.account().equalsIgnoreCase(open.requester()) || open.spec() == null
                    || store.find(chainId, market, open.id(), config.account()).isPresent()) {
                continue; // its own job, one seen before its post was indexed, or one this provider already had
            }
            BigInteger id = BigInteger.valueOf(open.id());
            MarketJob chain = config.market().job(id);
            if (chain.state() != JobState.OPEN || now >= chain.claimDeadline()) {
                continue;
            }
            ProviderJob seen = new ProviderJob(market, open.id(), config.account(), open.kind(), open.spec(), open.specUrl(), open.price(),
                    0, ProviderJob.Stage.SEEN, null, JobOutcome.REFUSED, "", null, System.currentTimeMillis(), System.currentTimeMillis());
            JobInputs.Loaded loaded;
            try {
                loaded = inputs.load(open.kind(), open.spec(), open.specUrl());
            } catch (BlobException | JobRejectedException e) {
                settlement.update(seen, ProviderJob.Stage.SEEN, JobOutcome.REFUSED, message(e), null);
                continue;
            }
            double seconds = estimateSeconds(loaded);
            if (seconds > chain.execWindow()) {
                settlement.update(seen, ProviderJob.Stage.SEEN, JobOutcome.REFUSED, String.format(Locale.ROOT,
                        "needs about %.0f s here, longer than its exec window of %d s", seconds, chain.execWindow()), null);
                continue;
            }
            if (config.market().provider(config.account()).stake().compareTo(config.market().terms(chain.termsId()).bond()) < 0) {
                return; // not enough free stake for another bond: wait for a job to settle
            }
            try {
                config.sender().send(market, MarketContract.claim(id), "claim");
            } catch (TxWouldRevertException e) {
                report(null, "job " + id + ": claim refused (" + e.reason() + ")");
                continue;
            }
            MarketJob claimed = config.market().job(id);
            ProviderJob job = new ProviderJob(market, open.id(), config.account(), open.kind(), open.spec(), open.specUrl(), open.price(),
                    claimed.deadline(), ProviderJob.Stage.CLAIMED, null, JobOutcome.PENDING, "claimed", null, System.currentTimeMillis(),
                    System.currentTimeMillis());
            store.save(chainId, job);
            held = job; // held from the claim on: a stop now asks to finish or release it
            report(job, "job " + id + ": claimed " + describe(loaded) + " for " + settlement.amount(open.price()) + ", exec deadline "
                    + java.time.Instant.ofEpochSecond(claimed.deadline()));
            run(job, loaded, "running");
            return; // one job per step: settle and look again before the next claim
        }
    }

    /** Runs the job while holding it: a drain waits for it, a release gives it up. */
    private void run(ProviderJob job, JobInputs.Loaded loaded, String verb) throws InterruptedException {
        held = job;
        try {
            work(job, loaded, verb);
        } finally {
            held = null;
            stopping.jobDone();
        }
    }

    /** Runs the job, checks the result the way a requester will, publishes it and submits it. */
    private void work(ProviderJob job, JobInputs.Loaded loaded, String verb) throws InterruptedException {
        if (!running) {
            return;
        }
        report(job, "job " + job.id() + ": " + verb + " on " + caps.chosen());
        CompletableFuture<JobResult> future = loaded.gemm() != null ? worker.submit(loaded.gemm()) : worker.submit(loaded.render());
        current = future;
        JobResult result;
        try {
            result = future.get();
        } catch (ExecutionException e) {
            if (running) {
                jobs.failed(message(e.getCause() == null ? e : e.getCause()));
                settlement.update(job, ProviderJob.Stage.CLAIMED, JobOutcome.FAILED, "the worker failed: " + message(e.getCause() == null ? e : e.getCause()), null);
            }
            return;
        } catch (CancellationException stopping) {
            return; // the agent stops: the job stays claimed, to resume or expire
        } finally {
            current = null;
        }
        if (released) {
            return; // given up by the user: never submitted, the claim expires
        }
        boolean ok;
        if (loaded.gemm() != null) {
            ok = Freivalds.standard().check(loaded.gemm(), result.values()).ok();
            int n = (int) Math.round(Math.cbrt((double) loaded.gemm().m() * loaded.gemm().n() * loaded.gemm().k()));
            jobs.gemm(new LocalJobLoop.GemmDone(n, result.nanos(), result.backend(), ok));
        } else {
            ok = new RenderVerifier().check(loaded.render(), result.values()).ok();
            jobs.tile(new LocalJobLoop.TileDone(loaded.render(), result.values(), result.nanos(), result.backend(), ok));
        }
        if (!ok) {
            settlement.update(job, ProviderJob.Stage.CLAIMED, JobOutcome.FAILED, "the result failed the provider's own check on "
                    + result.backend() + "; not submitted", null);
            return;
        }
        Cid cid = config.store().put(JobInputs.encodeResult(result.values()));
        try {
            config.sender().send(config.market().address(), MarketContract.submit(BigInteger.valueOf(job.id()), cid.digest(),
                    config.resultBase().toString()), "submit");
        } catch (TxWouldRevertException e) {
            settlement.update(job, ProviderJob.Stage.CLAIMED, JobOutcome.FAILED, "submit refused: " + e.reason(), null);
            return;
        }
        ProviderJob submitted = new ProviderJob(job.market(), job.id(), job.provider(), job.kind(), job.spec(), job.specUrl(), job.price(),
                job.execDeadline(), ProviderJob.Stage.SUBMITTED, cid.toString(), JobOutcome.PENDING, "submitted, waiting for the requester",
                null, job.claimedAtMillis(), System.currentTimeMillis());
        store.save(chainId, submitted);
        report(submitted, String.format(Locale.ROOT, "job %d: submitted %s (%.2f s on %s)", job.id(), cid, result.nanos() / 1e9, result.backend()));
    }

    /** Claims the chain gives to this account that the store lacks (the agent stopped between claim and write): adopted, never lost. */
    private void adoptClaimsFromChain() {
        String market = config.market().address();
        for (IndexedJob held : index.byProvider(chainId, market, config.account())) {
            boolean active = held.state() == JobState.CLAIMED || held.state() == JobState.SUBMITTED || held.state() == JobState.DISPUTED;
            Optional<ProviderJob> known = store.find(chainId, market, held.id(), config.account());
            if (active && known.isEmpty() && held.spec() != null) {
                ProviderJob.Stage stage = held.state() == JobState.CLAIMED ? ProviderJob.Stage.CLAIMED : ProviderJob.Stage.SUBMITTED;
                store.save(chainId, new ProviderJob(market, held.id(), config.account(), held.kind(), held.spec(), held.specUrl(), held.price(),
                        held.execDeadline() == null ? 0 : held.execDeadline(), stage, null, JobOutcome.PENDING, "found on chain after a restart",
                        null, System.currentTimeMillis(), System.currentTimeMillis()));
            }
        }
    }

    private double estimateSeconds(JobInputs.Loaded loaded) {
        double rate = loaded.gemm() != null ? caps.gemmGflops() * 1e9 : caps.renderMsamplesPerSecond() * 1e6;
        if (rate <= 0) {
            rate = loaded.gemm() != null ? 1e9 : 1e5; // no measurement: assume a slow machine
        }
        return loaded.work() / rate * config.safetyFactor() + 2;
    }

    private long chainTime() {
        return config.session().rpc().call("eth_getBlockByNumber", "latest", false).path("timestamp").asText("0x0").transform(
                hex -> new BigInteger(hex.substring(2), 16).longValueExact());
    }

    private static String describe(JobInputs.Loaded loaded) {
        return loaded.gemm() != null ? "gemm " + loaded.gemm().m() + "x" + loaded.gemm().k() + "x" + loaded.gemm().n()
                : "render tile " + loaded.render().tileW() + "x" + loaded.render().tileH() + " at " + loaded.render().samplesPerPixel() + " spp";
    }

    private void report(ProviderJob job, String line) {
        LOG.info(line);
        try {
            listener.job(job, line);
        } catch (RuntimeException e) {
            LOG.warn("A market listener failed", e);
        }
    }

    private static String message(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    @Override
    public java.util.OptionalLong heldJob() {
        ProviderJob job = held;
        return job == null ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(job.id());
    }

    @Override
    public void drain(Runnable drained) {
        report(null, "finishing the job it holds, claiming no more");
        stopping.drain(drained, held == null);
    }

    @Override
    public void release() {
        released = true;
        ProviderJob job = held;
        if (job != null && settlement != null) {
            settlement.update(job, ProviderJob.Stage.CLAIMED, JobOutcome.FAILED, StopChoice.RELEASED, null);
            report(job, "job " + job.id() + ": released; its claim expires after the exec window and the job reopens");
        }
    }

    @Override
    public synchronized void close() {
        running = false;
        CompletableFuture<JobResult> job = current;
        if (job != null) {
            worker.cancel(job);
        }
        if (thread != null) {
            thread.interrupt();
        }
    }
}
