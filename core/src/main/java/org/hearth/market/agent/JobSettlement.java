package org.hearth.market.agent;

import java.math.BigInteger;
import java.util.List;
import java.util.function.BiConsumer;
import org.hearth.chain.tx.TxWouldRevertException;
import org.hearth.market.JobEvent;
import org.hearth.market.JobState;
import org.hearth.market.MarketContract;
import org.hearth.market.MarketJob;
import org.hearth.market.MarketJobs;
import org.hearth.money.Amounts;

/**
 * What happens to the provider's jobs after the work: finalizing its own submitted jobs once the
 * review window passed with the requester silent, expiring its own stalled claims (to unlock the
 * rest of the bond), and recording each outcome with its reason from the chain and the market's events
 * (paid, disputed, slashed, expired). Also withdraws the account's credits.
 */
final class JobSettlement {

    private final MarketAgentConfig config;
    private final MarketJobs index;
    private final ProviderJobs store;
    private final BiConsumer<ProviderJob, String> report;
    private final String symbol;

    JobSettlement(MarketAgentConfig config, MarketJobs index, ProviderJobs store, BiConsumer<ProviderJob, String> report, String symbol) {
        this.config = config;
        this.index = index;
        this.store = store;
        this.report = report;
        this.symbol = symbol;
    }

    /** Moves one unfinished job on by what the chain says now ({@code now}: the latest block's time). */
    void advance(ProviderJob job, long now) throws InterruptedException {
        MarketContract market = config.market();
        BigInteger id = BigInteger.valueOf(job.id());
        MarketJob chain = market.job(id);
        boolean ours = config.account().equalsIgnoreCase(chain.provider());
        if (job.stage() == ProviderJob.Stage.CLAIMED && ours && chain.state() != JobState.CLAIMED) {
            // submitted, but the agent stopped before it wrote that down
            job = update(job, ProviderJob.Stage.SUBMITTED, JobOutcome.PENDING, "submitted (found on chain)", null);
        }
        if (job.stage() == ProviderJob.Stage.CLAIMED) {
            if (chain.state() == JobState.CLAIMED && ours) {
                if (now > chain.deadline()) {
                    tryCall(MarketContract.expire(id), "expire", job); // the bond's remainder comes back to the stake
                }
                return; // within its window: a failed job waits for it to pass
            }
            BigInteger penalty = lastPenalty(job);
            String why = "the exec window passed without a result; " + amount(penalty) + " of the bond went to the requester";
            finish(job, job.outcome() == JobOutcome.FAILED ? JobOutcome.FAILED : JobOutcome.EXPIRED,
                    job.outcome() == JobOutcome.FAILED ? job.reason() + "; " + why : why, null);
            return;
        }
        switch (chain.state()) {
            case SUBMITTED -> {
                if (now > chain.deadline()) {
                    tryCall(MarketContract.finalizeJob(id), "finalize", job);
                }
            }
            case SETTLED -> {
                JobEvent paid = last(job, List.of("JobAccepted", "JobFinalized"));
                if (paid == null) {
                    return; // settled on chain after this step's index sync: how it was paid is read at the next step
                }
                BigInteger amount = new BigInteger(paid.field("paid"));
                String how = paid.name().equals("JobAccepted") ? "accepted by the requester"
                        : "finalized after the review window (the requester stayed silent)";
                finish(job, JobOutcome.PAID, how + "; " + amount(amount) + " credited", amount);
            }
            case DISPUTED -> {
                if (job.outcome() != JobOutcome.DISPUTED) {
                    JobEvent d = last(job, List.of("JobDisputed"));
                    if (d == null) {
                        return; // disputed on chain after this step's index sync: the evidence is read at the next step
                    }
                    update(job, job.stage(), JobOutcome.DISPUTED, "disputed by the requester (evidence "
                            + d.field("evidence") + "); the DAO resolves it", null);
                }
            }
            case RESOLVED -> {
                JobEvent r = last(job, List.of("DisputeResolved"));
                if (r == null) {
                    return; // resolved on chain after this step's index sync: the verdict is read at the next step
                }
                if (Boolean.parseBoolean(r.field("providerWins"))) {
                    BigInteger fee = job.price().multiply(BigInteger.valueOf(market.terms(chain.termsId()).feeBps())).divide(BigInteger.valueOf(10_000));
                    BigInteger paid = job.price().subtract(fee);
                    finish(job, JobOutcome.PAID, "the DAO resolved the dispute for the provider; " + amount(paid) + " credited", paid);
                } else {
                    BigInteger slash = new BigInteger(r.field("slash"));
                    finish(job, JobOutcome.SLASHED, "the DAO resolved the dispute against the provider; " + amount(slash) + " slashed", null);
                }
            }
            case EXPIRED -> finish(job, JobOutcome.EXPIRED, "the dispute was not resolved in time; price and bonds returned", null);
            default -> finish(job, JobOutcome.FAILED, "the job is " + chain.state().name().toLowerCase(java.util.Locale.ROOT)
                    + " on chain, not the provider's any more", null);
        }
    }

    /** Pulls the account's credits (payments, returned stake) when it has any. */
    void withdrawIfOwed() throws InterruptedException {
        BigInteger owed = config.market().credits(config.account());
        if (owed.signum() > 0) {
            config.sender().send(config.market().address(), MarketContract.withdraw(), "withdraw");
            report.accept(null, "withdrew " + amount(owed));
        }
    }

    ProviderJob update(ProviderJob job, ProviderJob.Stage stage, JobOutcome outcome, String reason, BigInteger paid) {
        ProviderJob next = new ProviderJob(job.market(), job.id(), job.provider(), job.kind(), job.spec(), job.specUrl(), job.price(),
                job.execDeadline(), stage, job.resultCid(), outcome, reason, paid, job.claimedAtMillis(), System.currentTimeMillis());
        store.save(config.session().chainId(), next);
        report.accept(next, "job " + job.id() + ": " + outcome.name().toLowerCase(java.util.Locale.ROOT) + " (" + reason + ")");
        return next;
    }

    private void finish(ProviderJob job, JobOutcome outcome, String reason, BigInteger paid) {
        update(job, ProviderJob.Stage.DONE, outcome, reason, paid);
    }

    private void tryCall(String data, String function, ProviderJob job) throws InterruptedException {
        try {
            config.sender().send(config.market().address(), data, function);
        } catch (TxWouldRevertException e) {
            report.accept(job, "job " + job.id() + ": " + function + " refused for now (" + e.reason() + ")");
        }
    }

    private JobEvent last(ProviderJob job, List<String> names) {
        List<JobEvent> timeline = index.timeline(config.session().chainId(), config.market().address(), job.id());
        for (int i = timeline.size() - 1; i >= 0; i--) {
            if (names.contains(timeline.get(i).name())) {
                return timeline.get(i);
            }
        }
        return null;
    }

    private BigInteger lastPenalty(ProviderJob job) {
        JobEvent expired = last(job, List.of("JobExpired"));
        return expired == null ? null : new BigInteger(expired.field("penalty"));
    }

    String amount(BigInteger wei) {
        return wei == null ? "an unknown amount" : Amounts.format(wei, 18) + " " + symbol;
    }
}
