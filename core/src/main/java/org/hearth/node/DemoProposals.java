package org.hearth.node;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.hearth.chain.abi.Abi;
import org.web3j.crypto.Hash;

/**
 * Two governance proposals so the Governance screen has history and something to vote on: one that
 * went through the whole life cycle (voted, queued, executed) and set the voting period to a day,
 * and a treasury grant that is open for voting.
 */
final class DemoProposals {

    static final String EXECUTED_DESCRIPTION = "# Adopt a one-day voting period\n\nSet the voting period to 43,200 blocks (about a day at one block every two seconds).";
    static final String ACTIVE_DESCRIPTION = "# Fund GPU provider onboarding\n\nTransfer 5,000 HRTH from the treasury to onboard new compute providers.";

    /** queue, execute and hashProposal share these arguments. */
    private static final String LIFECYCLE = "%s(address[],uint256[],bytes[],bytes32)";

    private final DevChain dev;
    private final String token;
    private final String governor;

    DemoProposals(DevChain dev, Map<String, String> contracts) {
        this.dev = dev;
        this.token = contracts.get("HearthToken");
        this.governor = contracts.get("HearthGovernor");
    }

    void create(List<String> accounts) {
        String proposer = accounts.getFirst();
        Action executed = new Action(governor, Abi.encodeCall("setVotingPeriod(uint32)", DemoWorld.VOTING_PERIOD_BLOCKS), EXECUTED_DESCRIPTION);
        propose(proposer, executed);
        BigInteger id = proposalId(executed);
        dev.mine(DemoWorld.VOTING_DELAY_BLOCKS + 1);
        dev.call(proposer, governor, "castVote(uint256,uint8)", id, 1);
        dev.mine(DemoWorld.BOOTSTRAP_VOTING_PERIOD_BLOCKS + 1);
        dev.call(proposer, governor, LIFECYCLE.formatted("queue"), executed.lifecycleArgs());
        dev.increaseTime(DemoWorld.TIMELOCK_DELAY_SECONDS + 1);
        dev.mine(1);
        dev.call(proposer, governor, LIFECYCLE.formatted("execute"), executed.lifecycleArgs());

        Action active = new Action(token, Abi.encodeCall("transfer(address,uint256)", accounts.get(2),
                DemoWorld.TOKEN.multiply(BigInteger.valueOf(5_000))), ACTIVE_DESCRIPTION);
        propose(proposer, active);
        dev.mine(DemoWorld.VOTING_DELAY_BLOCKS + 1);
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
