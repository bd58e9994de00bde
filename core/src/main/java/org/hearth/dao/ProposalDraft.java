package org.hearth.dao;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.hearth.chain.Addresses;
import org.hearth.chain.abi.Abi;
import org.hearth.chain.abi.ContractCalls;
import org.hearth.chain.session.ChainSession;
import org.hearth.problem.HearthException;
import org.web3j.crypto.Hash;

/**
 * A proposal before it is proposed: its description (used byte for byte) and encoded actions. Gives
 * the {@code propose} call data, the id the governor will give it, a stand-in stored proposal for
 * simulation, and the proposal-threshold check a proposer must pass before signing.
 */
public record ProposalDraft(String description, List<ActionsFile.Action> actions) {

    public ProposalDraft {
        actions = List.copyOf(actions);
        if (description == null || description.isBlank()) {
            throw new HearthException("dao.badDescription", null);
        }
        if (actions.isEmpty()) {
            throw new HearthException("dao.badActions", null, "a proposal needs at least one action");
        }
    }

    public List<String> targets() {
        return actions.stream().map(ActionsFile.Action::target).toList();
    }

    public List<BigInteger> values() {
        return actions.stream().map(ActionsFile.Action::value).toList();
    }

    public List<String> calldatas() {
        return actions.stream().map(ActionsFile.Action::calldata).toList();
    }

    /** Call data for the governor's {@code propose(address[],uint256[],bytes[],string)}. */
    public String proposeCall() {
        return Abi.encodeCall("propose(address[],uint256[],bytes[],string)", targets(), values(), calldatas(), description);
    }

    /** The id the governor will give it ({@code hashProposal} with the description's hash). */
    public BigInteger id(ChainSession session, Governor governor) {
        return (BigInteger) new ContractCalls(session.rpc()).readOne(governor.address(), "hashProposal(address[],uint256[],bytes[],bytes32)(uint256)",
                targets(), values(), calldatas(), Hash.sha3(description.getBytes(StandardCharsets.UTF_8)));
    }

    /** As if proposed by {@code proposer}: what the simulator and the action describer read. */
    public StoredProposal asStored(Governor governor, String proposer) {
        return new StoredProposal(governor.address(), BigInteger.ZERO, Addresses.checksummed(proposer), targets(), values(), calldatas(),
                description, BigInteger.ZERO, BigInteger.ZERO, 0, "");
    }

    /** Refused with {@code dao.belowThreshold} when {@code proposer}'s votes (at the last timepoint) are below the governor's threshold. */
    public static void checkThreshold(ChainSession session, Governor governor, String proposer) {
        ContractCalls calls = new ContractCalls(session.rpc());
        BigInteger threshold = (BigInteger) calls.readOne(governor.address(), "proposalThreshold()(uint256)");
        BigInteger past = new Proposals(session).clock(governor).subtract(BigInteger.ONE).max(BigInteger.ZERO);
        BigInteger votes = (BigInteger) calls.readOne(governor.address(), "getVotes(address,uint256)(uint256)", proposer, past);
        if (votes.compareTo(threshold) < 0) {
            throw new HearthException("dao.belowThreshold", null, proposer, votes.toString(), threshold.toString());
        }
    }
}
