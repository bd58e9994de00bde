package org.hearth.market.requester;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.hearth.chain.Addresses;
import org.hearth.chain.abi.Abi;
import org.hearth.chain.abi.ContractCalls;
import org.hearth.compute.blob.Cid;
import org.web3j.crypto.Hash;

/**
 * The DAO proposal that settles a dispute: one action, {@code ComputeMarket.resolve(jobId, providerWins,
 * slash, evidence)}, run by the timelock once the proposal passes (the market accepts {@code resolve}
 * from the timelock only). The description names the job, the evidence blob and where to fetch it, so
 * voters can re-run the check before voting.
 */
public record DisputeProposal(String governor, List<String> targets, List<BigInteger> values, List<String> calldatas, String description) {

    public static final String RESOLVE = "resolve(uint256,bool,uint256,bytes32)";

    /**
     * @param slash    taken from the provider's bond for this job (the market caps it at the bond)
     * @param evidence the evidence blob's id; its digest goes on chain
     * @param fetchAt  a gateway base that serves the evidence blob, or null
     */
    public static DisputeProposal resolve(String governor, String market, BigInteger jobId, boolean providerWins, BigInteger slash,
                                          Cid evidence, String fetchAt, String provider, String reason) {
        String data = Abi.encodeCall(RESOLVE, jobId, providerWins, slash, evidence.digest());
        String description = "# Resolve disputed compute job " + jobId + "\n\n"
                + (providerWins ? "Pay the provider " : "Refund the requester and slash the provider ")
                + Addresses.checksummed(provider) + (providerWins ? "" : " by " + slash + " wei of HRTH") + ".\n\n"
                + "Requester's finding: " + reason.replaceAll("\\p{C}", " ") + "\n\n"
                + "Evidence: " + evidence + (fetchAt == null ? "" : " (" + fetchAt + "/ipfs/" + evidence + ")")
                + ", sha-256 " + evidence.digestHex() + " on chain.\n";
        return new DisputeProposal(Addresses.checksummed(governor), List.of(Addresses.checksummed(market)), List.of(BigInteger.ZERO),
                List.of(data), description);
    }

    /** Call data of {@code propose(targets, values, calldatas, description)} on the governor. */
    public String proposeCallData() {
        return Abi.encodeCall("propose(address[],uint256[],bytes[],string)", targets, values, calldatas, description);
    }

    public byte[] descriptionHash() {
        return Hash.sha3(description.getBytes(StandardCharsets.UTF_8));
    }

    /** The proposal id the governor gives it ({@code hashProposal}). */
    public BigInteger id(ContractCalls calls) {
        return (BigInteger) calls.readOne(governor, "hashProposal(address[],uint256[],bytes[],bytes32)(uint256)",
                targets, values, calldatas, descriptionHash());
    }
}
