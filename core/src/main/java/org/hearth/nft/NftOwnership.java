package org.hearth.nft;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hearth.chain.abi.Abi;
import org.hearth.chain.abi.AbiException;
import org.hearth.chain.abi.AbiFunction;
import org.hearth.chain.abi.ContractCalls;
import org.hearth.chain.abi.Multicall3;
import org.hearth.problem.HearthException;

/**
 * What an account owns now: every (contract, id) it ever received by the logs, kept only where the
 * contract answers ERC-165 for the standard its log claimed and {@code ownerOf} / {@code balanceOf}
 * confirms it at the latest block. A contract that reverts or lies about its interface is left out.
 */
public final class NftOwnership {

    private static final AbiFunction OWNER_OF = AbiFunction.parse("ownerOf(uint256)(address)");
    private static final AbiFunction BALANCE_OF = AbiFunction.parse("balanceOf(address,uint256)(uint256)");
    private static final AbiFunction TOKEN_URI = AbiFunction.parse("tokenURI(uint256)(string)");
    private static final AbiFunction URI_1155 = AbiFunction.parse("uri(uint256)(string)");

    private final ContractCalls calls;
    private final Multicall3 multicall;
    private final NftTransfers transfers;
    private final NftHidden hidden;
    private final long chainId;

    /** {@code multicall} batches the per-token reads (ownerOf, balanceOf, tokenURI / uri); {@code calls} reads one at a time. */
    public NftOwnership(ContractCalls calls, Multicall3 multicall, NftTransfers transfers, NftHidden hidden, long chainId) {
        this.calls = calls;
        this.multicall = multicall;
        this.transfers = transfers;
        this.hidden = hidden;
        this.chainId = chainId;
    }

