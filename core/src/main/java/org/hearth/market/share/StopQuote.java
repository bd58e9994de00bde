package org.hearth.market.share;

import java.math.BigInteger;
import java.util.Optional;
import org.hearth.chain.ChainClock;
import org.hearth.chain.abi.ContractCalls;
import org.hearth.chain.session.ChainSession;
import org.hearth.market.JobKind;
import org.hearth.market.MarketContract;
import org.hearth.market.MarketJob;

/**
 * What the user weighs when sharing stops while the agent holds a claimed job: which job (kind, price),
 * how long its exec window still runs (by chain time), and what releasing it costs: the claim then
 * expires and the market gives {@code EXPIRE_PENALTY_BPS} of the job's bond to the requester.
 */
public record StopQuote(long jobId, Optional<JobKind> kind, BigInteger price, long secondsLeft, BigInteger bond, BigInteger releasePenalty) {

    private static final BigInteger BPS = BigInteger.valueOf(10_000);

    /** The same quote {@code seconds} later (the exec window runs on chain time, which keeps pace with the wall clock). */
    public StopQuote after(long seconds) {
        return new StopQuote(jobId, kind, price, Math.max(0, secondsLeft - seconds), bond, releasePenalty);
    }

    public static StopQuote read(ChainSession session, MarketContract market, long jobId) {
        MarketJob job = market.job(BigInteger.valueOf(jobId));
        BigInteger bond = market.terms(job.termsId()).bond();
        BigInteger penaltyBps = (BigInteger) new ContractCalls(session.rpc()).readOne(market.address(), "EXPIRE_PENALTY_BPS()(uint256)");
        long now = ChainClock.latest(session.rpc());
        return new StopQuote(jobId, JobKind.of(job.kind()), job.price(), Math.max(0, job.deadline() - now), bond,
                bond.multiply(penaltyBps).divide(BPS));
    }
}
