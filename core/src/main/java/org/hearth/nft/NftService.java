package org.hearth.nft;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import org.hearth.chain.abi.ContractCalls;
import org.hearth.chain.session.ChainSession;
import org.hearth.index.FirstActivity;
import org.hearth.problem.HearthException;

/** The NFT views of one account on one session: list (indexer sync, confirmation, names, spam) and one token in detail. */
public final class NftService {

    /** Metadata fetched at once while listing: enough to hide latency, few enough to be polite to gateways. */
    static final int PARALLEL_METADATA = 16;

    /**
     * A listed token with its metadata name (null when the metadata has none or could not be had), its
     * metadata outcome (null when the contract gave no URI) and the spam rule it breaks (a problem key, or
     * null); {@code nft().spam()} says whether that rule hides it (the user may have unhidden it).
     */
    public record Listed(OwnedNft nft, String name, ResolvedMetadata metadata, String spamReason) {
    }

    /** One token resolved: its metadata outcome, what fetching its image gave (type, or the reason it failed), and its royalty. */
    public record Detail(String contract, BigInteger tokenId, NftStandard standard, String collection, ResolvedMetadata metadata,
                         String imageType, List<String> imageTried, String imageError, byte[] imageBytes, NftRoyalty royalty) {
    }

    private final ChainSession session;
    private final NftOwnership ownership;
    private final NftHidden hidden;
    private final MetadataResolver resolver;
    private final NftContent content;

    /** {@code cache} may be null (fetch every time). */
    public NftService(ChainSession session, NftGateways gateways, NftCache cache) {
        this.session = session;
        this.hidden = new NftHidden(session.database());
        this.ownership = new NftOwnership(new ContractCalls(session.rpc()), session.nftTransfers(), hidden, session.chainId());
        this.content = new NftContent(gateways, cache);
        this.resolver = new MetadataResolver(content);
    }

    public NftOwnership ownership() {
        return ownership;
    }

    public NftHidden hidden() {
        return hidden;
    }

    /**
     * Watches {@code account} (backfilling from its first activity), syncs the indexer to the head, then
     * lists what it holds, metadata resolved in parallel. Hidden and spam tokens only with {@code includeHidden}.
     */
    public List<Listed> list(String account, boolean includeHidden) throws InterruptedException {
        String a = account.toLowerCase(Locale.ROOT);
        long start = session.isLocal() ? 0 : FirstActivity.startBlock(session.rpc(), a, null, 0);
        session.logIndexer().watch(session.nftTransfers(), a, start);
        session.logIndexer().syncToHead();
        List<OwnedNft> owned = ownership.owned(a);
        List<ResolvedMetadata> metadata = resolveAll(owned);
        NftSpamRules spam = new NftSpamRules(session.rpc(), session.nftTransfers(),
                c -> session.contracts().byAddress(c).isPresent(), session.chainId());
        Set<String> shown = hidden.shown(session.chainId());
        List<Listed> out = new ArrayList<>();
        for (int i = 0; i < owned.size(); i++) {
            OwnedNft n = owned.get(i);
            ResolvedMetadata m = metadata.get(i);
            String name = m != null && m.ok() ? m.metadata().name() : null;
            String reason = spam.reason(a, n, name).orElse(null);
            boolean isSpam = reason != null && !NftHidden.isHidden(shown, n.contract(), n.tokenId());
            if ((n.hidden() || isSpam) && !includeHidden) {
                continue;
            }
            out.add(new Listed(n.withSpam(isSpam), name, m, reason));
        }
        return out;
    }

    /** The metadata of each token, in order ({@code null} where the contract gives no URI), {@value #PARALLEL_METADATA} fetched at once. */
    public List<ResolvedMetadata> resolveAll(List<OwnedNft> owned) throws InterruptedException {
        Semaphore permits = new Semaphore(PARALLEL_METADATA);
        List<Future<ResolvedMetadata>> futures = new ArrayList<>(owned.size());
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (OwnedNft n : owned) {
                futures.add(pool.submit(() -> {
                    permits.acquire();
                    try {
                        return ownership.tokenUri(n.contract(), n.standard(), n.tokenId()).map(uri -> resolver.resolve(uri, n.tokenId()))
                                .orElse(null);
                    } finally {
                        permits.release();
                    }
                }));
            }
            List<ResolvedMetadata> out = new ArrayList<>(owned.size());
            for (Future<ResolvedMetadata> f : futures) {
                try {
                    out.add(f.get());
                } catch (ExecutionException e) {
                    out.add(null); // resolve() reports bad input itself; anything else leaves this token without metadata
                }
            }
            return out;
        }
    }

    /** The image bytes of resolved metadata (cached like all media); throws the one-line reason when there is none. */
    public NftContent.Fetched image(ResolvedMetadata metadata) {
        if (metadata == null) {
            throw new HearthException("nft.noUri", null);
        }
        if (!metadata.ok()) {
            throw new HearthException("nft.noMetadata", null, metadata.error());
        }
        return resolver.image(metadata.metadata());
    }

    /** Everything about one token: standard by ERC-165, metadata, the image's sniffed type, royalty; {@code refresh} refetches. */
    public Detail show(String contract, BigInteger id, boolean refresh) {
        NftStandard standard = ownership.standardOf(contract)
                .orElseThrow(() -> new HearthException("nft.notNftContract", null, contract));
        String collection = ownership.name(contract).orElse(null);
        Optional<String> uri = ownership.tokenUri(contract, standard, id);
        if (refresh) {
            uri.ifPresent(u -> content.refresh(TokenIds.substitute(u.strip(), id)));
            uri.map(u -> resolver.resolve(u, id)).filter(ResolvedMetadata::ok).map(r -> r.metadata().image()).ifPresent(content::refresh);
        }
        ResolvedMetadata metadata = uri.map(u -> resolver.resolve(u, id))
                .orElseGet(() -> new ResolvedMetadata("", List.of(), null, null, new HearthException("nft.noUri", null).getMessage()));
        String imageType = null;
        List<String> imageTried = List.of();
        String imageError = null;
        byte[] imageBytes = null;
        if (metadata.ok()) {
            try {
                NftContent.Fetched image = resolver.image(metadata.metadata());
                imageType = image.mediaType();
                imageTried = image.tried();
                imageBytes = image.bytes();
            } catch (HearthException e) {
                imageError = e.getMessage();
            }
        }
        NftRoyalty royalty = NftRoyalty.read(new ContractCalls(session.rpc()), contract, id).orElse(null);
        return new Detail(contract.toLowerCase(Locale.ROOT), id, standard, collection, metadata, imageType, imageTried, imageError,
                imageBytes, royalty);
    }
}
