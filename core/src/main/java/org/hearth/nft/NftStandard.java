package org.hearth.nft;

/** The two NFT standards, with their ERC-165 interface ids. */
public enum NftStandard {
    ERC721("erc721", "0x80ac58cd"),
    ERC1155("erc1155", "0xd9b67a26");

    private final String id;
    private final String interfaceId;

    NftStandard(String id, String interfaceId) {
        this.id = id;
        this.interfaceId = interfaceId;
    }

    /** As stored and as the CLI prints it: {@code erc721}, {@code erc1155}. */
    public String id() {
        return id;
    }

    public String interfaceId() {
        return interfaceId;
    }

    public static NftStandard of(String id) {
        for (NftStandard s : values()) {
            if (s.id.equals(id)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown NFT standard " + id);
    }
}
