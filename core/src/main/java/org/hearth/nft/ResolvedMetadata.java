package org.hearth.nft;

import java.util.List;

/**
 * The outcome of resolving one token's metadata: the URI the contract gave (after {@code {id}}), each
 * URL tried, the sniffed type, and the metadata, or the one-line reason it could not be had.
 */
public record ResolvedMetadata(String tokenUri, List<String> tried, String mediaType, NftMetadata metadata, String error) {

    public ResolvedMetadata {
        tried = List.copyOf(tried);
    }

    public boolean ok() {
        return metadata != null;
    }
}
