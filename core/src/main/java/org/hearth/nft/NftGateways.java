package org.hearth.nft;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hearth.problem.HearthException;
import org.hearth.store.SettingsRepository;

/**
 * The gateways {@code ipfs://} and {@code ar://} go through, tried in order: settings
 * {@value #IPFS_KEY} and {@value #ARWEAVE_KEY} (comma-separated base URLs). Without a setting, the
 * local chain uses the local blob server for IPFS and other chains the public gateways.
 */
public record NftGateways(List<URI> ipfs, List<URI> arweave) {

    public static final String IPFS_KEY = "ipfs.gateways";
    public static final String ARWEAVE_KEY = "arweave.gateways";
    public static final List<URI> PUBLIC_IPFS = List.of(URI.create("https://ipfs.io"), URI.create("https://dweb.link"));
    public static final List<URI> PUBLIC_ARWEAVE = List.of(URI.create("https://arweave.net"));

    public NftGateways {
        ipfs = List.copyOf(ipfs);
        arweave = List.copyOf(arweave);
    }

    public static NftGateways fromSettings(SettingsRepository settings, Optional<URI> localBlobServer) {
        List<URI> ipfs = settings.get(IPFS_KEY).map(NftGateways::parse)
                .orElseGet(() -> localBlobServer.map(List::of).orElse(PUBLIC_IPFS));
        List<URI> arweave = settings.get(ARWEAVE_KEY).map(NftGateways::parse).orElse(PUBLIC_ARWEAVE);
        return new NftGateways(ipfs, arweave);
    }

    /** Both lists together: the bases the fetcher trusts even when they are local. */
    public List<URI> all() {
        List<URI> all = new ArrayList<>(ipfs);
        all.addAll(arweave);
        return all;
    }

    /** Comma-separated http(s) base URLs; anything else is refused with the offending entry. */
    public static List<URI> parse(String value) {
        List<URI> out = new ArrayList<>();
        for (String part : value.split(",")) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            try {
                URI u = URI.create(p);
                if (!("http".equalsIgnoreCase(u.getScheme()) || "https".equalsIgnoreCase(u.getScheme())) || u.getRawAuthority() == null) {
                    throw new IllegalArgumentException();
                }
                out.add(u);
            } catch (IllegalArgumentException e) {
                throw new HearthException("nft.gatewayInvalid", e, p);
            }
        }
        return out;
    }
}
