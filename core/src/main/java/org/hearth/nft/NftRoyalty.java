package org.hearth.nft;

import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.hearth.chain.abi.AbiValue;
import org.hearth.chain.abi.ContractCalls;
import org.hearth.problem.HearthException;

/**
 * EIP-2981 royalty of one token: who is paid and how much of a sale, in basis points (asked with a sale
 * price of 10,000, so the answer is the basis points exactly). Only read from contracts that declare
 * the interface by ERC-165; a contract that reverts, or claims over 100%, shows none.
 */
public record NftRoyalty(String receiver, BigInteger basisPoints) {

    public static final String INTERFACE_ID = "0x2a55205a";
    private static final BigInteger SALE = BigInteger.valueOf(10_000);

    public static Optional<NftRoyalty> read(ContractCalls calls, String contract, BigInteger tokenId) {
        try {
            if (!Boolean.TRUE.equals(calls.readOne(contract, "supportsInterface(bytes4)(bool)", INTERFACE_ID))) {
                return Optional.empty();
            }
            List<AbiValue> v = calls.read(contract, "royaltyInfo(uint256,uint256)(address,uint256)", tokenId, SALE);
            BigInteger bps = (BigInteger) v.get(1).value();
            if (bps.signum() < 0 || bps.compareTo(SALE) > 0) {
                return Optional.empty();
            }
            return Optional.of(new NftRoyalty(v.get(0).value().toString().toLowerCase(Locale.ROOT), bps));
        } catch (HearthException | IllegalArgumentException | ClassCastException | IndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }
}
