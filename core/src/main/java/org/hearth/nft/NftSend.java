package org.hearth.nft;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Map;
import org.hearth.chain.Addresses;
import org.hearth.chain.abi.Abi;
import org.hearth.chain.abi.ContractCalls;
import org.hearth.chain.session.ChainSession;
import org.hearth.chain.tx.FeeLevel;
import org.hearth.chain.tx.PreparedTx;
import org.hearth.problem.HearthException;

/**
 * Sending an NFT through the one tx pipeline: ERC-721 {@code safeTransferFrom(from, to, id)}, ERC-1155
 * {@code safeTransferFrom(from, to, id, amount, "")}. Checked before anything is signed: the standard by
 * ERC-165, that {@code from} holds the token (enough of it for 1155), a real recipient, and a simulation
 * of the call (a recipient contract that refuses NFTs is caught here, with the contract's reason).
 */
public final class NftSend {

    private static final String ZERO = "0x0000000000000000000000000000000000000000";

    private NftSend() {
    }

    /** The call data of the transfer. */
    public static String calldata(NftStandard standard, String from, String to, BigInteger id, BigInteger amount) {
        return standard == NftStandard.ERC721
                ? Abi.encodeCall("safeTransferFrom(address,address,uint256)", from, to, id)
                : Abi.encodeCall("safeTransferFrom(address,address,uint256,uint256,bytes)", from, to, id, amount, new byte[0]);
    }

    /** Checks and prepares the transfer ({@code amount} null means 1); review and sign it like any transaction. */
    public static PreparedTx prepare(ChainSession session, String from, String contract, BigInteger id, BigInteger amount, String to,
                                     FeeLevel fee) {
        for (String a : new String[] {from, contract, to}) {
            if (a == null || !Addresses.isValid(a)) {
                throw new HearthException("address.invalid", null, a);
            }
        }
        if (to.equalsIgnoreCase(ZERO) || to.equalsIgnoreCase(contract)) {
            throw new HearthException("nft.sendRecipient", null, Addresses.checksummed(to));
        }
        BigInteger n = amount == null ? BigInteger.ONE : amount;
        ContractCalls calls = new ContractCalls(session.rpc());
        NftOwnership ownership = new NftOwnership(calls, session.nftTransfers(), new NftHidden(session.database()), session.chainId());
        NftStandard standard = ownership.standardOf(contract)
                .orElseThrow(() -> new HearthException("nft.notNftContract", null, Addresses.checksummed(contract)));
        if (n.signum() <= 0 || (standard == NftStandard.ERC721 && !n.equals(BigInteger.ONE))) {
            throw new HearthException("nft.sendAmount", null, n, standard.id());
        }
        BigInteger held = ownership.held(new NftTransfers.NftCandidate(contract.toLowerCase(Locale.ROOT), id, standard), from);
        if (held.compareTo(n) < 0) {
            throw new HearthException("nft.sendNotHeld", null, Addresses.checksummed(from), id, held, n);
        }
        String data = calldata(standard, from, to, id, n);
        try {
            session.rpc().call("eth_call", Map.of("from", from, "to", contract, "data", data), "latest");
        } catch (HearthException e) {
            throw new HearthException("nft.sendReverts", e, e.getMessage());
        }
        return session.pipeline().prepare(from, contract, BigInteger.ZERO, data, fee);
    }
}
