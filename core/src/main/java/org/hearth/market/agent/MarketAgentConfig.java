package org.hearth.market.agent;

import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.hearth.chain.session.ChainSession;
import org.hearth.compute.blob.BlobStore;
import org.hearth.compute.job.JobLimits;
import org.hearth.market.MarketContract;
import org.hearth.market.MarketSender;
import org.hearth.wallet.sign.Signature;
import org.hearth.wallet.sign.TypedData;

/**
 * What the market mode of the provider agent needs: the chain session and market, the sender (the
 * provider account's signer through the one pipeline), the attestation signer (the same key, EIP-712),
 * the stake to add at start (null: the market's minimum for a new provider, or what tops it up to
 * the minimum), the blob store and the base URL its server answers on (the endpoint registered and each
 * job's {@code resultUrl}), the IPFS gateways to try after a job's own URL, the job limits, the fetch
 * timeout, how often the chain is looked at, a safety factor on estimated run times, and how many
 * claimed jobs it may hold at once (run one after another on the worker, each only if it still ends
 * within its exec window behind the ones ahead of it).
 */
public record MarketAgentConfig(ChainSession session, MarketContract market, MarketSender sender,
                                Function<TypedData, Signature> attestationSigner, BigInteger stake, BlobStore store, URI resultBase,
                                List<URI> gateways, JobLimits limits, Duration fetchTimeout, Duration pollInterval, double safetyFactor,
                                int maxHeldJobs) {

    /** Enough to keep the worker busy while a result is submitted and the next job's inputs are fetched. */
    public static final int DEFAULT_MAX_HELD_JOBS = 3;

    public MarketAgentConfig {
        gateways = List.copyOf(gateways);
        if (stake != null && stake.signum() < 0) {
            throw new IllegalArgumentException("The stake cannot be negative");
        }
        if (maxHeldJobs < 1) {
            throw new IllegalArgumentException("The agent must be able to hold one job");
        }
    }

    /** Defaults: no gateways, default limits, 30 s fetch timeout, a look at the chain every second, run times ×3, up to 3 jobs held. */
    public static MarketAgentConfig of(ChainSession session, MarketContract market, MarketSender sender,
                                       Function<TypedData, Signature> attestationSigner, BigInteger stake, BlobStore store, URI resultBase) {
        return new MarketAgentConfig(session, market, sender, attestationSigner, stake, store, resultBase, List.of(), JobLimits.DEFAULT,
                Duration.ofSeconds(30), Duration.ofSeconds(1), 3.0, DEFAULT_MAX_HELD_JOBS);
    }

    public MarketAgentConfig withGateways(List<URI> more) {
        return new MarketAgentConfig(session, market, sender, attestationSigner, stake, store, resultBase, more, limits, fetchTimeout,
                pollInterval, safetyFactor, maxHeldJobs);
    }

    public MarketAgentConfig withPollInterval(Duration every) {
        return new MarketAgentConfig(session, market, sender, attestationSigner, stake, store, resultBase, gateways, limits, fetchTimeout,
                every, safetyFactor, maxHeldJobs);
    }

    /** At most {@code jobs} claimed jobs held at once (1: claim the next only when the last is submitted). */
    public MarketAgentConfig withMaxHeldJobs(int jobs) {
        return new MarketAgentConfig(session, market, sender, attestationSigner, stake, store, resultBase, gateways, limits, fetchTimeout,
                pollInterval, safetyFactor, jobs);
    }

    public String account() {
        return sender.account();
    }
}
