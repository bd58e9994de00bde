package org.hearth.dao;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import org.hearth.chain.ContractArtifact;
import org.hearth.chain.RpcClient;
import org.hearth.chain.abi.Abi;
import org.hearth.chain.session.ChainSession;
import org.hearth.store.Database;
import org.hearth.testing.DevTx;
import org.hearth.testing.TestChain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Governor on HearthToken, an ERC-6372 timestamp token: periods in seconds, time moved with evm_increaseTime. */
class TimestampClockTest {

    private static final BigInteger UNIT = BigInteger.TEN.pow(18);
    private static final BigInteger MILLION = UNIT.multiply(BigInteger.valueOf(1_000_000));

    @TempDir
    Path dir;

    @Test
    void proposalsOfATimestampGovernorMoveWithTimeNotBlocks() throws InterruptedException {
        try (TestChain chain = TestChain.start(dir.resolve("chain"), 3600)) {
            DevTx dev = new DevTx(chain.rpc());
            String owner = DevTx.ACCOUNTS[0];
            String token = dev.deploy(owner, ContractArtifact.load("HearthToken").bytecode(), List.of("address"), owner);
            dev.call(owner, token, "delegate(address)", owner);
            String timelock = dev.deploy(owner, ContractArtifact.load("HearthTimelock").bytecode(),
                    List.of("uint256", "address[]", "address[]", "address"), 60, List.of(), List.of(), owner);
            // voting delay 60 s, voting period 300 s
            String governorAddress = dev.deploy(owner, ContractArtifact.load("HearthGovernor").bytecode(),
                    List.of("address", "address", "uint48", "uint32", "uint256", "uint256"), token, timelock, 60, 300, 0, 4);
            dev.call(owner, governorAddress, "propose(address[],uint256[],bytes[],string)", List.of(token), List.of(BigInteger.ZERO),
                    List.of(Abi.encodeCall("transfer(address,uint256)", DevTx.ACCOUNTS[2], UNIT)), "# Clock test\n\nSeconds, not blocks.");

            try (ChainSession session = ChainSession.open(new RpcClient(chain.rpc().endpoint()), ChainSession.Kind.LOCAL,
                    Database.open(dir.resolve("hearth.db")), 0)) {
                Governor governor = Governors.inspect(session.rpc(), governorAddress);
                assertEquals(Governor.Clock.TIMESTAMP, governor.clock());
                Proposals proposals = new Proposals(session);
                proposals.sync(governor);
                StoredProposal stored = proposals.stored(governor).getFirst();
                assertEquals("Clock test", stored.title());
                assertEquals(BigInteger.valueOf(300), stored.voteEnd().subtract(stored.voteStart()));
                assertTrue(stored.voteStart().compareTo(BigInteger.valueOf(1_000_000_000L)) > 0, "vote start is a timestamp");
                assertEquals(ProposalState.PENDING, proposals.live(governor, stored).state());
                assertEquals(stored.voteEnd().longValueExact(), new ClockEstimates(session.rpc()).unixSeconds(governor, stored.voteEnd()));

                dev.mine(100); // blocks alone do not open the vote
                assertEquals(ProposalState.PENDING, proposals.live(governor, stored).state());
                dev.increaseTime(61);
                dev.mine(1);
                assertEquals(ProposalState.ACTIVE, proposals.live(governor, stored).state());
                dev.call(owner, governorAddress, "castVote(uint256,uint8)", stored.id(), 1);
                dev.call(owner, token, "transfer(address,uint256)", DevTx.ACCOUNTS[3], UNIT); // after the snapshot
                dev.call(DevTx.ACCOUNTS[3], token, "delegate(address)", DevTx.ACCOUNTS[3]);
                dev.increaseTime(301);
                dev.mine(1);
                proposals.sync(governor);
                Proposal done = proposals.live(governor, stored);
                assertEquals(ProposalState.SUCCEEDED, done.state());
                assertEquals(MILLION, done.forVotes());
                assertEquals(UNIT.multiply(BigInteger.valueOf(40_000)), done.quorum()); // 4% at the snapshot timestamp
                assertEquals(1, proposals.votes(governor, stored.id()).size());
                VotingPower power = new Delegation(session.rpc()).of(governor, owner, stored.voteStart());
                VotingPower late = new Delegation(session.rpc()).of(governor, DevTx.ACCOUNTS[3], stored.voteStart());
                assertEquals(MILLION, power.votesAtSnapshot());
                assertEquals(VotingPower.Reason.AFTER_SNAPSHOT, late.reason(), "tokens that arrived after the snapshot timestamp");
                assertEquals(UNIT, late.votes());
                assertEquals(BigInteger.ZERO, late.votesAtSnapshot());
            }
        }
    }
}
