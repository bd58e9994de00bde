package org.hearth.market.agent;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.hearth.chain.ChainClock;
import org.hearth.chain.abi.ContractCalls;
import org.hearth.chain.tx.TxWouldRevertException;
import org.hearth.compute.blob.BlobException;
import org.hearth.compute.job.JobRejectedException;
import org.hearth.compute.provider.JobSource;
import org.hearth.compute.provider.LocalJobLoop;
import org.hearth.compute.worker.JobResult;
import org.hearth.compute.worker.WorkerCapabilities;
import org.hearth.compute.worker.WorkerSupervisor;
import org.hearth.market.IndexedJob;
import org.hearth.market.JobState;
import org.hearth.market.MarketContract;
import org.hearth.market.MarketJob;
import org.hearth.market.MarketJobs;
import org.hearth.problem.HearthException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The provider agent's market mode: registers (stake, signed device attestation), follows the market's
 * events through {@link MarketJobs}, and each second: moves its own jobs on ({@link JobSettlement}),
 * resumes its claimed jobs after a restart, and, unless the policy paused it, claims open jobs it can run
 * within their exec windows (manifest and inputs fetched and checked first, so a bad job is refused
 * without a claim), hands them to the worker, and as each ends checks the result as a requester would,
 * publishes the result blob and submits it. It holds several jobs at once ({@link HeldJobs}: the worker
 * runs them one after another, so a result is submitted and the next inputs fetched while the worker
 * computes), but only as many as end within each one's window behind the jobs ahead of it. Every job it
 * claimed or refused is in {@link ProviderJobs}.
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
    /** The claimed jobs at the worker (running or queued there). */
    private final HeldJobs held;
    /** Ids of held jobs whose work ended: wakes the loop to submit at once. */
    private final BlockingQueue<Long> ended = new LinkedBlockingQueue<>();
    private volatile boolean released;
    /** Held jobs given up one by one (a policy pause that outlasted their windows): never submitted. */
    private final java.util.Set<Long> releasedJobs = java.util.concurrent.ConcurrentHashMap.newKeySet();
    static final String PAUSED_PAST_WINDOW = "released: sharing was paused by the policy until it could no longer end within its exec window;"
            + " not submitted, the claim expires";
    private final StopChoice stopping = new StopChoice();
    private final java.util.SplittableRandom spread = new java.util.SplittableRandom();
    private JobSettlement settlement;
    private ResultSubmission submission;
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
        this.held = new HeldJobs(config.maxHeldJobs());
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
            submission = new ResultSubmission(config, store, settlement, jobs, this::report);
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
                if (ended.poll(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS) != null) {
                    ended.clear(); // the next step submits every ended job
                }
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
        submitEnded();
        long now = chainTime();
        if (paused) {
            releaseWhatCannotEnd(now);
        }
        for (ProviderJob job : store.unfinished(chainId, config.market().address(), config.account())) {
            if (!running) {
                return;
            }
            if (held.holds(job.id())) {
                continue; // at the worker: submitted when it ends
            }
            if (job.stage() == ProviderJob.Stage.CLAIMED && job.outcome() == JobOutcome.PENDING && runnable(job, now)) {
                begin(job, inputs.load(job.kind(), job.spec(), job.specUrl()));
                report(job, "job " + job.id() + ": resumed on " + caps.chosen());
            } else {
                settlement.advance(job, now);
            }
        }
        if (!paused && !stopping.draining() && running) {
            claimMore(now);
        }
        settlement.withdrawIfOwed();
    }

    /** Still the provider's claim, inside its exec window. */
    private boolean runnable(ProviderJob job, long now) {
        MarketJob chain = config.market().job(BigInteger.valueOf(job.id()));
        return chain.state() == JobState.CLAIMED && config.account().equalsIgnoreCase(chain.provider()) && now < chain.deadline();
    }

    /** Claims open jobs while each still ends within its window behind the held ones. */
    private void claimMore(long now) throws InterruptedException {
        String market = config.market().address();
        List<IndexedJob> open = new ArrayList<>(index.openAfter(chainId, market, 0));
        // from a random place in the list: providers looking at once try different jobs, instead of all racing for the first
        Collections.rotate(open, open.isEmpty() ? 0 : -spread.nextInt(open.size()));
        for (IndexedJob job : open) {
            if (!running || paused || stopping.draining() || held.size() >= config.maxHeldJobs()) {
                return;
            }
            if (config.account().equalsIgnoreCase(job.requester()) || job.spec() == null
                    || store.find(chainId, market, job.id(), config.account()).isPresent()) {
                continue; // its own job, one seen before its post was indexed, or one this provider already had
            }
            BigInteger id = BigInteger.valueOf(job.id());
            MarketJob chain = config.market().job(id);
            if (chain.state() != JobState.OPEN || now >= chain.claimDeadline()) {
                continue;
            }
            ProviderJob seen = new ProviderJob(market, job.id(), config.account(), job.kind(), job.spec(), job.specUrl(), job.price(),
                    0, ProviderJob.Stage.SEEN, null, JobOutcome.REFUSED, "", null, System.currentTimeMillis(), System.currentTimeMillis());
            JobInputs.Loaded loaded;
            try {
                loaded = inputs.load(job.kind(), job.spec(), job.specUrl());
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
            if (!held.fits(seconds, chain.execWindow(), System.nanoTime())) {
                return; // would not end in its window behind the jobs held now: look again once they are done
            }
            if (config.market().provider(config.account()).stake().compareTo(config.market().terms(chain.termsId()).bond()) < 0) {
                return; // not enough free stake for another bond: wait for a job to settle
            }
            try {
                config.sender().send(market, MarketContract.claim(id), "claim");
            } catch (TxWouldRevertException e) {
                report(null, "job " + id + ": claim refused (" + e.reason() + ")");
                continue;
            } catch (HearthException e) {
                if (!"market.txFailed".equals(e.key())) {
                    throw e;
                }
                report(null, "job " + id + ": claim not taken (" + e.getMessage() + "; another provider's claim was mined first)");
                continue;
            }
            MarketJob claimed = config.market().job(id);
            ProviderJob claimedJob = new ProviderJob(market, job.id(), config.account(), job.kind(), job.spec(), job.specUrl(), job.price(),
                    claimed.deadline(), ProviderJob.Stage.CLAIMED, null, JobOutcome.PENDING, "claimed", null, System.currentTimeMillis(),
                    System.currentTimeMillis());
            store.save(chainId, claimedJob);
            int ahead = held.size();
            begin(claimedJob, loaded); // held from the claim on: a stop now asks to finish or release it
            report(claimedJob, "job " + id + ": claimed " + describe(loaded) + " for " + settlement.amount(job.price()) + ", exec deadline "
                    + java.time.Instant.ofEpochSecond(claimed.deadline()));
            report(claimedJob, "job " + id + ": " + (ahead == 0 ? "running" : "queued behind " + ahead + " held") + " on " + caps.chosen());
        }
    }

    /** Hands the job to the worker and holds it from now on: a stop asks to finish or release it, a drain waits for it. */
    private void begin(ProviderJob job, JobInputs.Loaded loaded) {
        CompletableFuture<JobResult> future = loaded.gemm() != null ? worker.submit(loaded.gemm()) : worker.submit(loaded.render());
        held.add(new HeldJobs.Held(job, loaded, future, estimateSeconds(loaded), System.nanoTime()));
        future.whenComplete((r, e) -> ended.offer(job.id()));
    }

    /**
     * While the policy pauses the worker, a held job keeps its exec-window promise: it ends in time if
     * the pause lifts soon enough, and once it could no longer end in its window even if the worker
     * resumed now (its estimate and those ahead of it), it is released before the window closes: its
     * work stops, it is never submitted late, and the claim is left to expire.
     */
    private void releaseWhatCannotEnd(long now) {
        double ahead = 0;
        for (HeldJobs.Held h : held.all()) {
            if (h.result().isDone() || releasedJobs.contains(h.job().id())) {
                continue;
            }
            if (now + ahead + h.seconds() <= h.job().execDeadline()) {
                ahead += h.seconds();
                continue;
            }
            releasedJobs.add(h.job().id());
            worker.cancel(h.result());
            settlement.update(h.job(), ProviderJob.Stage.CLAIMED, JobOutcome.FAILED, PAUSED_PAST_WINDOW, null);
            report(h.job(), "job " + h.job().id() + ": released while paused: it could no longer end before its exec deadline "
                    + java.time.Instant.ofEpochSecond(h.job().execDeadline()));
        }
    }

    /** Every held job whose work ended: checked, published and submitted (or its failure kept), oldest first. */
    private void submitEnded() throws InterruptedException {
        for (HeldJobs.Held h : held.finished()) {
            try {
                if (running && !released && !releasedJobs.contains(h.job().id())) {
                    submission.finish(h); // a released job is never submitted: its claim expires
                }
            } finally {
                held.remove(h.job().id());
                if (held.isEmpty()) {
                    stopping.jobDone();
                }
            }
        }
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
        return ChainClock.latest(config.session().rpc());
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
        return held.first();
    }

    @Override
    public java.util.List<Long> heldJobs() {
        return held.ids();
    }

    @Override
    public void drain(Runnable drained) {
        report(null, "finishing the jobs it holds, claiming no more");
        stopping.drain(drained, held.isEmpty());
    }

    @Override
    public void release() {
        released = true;
        for (HeldJobs.Held h : held.all()) {
            if (settlement != null) {
                settlement.update(h.job(), ProviderJob.Stage.CLAIMED, JobOutcome.FAILED, StopChoice.RELEASED, null);
                report(h.job(), "job " + h.job().id() + ": released; its claim expires after the exec window and the job reopens");
            }
        }
    }

    @Override
    public synchronized void close() {
        running = false;
        for (HeldJobs.Held h : held.all()) {
            worker.cancel(h.result()); // claimed jobs stay claimed, to resume after a restart or expire
        }
        if (thread != null) {
            thread.interrupt();
        }
    }
}
