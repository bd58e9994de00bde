package org.hearth.node;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint32;
import org.web3j.abi.datatypes.generated.Uint8;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

/**
 * Two governance proposals so the Governance screen has history and something to vote on: one that
 * went through the whole life cycle (voted, queued, executed) and set the voting period to a day,
 * and a treasury grant that is open for voting.
 */
final class DemoProposals {

    static final String EXECUTED_DESCRIPTION = "# Adopt a one-day voting period\n\nSet the voting period to 43,200 blocks (about a day at one block every two seconds).";
    static final String ACTIVE_DESCRIPTION = "# Fund GPU provider onboarding\n\nTransfer 5,000 HRTH from the treasury to onboard new compute providers.";

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
        Action executed = new Action(governor, FunctionEncoder.encode(new Function("setVotingPeriod",
                List.of(new Uint32(DemoWorld.VOTING_PERIOD_BLOCKS)), List.of())), EXECUTED_DESCRIPTION);
        propose(proposer, executed);
        BigInteger id = proposalId(executed);
        dev.mine(DemoWorld.VOTING_DELAY_BLOCKS + 1);
        dev.call(proposer, governor, "castVote", List.of(new Uint256(id), new Uint8(1)));
        dev.mine(DemoWorld.BOOTSTRAP_VOTING_PERIOD_BLOCKS + 1);
        dev.call(proposer, governor, "queue", executed.lifecycleArgs());
        dev.increaseTime(DemoWorld.TIMELOCK_DELAY_SECONDS + 1);
        dev.mine(1);
        dev.call(proposer, governor, "execute", executed.lifecycleArgs());

        Action active = new Action(token, FunctionEncoder.encode(new Function("transfer",
                List.of(new Address(accounts.get(2)), new Uint256(DemoWorld.TOKEN.multiply(BigInteger.valueOf(5_000)))), List.of())),
                ACTIVE_DESCRIPTION);
        propose(proposer, active);
        dev.mine(DemoWorld.VOTING_DELAY_BLOCKS + 1);
    }

    private void propose(String proposer, Action action) {
        dev.call(proposer, governor, "propose", List.of(action.targets(), action.values(), action.calldatas(), new Utf8String(action.description())));
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private BigInteger proposalId(Action action) {
        Function hashProposal = new Function("hashProposal", action.lifecycleArgs(),
                List.of((TypeReference) TypeReference.create(Uint256.class)));
        return (BigInteger) dev.read(governor, hashProposal).getFirst().getValue();
    }

    /** A single-call proposal: one target, no value, one calldata. */
    private record Action(String target, String calldata, String description) {

        DynamicArray<Address> targets() {
            return new DynamicArray<>(Address.class, List.of(new Address(target)));
        }

        DynamicArray<Uint256> values() {
            return new DynamicArray<>(Uint256.class, List.of(Uint256.DEFAULT));
        }

        DynamicArray<DynamicBytes> calldatas() {
            return new DynamicArray<>(DynamicBytes.class, List.of(new DynamicBytes(Numeric.hexStringToByteArray(calldata))));
        }

        /** Arguments of queue, execute and hashProposal. */
        List<Type> lifecycleArgs() {
            return List.of(targets(), values(), calldatas(), new Bytes32(Hash.sha3(description.getBytes(StandardCharsets.UTF_8))));
        }
    }
}
