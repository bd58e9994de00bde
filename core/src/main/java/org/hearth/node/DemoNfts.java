package org.hearth.node;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hearth.chain.ContractArtifact;
import org.hearth.compute.blob.BlobStore;
import org.hearth.compute.blob.Cid;
import org.hearth.store.DemoWorldRepository;

/**
 * The demo world's NFTs beyond the on-chain ones: "Hearth Gallery", whose metadata and SVG images are
 * {@code ipfs://} blobs in the local blob store (served by the local blob server, the default IPFS
 * gateway on the local chain), and a phishing-style airdrop ("claim at a URL") that the spam rules hide.
 * Both contracts are deployed once per chain; each funded address gets four gallery pieces and the airdrop.
 */
final class DemoNfts {

    static final String GALLERY = "HearthGallery";
    static final String AIRDROP = "DemoAirdrop";
    static final String AIRDROP_NAME = "Claim 500 HRTH at hearth-bonus.xyz";
    private static final String[][] PIECES = {
        {"Kindling", "255,170,60", "180,40,20"},
        {"Banked Coals", "200,60,40", "60,20,30"},
        {"Blue Flame", "80,160,255", "20,40,120"},
        {"Ash and Smoke", "190,190,200", "70,70,90"},
    };

    private final DevChain dev;
    private final BlobStore blobs;

    DemoNfts(DevChain dev, BlobStore blobs) {
        this.dev = dev;
        this.blobs = blobs;
    }

    /** Deploys the two contracts unless {@code contracts} has them; returns what was added (also recorded in the repository). */
    Map<String, String> ensureDeployed(Map<String, String> contracts, DemoWorldRepository repository, long chainId, String genesis,
                                       String owner) {
        Map<String, String> added = new LinkedHashMap<>();
        if (!contracts.containsKey(GALLERY) || !dev.hasCode(contracts.get(GALLERY))) {
            added.put(GALLERY, deploy("Hearth Gallery", "HGAL", owner));
        }
        if (!contracts.containsKey(AIRDROP) || !dev.hasCode(contracts.get(AIRDROP))) {
            added.put(AIRDROP, deploy(AIRDROP_NAME, "CLAIM", owner));
        }
        added.forEach((name, address) -> repository.addContract(chainId, genesis, name, address));
        return added;
    }

    private String deploy(String name, String symbol, String owner) {
        return dev.deploy(owner, ContractArtifact.load(GALLERY).bytecode(), List.of("string", "string", "address"), name, symbol, owner);
    }

    /** Puts the pieces' images and metadata in the blob store and mints them (and the airdrop) to {@code address}. */
    void fund(Map<String, String> contracts, String owner, String address) {
        for (String[] piece : PIECES) {
            Cid image = blobs.put(svg(piece[1], piece[2]).getBytes(StandardCharsets.UTF_8));
            String json = "{\"name\":\"" + piece[0] + "\",\"description\":\"A piece of the Hearth Gallery: metadata and image are IPFS "
                    + "blobs served by this machine's blob server.\",\"image\":\"ipfs://" + image + "\",\"external_url\":\"https://hearth.invalid/gallery\","
                    + "\"attributes\":[{\"trait_type\":\"Glow\",\"value\":\"" + piece[1] + "\"},{\"trait_type\":\"Storage\",\"value\":\"IPFS\"}]}";
            Cid metadata = blobs.put(json.getBytes(StandardCharsets.UTF_8));
            dev.call(owner, contracts.get(GALLERY), "mint(address,string)", address, "ipfs://" + metadata);
        }
        String spam = "data:application/json,{\"name\":\"You won 500 HRTH\",\"description\":\"Claim now at hearth-bonus.xyz before it expires\","
                + "\"image\":\"data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg' width='64' height='64'><rect width='64' height='64' "
                + "fill='rgb(250,210,0)'/><text x='8' y='40' font-size='20'>FREE</text></svg>\"}";
        dev.call(owner, contracts.get(AIRDROP), "mint(address,string)", address, spam);
    }

    /** A glowing disc on a dark field, in two colours. */
    static String svg(String glow, String field) {
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 320 320\" width=\"320\" height=\"320\"><defs>"
                + "<radialGradient id=\"g\"><stop offset=\"0\" stop-color=\"rgb(" + glow + ")\"/><stop offset=\"1\" stop-color=\"rgb("
                + field + ")\"/></radialGradient></defs><rect width=\"320\" height=\"320\" fill=\"rgb(" + field + ")\"/>"
                + "<circle cx=\"160\" cy=\"170\" r=\"120\" fill=\"url(#g)\"/><circle cx=\"160\" cy=\"200\" r=\"40\" fill=\"rgb(" + glow
                + ")\" fill-opacity=\"0.7\"/></svg>";
    }
}
