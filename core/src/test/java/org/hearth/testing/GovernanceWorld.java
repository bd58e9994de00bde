package org.hearth.testing;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.hearth.chain.ContractArtifact;
import org.hearth.chain.RpcClient;
import org.hearth.chain.abi.Abi;
import org.web3j.crypto.Hash;

/**
 * Beside the demo world (whose governor counts seconds and votes for a day): a second HearthGovernor on
 * the block-number clock, as many deployed governors are. It votes with {@code BlockVotesToken} (BVOTE,
 * OpenZeppelin's default clock), held as HRTH is: 740,000 by the owner and 10,000 by the demo's funded
 * user, each delegated to itself. A one-block delay, a five-block voting period, its own timelock (60 s
 * delay, holding 1 ETH and 100 HRTH so its succeeded proposal can be executed), and three proposals on it
 * that end canceled, defeated and succeeded. Shared by core's and app's governance tests.
 */
public final class GovernanceWorld {

    public static final BigInteger TOKEN = BigInteger.TEN.pow(18);
    public static final String OWNER = DevTx.ACCOUNTS[0];
    /** The demo world's funded account: 10,000 HRTH, delegated to itself. */
    public static final String USER = DevTx.ACCOUNTS[1];
    public static final String CANCELED = "# Withdrawn idea\n\nCanceled by its proposer before the vote.";
    public static final String DEFEATED = "# Double the market fee\n\nSet the ComputeMarket fee to 5%.";
    public static final String SUCCEEDED = "# Mixed bag\n\nSend 1 ETH, poke an address, grant 100 HRTH.";
    public static final String UNKNOWN_TARGET = DevTx.ACCOUNTS[4];
    public static final String ETH_RECIPIENT = DevTx.ACCOUNTS[5];
    public static final String GRANTEE = DevTx.ACCOUNTS[2];

    public final String governor;
    public final String timelock;
    /** The governor's voting token (block-number clock). */
    public final String votes;
    public final BigInteger canceledId;
    public final BigInteger defeatedId;
    public final BigInteger succeededId;

    private GovernanceWorld(String governor, String timelock, String votes, BigInteger canceledId, BigInteger defeatedId, BigInteger succeededId) {
        this.governor = governor;
        this.timelock = timelock;
        this.votes = votes;
        this.canceledId = canceledId;
        this.defeatedId = defeatedId;
        this.succeededId = succeededId;
    }

    /** {@code contracts}: the demo world's, by name. */
    public static GovernanceWorld create(RpcClient rpc, Map<String, String> contracts) {
        DevTx dev = new DevTx(rpc);
        String token = contracts.get("HearthToken");
        String votes = dev.deploy(OWNER, ContractArtifact.load("BlockVotesToken").bytecode(), List.of("address", "uint256"),
                OWNER, TOKEN.multiply(BigInteger.valueOf(750_000)));
        dev.call(OWNER, votes, "transfer(address,uint256)", USER, TOKEN.multiply(BigInteger.valueOf(10_000)));
        dev.call(OWNER, votes, "delegate(address)", OWNER);
        dev.call(USER, votes, "delegate(address)", USER);
        String timelock = dev.deploy(OWNER, ContractArtifact.load("HearthTimelock").bytecode(),
                List.of("uint256", "address[]", "address[]", "address"), 60, List.of(), List.of("0x0000000000000000000000000000000000000000"), OWNER);
        String governor = dev.deploy(OWNER, ContractArtifact.load("HearthGovernor").bytecode(),
                List.of("address", "address", "uint48", "uint32", "uint256", "uint256"), votes, timelock, 1, 5, 0, 4);
        for (String role : List.of("PROPOSER_ROLE", "CANCELLER_ROLE")) {
            dev.call(OWNER, timelock, "grantRole(bytes32,address)", Hash.sha3(role.getBytes(StandardCharsets.UTF_8)), governor);
        }

        Proposal canceled = new Proposal(List.of(token), List.of(BigInteger.ZERO),
                List.of(Abi.encodeCall("transfer(address,uint256)", GRANTEE, TOKEN)), CANCELED);
        canceled.propose(dev, governor);
        dev.call(OWNER, governor, "cancel(address[],uint256[],bytes[],bytes32)", canceled.lifecycleArgs());

        Proposal defeated = new Proposal(List.of(contracts.get("ComputeMarket")), List.of(BigInteger.ZERO),
                List.of(Abi.encodeCall("setFeeBps(uint256)", 500)), DEFEATED);
        Proposal succeeded = new Proposal(List.of(ETH_RECIPIENT, UNKNOWN_TARGET, token),
                List.of(TOKEN, BigInteger.ZERO, BigInteger.ZERO),
                List.of("0x", "0xdeadbeef", Abi.encodeCall("transfer(address,uint256)", GRANTEE, TOKEN.multiply(BigInteger.valueOf(100)))),
                SUCCEEDED);
        defeated.propose(dev, governor);
        succeeded.propose(dev, governor);
        dev.mine(2);
        BigInteger defeatedId = defeated.id(rpc, governor);
        BigInteger succeededId = succeeded.id(rpc, governor);
        dev.call(USER, governor, "castVoteWithReason(uint256,uint8,string)", defeatedId, 0, "Fees are high enough");
        dev.call(OWNER, governor, "castVoteWithReasonAndParams(uint256,uint8,string,bytes)", succeededId, 1, "Ship it", new byte[] {1, 2});
        dev.mine(6);
        // the treasury of this governor, funded after the snapshots so the votes above stay as they were
        rpc.call("anvil_setBalance", timelock, "0xde0b6b3a7640000");
        dev.call(OWNER, token, "transfer(address,uint256)", timelock, TOKEN.multiply(BigInteger.valueOf(100)));
        return new GovernanceWorld(governor, timelock, votes, canceled.id(rpc, governor), defeatedId, succeededId);
    }

    private record Proposal(List<String> targets, List<BigInteger> values, List<String> calldatas, String description) {

        void propose(DevTx dev, String governor) {
            dev.call(OWNER, governor, "propose(address[],uint256[],bytes[],string)", targets, values, calldatas, description);
        }

        Object[] lifecycleArgs() {
            return new Object[] {targets, values, calldatas, Hash.sha3(description.getBytes(StandardCharsets.UTF_8))};
        }

        BigInteger id(RpcClient rpc, String governor) {
            return (BigInteger) new org.hearth.chain.abi.ContractCalls(rpc).readOne(governor,
                    "hashProposal(address[],uint256[],bytes[],bytes32)(uint256)", lifecycleArgs());
        }
    }
}
