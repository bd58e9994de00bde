package org.hearth.chain.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Well-known networks offered when adding one: data only (presets.json); nothing is contacted
 * until the user adds one, and adding checks each URL like any other.
 */
public final class NetworkPresets {

    private NetworkPresets() {
    }

    public static List<Network> all() {
        try (InputStream in = NetworkPresets.class.getResourceAsStream("presets.json")) {
            if (in == null) {
                throw new IllegalStateException("presets.json is missing from the build");
            }
            List<Network> out = new ArrayList<>();
            for (JsonNode n : new ObjectMapper().readTree(in)) {
                List<URI> urls = new ArrayList<>();
                n.path("rpc").forEach(u -> urls.add(URI.create(u.asText())));
                out.add(new Network(n.path("name").asText(), n.path("chainId").asLong(), urls, n.path("currency").asText("ETH"),
                        n.path("explorer").isTextual() ? n.path("explorer").asText() : null, false));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the network presets", e);
        }
    }
}
