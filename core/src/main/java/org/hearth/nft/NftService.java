package org.hearth.nft;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.hearth.chain.abi.ContractCalls;
import org.hearth.chain.session.ChainSession;
import org.hearth.index.FirstActivity;
import org.hearth.problem.HearthException;

/** The NFT views of one account on one session: list (indexer sync, confirmation, names) and one token in detail. */
public final class NftService {

    /** A listed token with its metadata name (null when the metadata has none or could not be had). */
    public record Listed(OwnedNft nft, String name) {
    }

    /** One token resolved: its metadata outcome and what fetching its image gave (type, or the reason it failed). */
    public record Detail(String contract, BigInteger tokenId, NftStandard standard, String collection, ResolvedMetadata metadata,
                         String imageType, List<String> imageTried, String imageError, byte[] imageBytes) {
    }

    private final ChainSession session;
    private final NftOwnership ownership;
    private final MetadataResolver resolver;
    private final NftContent content;

    /** {@code cache} may be null (fetch every time). */
    public NftService(ChainSession session, NftGateways gateways, NftCache cache) {
        this.session = session;
        this.ownership = new NftOwnership(new ContractCalls(session.rpc()), session.nftTransfers(), new NftHidden(session.database()),
                session.chainId());
        this.content = new NftContent(gateways, cache);
        this.resolver = new MetadataResolver(content);
    }

    public NftOwnership ownership() {
        return ownership;
    }

    /** Watches {@code account} (backfilling from its first activity), syncs the indexer to the head, then lists what it holds. */
    public List<Listed> list(String account, boolean includeHidden) throws InterruptedException {
        String a = account.toLowerCase(Locale.ROOT);
        long start = session.isLocal() ? 0 : FirstActivity.startBlock(session.rpc(), a, null, 0);
        session.logIndexer().watch(session.nftTransfers(), a, start);
        session.logIndexer().syncToHead();
        List<Listed> out = new ArrayList<>();
        for (OwnedNft n : ownership.owned(a)) {
            if (n.hidden() && !includeHidden) {
                continue;
            }
            String name = ownership.tokenUri(n.contract(), n.standard(), n.tokenId())
                    .map(uri -> resolver.resolve(uri, n.tokenId()))
                    .filter(ResolvedMetadata::ok)
                    .map(r -> r.metadata().name())
                    .orElse(null);
            out.add(new Listed(n, name));
        }
        return out;
    }

    /** Everything about one token: standard by ERC-165, metadata, and the image's sniffed type; {@code refresh} refetches both. */
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
        return new Detail(contract.toLowerCase(Locale.ROOT), id, standard, collection, metadata, imageType, imageTried, imageError, imageBytes);
    }
}