    public List<OwnedNft> owned(String account) {
        String me = account.toLowerCase(Locale.ROOT);
        Set<String> hiddenKeys = hidden.all(chainId);
        Map<String, Boolean> supports = new HashMap<>();
        Map<String, Optional<String>> names = new HashMap<>();
        List<NftTransfers.NftCandidate> candidates = new ArrayList<>();
        for (NftTransfers.NftCandidate c : transfers.received(chainId, me)) {
            if (supports.computeIfAbsent(c.contract() + c.standard(), k -> supportsInterface(c.contract(), c.standard()))) {
                candidates.add(c);
            }
        }
        List<BigInteger> amounts = heldAll(candidates, me);
        List<OwnedNft> out = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            NftTransfers.NftCandidate c = candidates.get(i);
            BigInteger amount = amounts.get(i);
            if (amount.signum() <= 0) {
                continue;
            }
            String collection = names.computeIfAbsent(c.contract(), this::name).orElse(null);
            out.add(new OwnedNft(c.contract(), c.tokenId(), c.standard(), amount, collection,
                    NftHidden.isHidden(hiddenKeys, c.contract(), c.tokenId()), false));
        }
        return out;
    }

    /**
     * {@link #held} of each candidate through Multicall3, {@value Multicall3#BATCH} per round trip (a
     * 1,000-token account is 4 calls, or 1,000 where the chain has no Multicall3).
     */
    private List<BigInteger> heldAll(List<NftTransfers.NftCandidate> candidates, String account) {
        List<Multicall3.Call> batch = candidates.stream().map(c -> new Multicall3.Call(c.contract(), c.standard() == NftStandard.ERC721
                ? Abi.encodeCall("ownerOf(uint256)", c.tokenId())
                : Abi.encodeCall("balanceOf(address,uint256)", account, c.tokenId()))).toList();
        List<Multicall3.Result> results = multicall.callAll(batch);
        List<BigInteger> out = new ArrayList<>(candidates.size());
        for (int i = 0; i < candidates.size(); i++) {
            out.add(amount(candidates.get(i).standard(), results.get(i), account));
        }
        return out;
    }

    /** What one ownerOf / balanceOf answer says {@code account} holds: zero for a revert (burned) or an answer that does not decode. */
    private static BigInteger amount(NftStandard standard, Multicall3.Result r, String account) {
        if (!r.success() || r.data().length != 32) {
            return BigInteger.ZERO;
        }
        try {
            if (standard == NftStandard.ERC721) {
                Object owner = r.decode(OWNER_OF).getFirst().value();
                return owner.toString().equalsIgnoreCase(account) ? BigInteger.ONE : BigInteger.ZERO;
            }
            return (BigInteger) r.decode(BALANCE_OF).getFirst().value();
        } catch (AbiException | IllegalArgumentException e) {
            return BigInteger.ZERO;
        }
    }

    /**
     * The raw metadata URI of each token, in order ({@link #tokenUri}), through Multicall3: empty where
     * the contract reverts or answers something that is not a string.
     */
    public List<Optional<String>> tokenUris(List<OwnedNft> tokens) {
        List<Multicall3.Result> results = multicall.callAll(tokens.stream().map(n -> new Multicall3.Call(n.contract(),
                Abi.encodeCall(uriFunction(n.standard()).signature(), n.tokenId()))).toList());
        List<Optional<String>> out = new ArrayList<>(tokens.size());
        for (int i = 0; i < tokens.size(); i++) {
            Multicall3.Result r = results.get(i);
            Optional<String> uri = Optional.empty();
            if (r.success() && r.data().length > 0) {
                try {
                    uri = Optional.of(r.decode(uriFunction(tokens.get(i).standard())).getFirst().value().toString());
                } catch (AbiException | IllegalArgumentException | java.util.NoSuchElementException e) {
                    uri = Optional.empty(); // not a string: as if the contract gave no URI
                }
            }
            out.add(uri);
        }
        return out;
    }

    private static AbiFunction uriFunction(NftStandard standard) {
        return standard == NftStandard.ERC721 ? TOKEN_URI : URI_1155;
    }

    /** ERC-165: the contract says it implements the standard its log claimed. */
    public boolean supportsInterface(String contract, NftStandard standard) {
        try {
            return Boolean.TRUE.equals(calls.readOne(contract, "supportsInterface(bytes4)(bool)", standard.interfaceId()));
        } catch (HearthException | IllegalArgumentException e) {
            return false; // no ERC-165, or a revert: not an NFT contract we can trust
        }
    }

    /** The amount {@code account} holds now: 1 or 0 for ERC-721 by ownerOf, the balance for ERC-1155. */
    public BigInteger held(NftTransfers.NftCandidate c, String account) {
        try {
            if (c.standard() == NftStandard.ERC721) {
                Object owner = calls.readOne(c.contract(), "ownerOf(uint256)(address)", c.tokenId());
                return owner.toString().equalsIgnoreCase(account) ? BigInteger.ONE : BigInteger.ZERO;
            }
            return (BigInteger) calls.readOne(c.contract(), "balanceOf(address,uint256)(uint256)", account, c.tokenId());
        } catch (HearthException | IllegalArgumentException e) {
            return BigInteger.ZERO; // burned (ownerOf reverts) or a broken contract
        }
    }

    /** The contract's {@code name()}, if it has one that decodes. */
    public Optional<String> name(String contract) {
        try {
            String n = calls.readOne(contract, "name()(string)").toString().strip();
            return n.isEmpty() ? Optional.empty() : Optional.of(n.length() > 100 ? n.substring(0, 100) : n);
        } catch (HearthException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The metadata URI the contract gives for a token: {@code tokenURI} (721) or {@code uri} (1155), raw ({@code {id}} not yet replaced). */
    public Optional<String> tokenUri(String contract, NftStandard standard, BigInteger id) {
        try {
            String sig = standard == NftStandard.ERC721 ? "tokenURI(uint256)(string)" : "uri(uint256)(string)";
            return Optional.of(calls.readOne(contract, sig, id).toString());
        } catch (HearthException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The standard a contract declares by ERC-165, if either. */
    public Optional<NftStandard> standardOf(String contract) {
        for (NftStandard s : NftStandard.values()) {
            if (supportsInterface(contract, s)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
