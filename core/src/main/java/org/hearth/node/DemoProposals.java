package org.hearth.node;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.hearth.chain.abi.Abi;
import org.web3j.crypto.Hash;

/**
 * The demo governor's proposals, so the Governance screen has every kind of row on a fresh chain: one
 * that went through the whole life cycle (voted, queued, executed) and set the voting period to a
 * day, one defeated, one that passed and waits to be queued, and a treasury grant open for voting.
 * The governor counts seconds (HearthToken's ERC-6372 timestamp clock), so the first three run on
 * the short bootstrap period and chain time is moved past it at once (about two minutes in all).
 */
final class DemoProposals {

    static final String EXECUTED_DESCRIPTION = "# Adopt a one-day voting period\n\n"
            + "Set the voting period to 86,400 seconds (one day). The governor counts time in seconds: HRTH uses the ERC-6372 timestamp clock.";
    static final String DEFEATED_DESCRIPTION = "# Halve the provider stake\n\nLower the ComputeMarket minimum stake from 100 HRTH to 50 HRTH.";
    static final String SUCCEEDED_DESCRIPTION = "# Reward the first providers\n\nTransfer 1,000 HRTH from the treasury to the first compute provider.";
    static final String ACTIVE_DESCRIPTION = "# Fund GPU provider onboarding\n\nTransfer 5,000 HRTH from the treasury to onboard new compute providers.";

    /** queue, execute and hashProposal share these arguments. */
    private static final String LIFECYCLE = "%s(address[],uint256[],bytes[],bytes32)";

    private final DevChain dev;
    private final String token;
    private final String governor;
    private final String market;

    DemoProposals(DevChain dev, Map<String, String> contracts) {
        this.dev = dev;
        this.token = contracts.get("HearthToken");
        this.governor = contracts.get("HearthGovernor");
        this.market = contracts.get("ComputeMarket");
    }

    void create(List<String> accounts) {
        String proposer = accounts.getFirst();
        Action executed = new Action(governor, Abi.encodeCall("setVotingPeriod(uint32)", DemoWorld.VOTING_PERIOD_SECONDS), EXECUTED_DESCRIPTION);
        Action defeated = new Action(market, Abi.encodeCall("setMinStake(uint256)", DemoWorld.MARKET_MIN_STAKE.shiftRight(1)), DEFEATED_DESCRIPTION);
        Action succeeded = new Action(token, Abi.encodeCall("transfer(address,uint256)", accounts.get(3),
                DemoWorld.TOKEN.multiply(BigInteger.valueOf(1_000))), SUCCEEDED_DESCRIPTION);
        for (Action a : List.of(executed, defeated, succeeded)) {
            propose(proposer, a);
        }
        passTime(DemoWorld.VOTING_DELAY_SECONDS + 1);
        dev.call(proposer, governor, "castVote(uint256,uint8)", proposalId(executed), 1);
        dev.call(proposer, governor, "castVoteWithReason(uint256,uint8,string)", proposalId(defeated), 0,
                "A lower stake makes cheating cheap.");
        dev.call(proposer, governor, "castVote(uint256,uint8)", proposalId(succeeded), 1);
        passTime(DemoWorld.BOOTSTRAP_VOTING_PERIOD_SECONDS + 1);
        dev.call(proposer, governor, LIFECYCLE.formatted("queue"), executed.lifecycleArgs());
        passTime(DemoWorld.TIMELOCK_DELAY_SECONDS + 1);
        dev.call(proposer, governor, LIFECYCLE.formatted("execute"), executed.lifecycleArgs());

        Action active = new Action(token, Abi.encodeCall("transfer(address,uint256)", accounts.get(2),
                DemoWorld.TOKEN.multiply(BigInteger.valueOf(5_000))), ACTIVE_DESCRIPTION);
        propose(proposer, active);
        passTime(DemoWorld.VOTING_DELAY_SECONDS + 1);
    }

    /** Moves chain time on and mines a block there: the governor's clock is the block timestamp. */
    private void passTime(long seconds) {
        dev.increaseTime(seconds);
        dev.mine(1);
    }

    private void propose(String proposer, Action action) {
        dev.call(proposer, governor, "propose(address[],uint256[],bytes[],string)",
                action.targets(), action.values(), action.calldatas(), action.description());
    }

    private BigInteger proposalId(Action action) {
        return dev.readUint(governor, LIFECYCLE.formatted("hashProposal"), action.lifecycleArgs());
    }

    /** A single-call proposal: one target, no value, one calldata. */
    private record Action(String target, String calldata, String description) {

        List<String> targets() {
            return List.of(target);
        }

        List<BigInteger> values() {
            return List.of(BigInteger.ZERO);
        }

        List<String> calldatas() {
            return List.of(calldata);
        }

        /** Arguments of queue, execute and hashProposal. */
        Object[] lifecycleArgs() {
            return new Object[] {targets(), values(), calldatas(), Hash.sha3(description.getBytes(StandardCharsets.UTF_8))};
        }
    }
}
