package org.hearth.market.agent;

import java.math.BigInteger;
import java.time.Instant;
import org.hearth.compute.blob.Cid;
import org.hearth.compute.worker.WorkerCapabilities;
import org.hearth.market.MarketContract;
import org.hearth.market.MarketProvider;

/**
 * Registers the provider at start, or refreshes an existing registration: publishes a new signed
 * device attestation (the worker's backend, device and measured rate), and sends {@code registerProvider}
 * with the current blob server as endpoint and the stake to add (approving the token first when the
 * allowance is short).
 */
final class ProviderRegistration {

    /** What was registered: the attestation's blob id and the stake added now. */
    record Registered(Cid attestation, BigInteger stakeAdded, MarketProvider provider) {
    }

    private ProviderRegistration() {
    }

    static Registered ensure(MarketAgentConfig config, WorkerCapabilities caps) throws InterruptedException {
        MarketContract market = config.market();
        String account = config.account();
        long chainId = config.session().chainId();
        Cid attestation = DeviceAttestation.of(account, caps, Instant.now().getEpochSecond())
                .publish(config.store(), chainId, market.address(), config.attestationSigner());
        MarketProvider before = market.provider(account);
        BigInteger stake = stakeToAdd(config.stake(), before, market.minStake());
        if (stake.signum() > 0 && market.allowance(account).compareTo(stake) < 0) {
            config.sender().send(market.token(), market.approveMarket(stake), "approve");
        }
        config.sender().send(market.address(), MarketContract.registerProvider(stake, config.resultBase().toString(), attestation.digest()),
                "registerProvider");
        return new Registered(attestation, stake, market.provider(account));
    }

    /** The stake asked for; else the minimum for a new provider, or what brings an existing one back to it. */
    static BigInteger stakeToAdd(BigInteger asked, MarketProvider now, BigInteger minStake) {
        if (asked != null) {
            return asked;
        }
        if (!now.registered()) {
            return minStake;
        }
        return minStake.subtract(now.stake().add(now.locked())).max(BigInteger.ZERO);
    }
}
