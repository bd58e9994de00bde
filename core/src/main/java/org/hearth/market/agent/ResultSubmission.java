package org.hearth.market.agent;

import java.math.BigInteger;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.function.BiConsumer;
import org.hearth.chain.tx.TxWouldRevertException;
import org.hearth.compute.blob.Cid;
import org.hearth.compute.provider.LocalJobLoop;
import org.hearth.compute.verify.Freivalds;
import org.hearth.compute.verify.RenderVerifier;
import org.hearth.compute.worker.JobResult;
import org.hearth.market.MarketContract;

/**
 * What happens to a held job once the worker is done with it: a failure is kept with its reason; a
 * result is checked the way a requester will check it (a wrong one is never submitted), published as a
 * blob and submitted on chain.
 */
final class ResultSubmission {

    private final MarketAgentConfig config;
    private final ProviderJobs store;
    private final JobSettlement settlement;
    private final LocalJobLoop.Listener jobs;
    private final BiConsumer<ProviderJob, String> report;
    private final long chainId;

    ResultSubmission(MarketAgentConfig config, ProviderJobs store, JobSettlement settlement, LocalJobLoop.Listener jobs,
                     BiConsumer<ProviderJob, String> report) {
        this.config = config;
        this.store = store;
        this.settlement = settlement;
        this.jobs = jobs;
        this.report = report;
        this.chainId = config.session().chainId();
    }

    void finish(HeldJobs.Held held) throws InterruptedException {
        ProviderJob job = held.job();
        JobInputs.Loaded loaded = held.loaded();
        JobResult result;
        try {
            result = held.result().get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            jobs.failed(message(cause));
            settlement.update(job, ProviderJob.Stage.CLAIMED, JobOutcome.FAILED, "the worker failed: " + message(cause), null);
            return;
        } catch (CancellationException stopping) {
            return; // the agent stops: the job stays claimed, to resume or expire
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
        report.accept(submitted, String.format(Locale.ROOT, "job %d: submitted %s (%.2f s on %s)", job.id(), cid, result.nanos() / 1e9,
                result.backend()));
    }

    private static String message(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
