package org.hearth.nft;

import java.util.List;

/**
 * A token's metadata as Hearth shows it: every field optional (null when absent or of the wrong type),
 * {@code animationUrl} only ever shown as a link, and {@code warnings} saying what was ignored and why.
 */
public record NftMetadata(String name, String description, String image, String imageData, String animationUrl,
                          String externalUrl, List<Attribute> attributes, String backgroundColor, List<String> warnings) {

    public NftMetadata {
        attributes = List.copyOf(attributes);
        warnings = List.copyOf(warnings);
    }

    /** One trait: its type (may be null), its value as text, and the display hint (may be null). */
    public record Attribute(String traitType, String value, String displayType) {
    }

    /** Metadata that is only an image (a tokenURI that points straight at one). */
    public static NftMetadata imageOnly(String image) {
        return new NftMetadata(null, null, image, null, null, null, List.of(), null, List.of());
    }
}
