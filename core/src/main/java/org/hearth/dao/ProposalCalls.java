package org.hearth.dao;

import java.nio.charset.StandardCharsets;
import org.hearth.chain.abi.Abi;
import org.web3j.crypto.Hash;

/** Call data for a governor's {@code queue}, {@code execute} and {@code cancel} of a stored proposal (its targets, values, calldatas and description hash). */
public final class ProposalCalls {

    private static final String LIFECYCLE = "%s(address[],uint256[],bytes[],bytes32)";

    private ProposalCalls() {
    }

    public static String queue(StoredProposal p) {
        return lifecycle("queue", p);
    }

    public static String execute(StoredProposal p) {
        return lifecycle("execute", p);
    }

    /** The proposer's {@code cancel}, which OpenZeppelin 5 allows while the proposal is pending. */
    public static String cancel(StoredProposal p) {
        return lifecycle("cancel", p);
    }

    private static String lifecycle(String function, StoredProposal p) {
        byte[] descriptionHash = Hash.sha3(p.description().getBytes(StandardCharsets.UTF_8));
        return Abi.encodeCall(LIFECYCLE.formatted(function), p.targets(), p.values(), p.calldatas(), descriptionHash);
    }
}
