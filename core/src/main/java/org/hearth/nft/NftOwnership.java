package org.hearth.nft;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hearth.chain.abi.ContractCalls;
import org.hearth.problem.HearthException;

/**
 * What an account owns now: every (contract, id) it ever received by the logs, kept only where the
 * contract answers ERC-165 for the standard its log claimed and {@code ownerOf} / {@code balanceOf}
 * confirms it at the latest block. A contract that reverts or lies about its interface is left out.
 */
public final class NftOwnership {

    static final int PARALLEL = 16;

    private final ContractCalls calls;
    private final NftTransfers transfers;
    private final NftHidden hidden;
    private final long chainId;

    public NftOwnership(ContractCalls calls, NftTransfers transfers, NftHidden hidden, long chainId) {
        this.calls = calls;
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

    /** {@link #held} of each candidate, {@value #PARALLEL} calls in flight (a 1,000-token account is 1,000 calls). */
    private List<BigInteger> heldAll(List<NftTransfers.NftCandidate> candidates, String account) {
        java.util.concurrent.Semaphore permits = new java.util.concurrent.Semaphore(PARALLEL);
        List<java.util.concurrent.Future<BigInteger>> futures = new ArrayList<>(candidates.size());
        try (java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            for (NftTransfers.NftCandidate c : candidates) {
                futures.add(pool.submit(() -> {
                    permits.acquire();
                    try {
                        return held(c, account);
                    } finally {
                        permits.release();
                    }
                }));
            }
            List<BigInteger> out = new ArrayList<>(candidates.size());
            for (java.util.concurrent.Future<BigInteger> f : futures) {
                try {
                    out.add(f.get());
                } catch (java.util.concurrent.ExecutionException e) {
                    out.add(BigInteger.ZERO); // held() answers zero for what it cannot read; anything else: not confirmed
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while confirming ownership", e);
                }
            }
            return out;
        }
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
