package org.hearth.market.share;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.hearth.chain.abi.Abi;
import org.hearth.chain.abi.ContractCalls;
import org.hearth.chain.session.ChainSession;
import org.hearth.compute.worker.WorkerCapabilities;
import org.hearth.market.MarketContract;
import org.hearth.market.MarketProvider;
import org.hearth.market.agent.DeviceAttestation;

/**
 * A provider account's standing on the market, read in one go for the Compute screen's setup and
 * Earnings tab (and the CLI): the minimum stake, the account's token balance and allowance, its provider
 * record (stake, bond locked, unstaking and when it is ready), credits to withdraw, the cooldown, and
 * the device attestation this machine would sign. Also the calls each step needs, for the review.
 */
public record ShareAccount(String market, String token, String account, BigInteger minStake, BigInteger balance, BigInteger allowance,
                           MarketProvider provider, BigInteger credits, long unstakeCooldown, long feeBps) {

    public static ShareAccount read(ChainSession session, MarketContract market, String account) {
        String token = market.token();
        BigInteger balance = (BigInteger) new ContractCalls(session.rpc()).readOne(token, "balanceOf(address)(uint256)", account);
        return new ShareAccount(market.address(), token, account, market.minStake(), balance, market.allowance(account), market.provider(account),
                market.credits(account), market.unstakeCooldown(), market.feeBps());
    }

    public boolean registered() {
        return provider.registered();
    }

    /** What this machine would attest: the worker's backend and device and its measured gemm rate, now. */
    public DeviceAttestation attestation(WorkerCapabilities caps, long nowSeconds) {
        return DeviceAttestation.of(account, caps, nowSeconds);
    }

    /**
     * Joining: approve the market for {@code stake} when the allowance is short, then {@code registerProvider}
     * with the blob server's {@code endpoint} and the published attestation's digest.
     */
    public List<MarketCall> joinCalls(BigInteger stake, String endpoint, byte[] attestationDigest) {
        if (!registered() && stake.compareTo(minStake) < 0) {
            throw new IllegalArgumentException("The stake must be at least the market's minimum");
        }
        List<MarketCall> calls = new ArrayList<>();
        if (stake.signum() > 0 && allowance.compareTo(stake) < 0) {
            calls.add(new MarketCall(token, Abi.encodeCall("approve(address,uint256)", market, stake), "approve"));
        }
        calls.add(new MarketCall(market, MarketContract.registerProvider(stake, endpoint, attestationDigest), "registerProvider"));
        return calls;
    }

    public MarketCall withdrawCall() {
        return new MarketCall(market, MarketContract.withdraw(), "withdraw");
    }

    /** Starts the cooldown for {@code amount} of free stake (not the bond locked by claimed jobs). */
    public MarketCall requestUnstakeCall(BigInteger amount) {
        if (amount.signum() <= 0 || amount.compareTo(provider.stake()) > 0) {
            throw new IllegalArgumentException("Unstake between 1 unit and the free stake");
        }
        return new MarketCall(market, MarketContract.requestUnstake(amount), "requestUnstake");
    }

    public MarketCall completeUnstakeCall() {
        return new MarketCall(market, MarketContract.completeUnstake(), "completeUnstake");
    }

    /** Whether requested stake can be taken back at {@code nowSeconds} (chain time). */
    public boolean unstakeReady(long nowSeconds) {
        return provider.unstaking().signum() > 0 && nowSeconds >= provider.unstakeReadyAt();
    }
}
