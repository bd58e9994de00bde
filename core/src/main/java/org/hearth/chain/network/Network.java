package org.hearth.chain.network;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * A chain the user can switch to: the embedded local chain ({@code local}, no URLs: it follows the
 * local node) or a network with one or more RPC URLs of chain {@code chainId}, in order of
 * preference. {@code explorer} is a URL template with {@code {tx}} or {@code {address}}, or null.
 */
public record Network(String name, long chainId, List<URI> rpcUrls, String currency, String explorer, boolean local) {

    public static final String LOCAL_NAME = "Local chain";
    public static final int MAX_NAME_LENGTH = 48;
    public static final int MAX_URLS = 8;

    public Network {
        rpcUrls = List.copyOf(rpcUrls);
    }

    /** The explorer page for a transaction, when the template knows how. */
    public Optional<String> explorerTx(String txHash) {
        return explorer == null || !explorer.contains("{tx}") ? Optional.empty() : Optional.of(explorer.replace("{tx}", txHash));
    }
}
