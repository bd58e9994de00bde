package org.hearth.nft;

import java.math.BigInteger;
import java.util.List;
import org.hearth.fetch.FetchLimits;
import org.hearth.fetch.MediaSniffer;
import org.hearth.problem.HearthException;

/** Turns a {@code tokenURI} / {@code uri} value into metadata; never throws for bad input, it reports it. */
public final class MetadataResolver {

    private final NftContent content;

    public MetadataResolver(NftContent content) {
        this.content = content;
    }

    public ResolvedMetadata resolve(String rawUri, BigInteger id) {
        String uri = TokenIds.substitute(rawUri == null ? "" : rawUri.strip(), id);
        NftContent.Fetched fetched;
        try {
            fetched = content.get(uri, FetchLimits.JSON);
        } catch (HearthException e) {
            return new ResolvedMetadata(uri, List.of(), null, null, e.getMessage());
        }
        if (MediaSniffer.isImage(fetched.mediaType())) {
            return new ResolvedMetadata(uri, fetched.tried(), fetched.mediaType(), NftMetadata.imageOnly(uri), null);
        }
        try {
            return new ResolvedMetadata(uri, fetched.tried(), fetched.mediaType(), MetadataParser.parse(fetched.bytes(), id), null);
        } catch (HearthException e) {
            return new ResolvedMetadata(uri, fetched.tried(), fetched.mediaType(), null, e.getMessage());
        }
    }

    /** The image's bytes (from {@code image_data} or {@code image}), capped as media and sniffed; must be an image. */
    public NftContent.Fetched image(NftMetadata m) {
        NftContent.Fetched f;
        if (m.imageData() != null && (m.image() == null || m.image().isBlank())) {
            byte[] svg = m.imageData().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            f = new NftContent.Fetched("image_data", List.of("image_data"), svg, MediaSniffer.sniff(svg));
        } else if (m.image() != null) {
            f = content.get(m.image(), FetchLimits.MEDIA);
        } else {
            throw new HearthException("nft.noImage", null);
        }
        if (!MediaSniffer.isImage(f.mediaType())) {
            throw new HearthException("nft.notImage", null, f.mediaType());
        }
        return f;
    }
}
