package org.hearth.dao;

import java.math.BigInteger;
import org.hearth.chain.Addresses;
import org.hearth.chain.RpcClient;
import org.hearth.chain.abi.Abi;
import org.hearth.chain.abi.ContractCalls;

/** Reads voting power from a governor's token ({@code getVotes}, {@code delegates}, {@code balanceOf}) and the governor ({@code getVotes} at a snapshot). */
public final class Delegation {

    private static final String ZERO = "0x0000000000000000000000000000000000000000";

    private final ContractCalls calls;

    public Delegation(RpcClient rpc) {
        this.calls = new ContractCalls(rpc);
    }

    /** Voting power now; {@code snapshot} (may be null): also the votes at that proposal's snapshot, once it has passed. */
    public VotingPower of(Governor governor, String account, BigInteger snapshot) {
        String a = Addresses.checksummed(account);
        BigInteger votes = (BigInteger) calls.readOne(governor.token(), "getVotes(address)(uint256)", a);
        String delegate = (String) calls.readOne(governor.token(), "delegates(address)(address)", a);
        delegate = delegate.equalsIgnoreCase(ZERO) ? null : Addresses.checksummed(delegate);
        BigInteger balance = (BigInteger) calls.readOne(governor.token(), "balanceOf(address)(uint256)", a);
        BigInteger atSnapshot = snapshot == null ? null : votesAt(governor, a, snapshot);
        return new VotingPower(a, votes, delegate, balance, snapshot, atSnapshot, VotingPower.explain(a, votes, delegate, balance, atSnapshot),
                governor.clock());
    }

    /** The governor's {@code getVotes} at {@code timepoint} (a block or a Unix time, as its clock counts); null while it is ahead (the token refuses a future lookup). */
    private BigInteger votesAt(Governor governor, String account, BigInteger timepoint) {
        try {
            return (BigInteger) calls.readOne(governor.address(), "getVotes(address,uint256)(uint256)", account, timepoint);
        } catch (org.hearth.chain.RpcException e) {
            if (e.kind() != org.hearth.chain.RpcException.Kind.ERROR_REPLY) {
                throw e; // the node did not answer: not a refusal of the lookup
            }
            return null; // ERC5805FutureLookup: a pending proposal's snapshot is not taken yet
        }
    }

    /** Call data for the token's {@code delegate(address)}; refused ({@code dao.badAddress}) unless {@code to} is a valid address. */
    public static String delegateCall(String to) {
        if (to == null || !Addresses.isValid(to.strip())) { // a short or mistyped address must never be padded into another one
            throw new org.hearth.problem.HearthException("dao.badAddress", null, String.valueOf(to));
        }
        return Abi.encodeCall("delegate(address)", Addresses.checksummed(to.strip()));
    }

    /** Call data for the governor's {@code castVote} or, with a reason, {@code castVoteWithReason}. */
    public static String voteCall(BigInteger proposalId, Vote.Support support, String reason) {
        int s = switch (support) {
            case AGAINST -> 0;
            case FOR -> 1;
            case ABSTAIN -> 2;
            case OTHER -> throw new IllegalArgumentException("Vote for, against or abstain");
        };
        return reason == null || reason.isEmpty()
                ? Abi.encodeCall("castVote(uint256,uint8)", proposalId, s)
                : Abi.encodeCall("castVoteWithReason(uint256,uint8,string)", proposalId, s, reason);
    }
}
