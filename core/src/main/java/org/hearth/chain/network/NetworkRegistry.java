package org.hearth.chain.network;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.hearth.chain.RpcClient;
import org.hearth.chain.RpcException;
import org.hearth.store.Database;
import org.hearth.store.SettingsRepository;

/**
 * The networks of one data dir: list, add (each URL must answer {@code eth_chainId} with the
 * network's chain id, or nothing is saved), edit, remove (never the local chain), and the one in use
 * (a setting, so later commands and launches of that data dir use it).
 */
public final class NetworkRegistry {

    /** Settings key: the name of the network in use (absent: the local chain). */
    public static final String CURRENT_KEY = "network.current";

    /** Short timeouts: a URL being checked either answers soon or is reported as unreachable. */
    private static final RpcClient.Options CHECK = new RpcClient.Options(Duration.ofSeconds(4), Duration.ofSeconds(8), 1 << 16, 0, Duration.ZERO);

    private final NetworkRepository networks;
    private final SettingsRepository settings;

    public NetworkRegistry(Database db) {
        this.networks = new NetworkRepository(db);
        this.settings = new SettingsRepository(db);
    }

    /** The local chain first, then the user's networks by name. */
    public List<Network> list() {
        return networks.list();
    }

    public Optional<Network> byName(String name) {
        return name == null ? Optional.empty() : networks.byName(name);
    }

    /** The network by name, or a clear error naming the ones there are. */
    public Network require(String name) {
        return byName(name).orElseThrow(() -> new NetworkException("unknown", "No network named " + name + " (there are: "
                + String.join(", ", list().stream().map(Network::name).toList()) + ")", name));
    }

    public Network local() {
        return list().stream().filter(Network::local).findFirst().orElseThrow();
    }

    /** The network in use: the one named in the settings, else the local chain (also when that one was removed). */
    public Network current() {
        return settings.get(CURRENT_KEY).flatMap(networks::byName).orElseGet(this::local);
    }

    /** Makes {@code name} the network in use for this data dir. */
    public Network use(String name) {
        Network n = require(name);
        settings.put(CURRENT_KEY, n.name());
        return n;
    }

    /** Checks every URL of {@code network} and saves it; throws {@link NetworkException} with the reason otherwise. */
    public Network add(Network network) {
        if (byName(network.name()).isPresent()) {
            throw new NetworkException("exists", "A network named " + network.name().strip() + " already exists", network.name().strip());
        }
        Network checked = validated(network);
        networks.save(checked, null);
        return checked;
    }

    /** Replaces the user's network {@code previousName} with {@code network}, after the same checks as adding. */
    public Network edit(String previousName, Network network) {
        Network before = require(previousName);
        if (before.local()) {
            throw new NetworkException("localFixed", "The local chain follows the local node and cannot be edited");
        }
        byName(network.name()).filter(n -> !n.name().equalsIgnoreCase(before.name())).ifPresent(n -> {
            throw new NetworkException("exists", "A network named " + n.name() + " already exists", n.name());
        });
        Network checked = validated(network);
        networks.save(checked, before.name());
        if (settings.get(CURRENT_KEY).filter(before.name()::equalsIgnoreCase).isPresent()) {
            settings.put(CURRENT_KEY, checked.name());
        }
        return checked;
    }

    /** Removes a user's network; when it was in use, the local chain is used again. */
    public void remove(String name) {
        Network n = require(name);
        if (n.local()) {
            throw new NetworkException("localFixed", "The local chain cannot be removed");
        }
        networks.remove(n.name());
        if (settings.get(CURRENT_KEY).filter(n.name()::equalsIgnoreCase).isPresent()) {
            settings.put(CURRENT_KEY, local().name());
        }
    }

    /** Asks {@code url} for its chain id: the reason it cannot serve {@code chainId}, or empty when it can. */
    public static Optional<NetworkException> check(URI url, long chainId) {
        RpcClient rpc;
        try {
            rpc = new RpcClient(url, CHECK);
        } catch (IllegalArgumentException e) {
            return Optional.of(new NetworkException("scheme", "Not an http:// or https:// URL: " + url.getScheme() + "://…", String.valueOf(url.getScheme())));
        }
        try (rpc) {
            long answered = rpc.chainId();
            if (answered != chainId) {
                return Optional.of(new NetworkException("wrongChain", rpc.displayEndpoint() + " serves chain id " + answered + ", not " + chainId,
                        rpc.displayEndpoint(), answered, chainId));
            }
            return Optional.empty();
        } catch (RpcException e) {
            String why = e.isTransport() ? "does not answer (" + e.getMessage().replaceFirst("^RPC eth_chainId at \\S+ failed: ", "") + ")"
                    : "answered eth_chainId with an error";
            return Optional.of(new NetworkException(e.isTransport() ? "unreachable" : "noChainId", rpc.displayEndpoint() + " " + why,
                    rpc.displayEndpoint()));
        }
    }

    private Network validated(Network n) {
        String name = n.name() == null ? "" : n.name().strip();
        if (name.isEmpty() || name.length() > Network.MAX_NAME_LENGTH || name.chars().anyMatch(Character::isISOControl)) {
            throw new NetworkException("name", "A network name needs 1 to " + Network.MAX_NAME_LENGTH + " characters", Network.MAX_NAME_LENGTH);
        }
        if (n.chainId() <= 0) {
            throw new NetworkException("chainId", "The chain id must be a positive number");
        }
        List<URI> urls = new ArrayList<>(new LinkedHashSet<>(n.rpcUrls()));
        if (urls.isEmpty() || urls.size() > Network.MAX_URLS) {
            throw new NetworkException("urls", "A network needs 1 to " + Network.MAX_URLS + " RPC URLs", Network.MAX_URLS);
        }
        for (URI url : urls) {
            Optional<NetworkException> problem = check(url, n.chainId());
            if (problem.isPresent()) {
                throw problem.get();
            }
        }
        String currency = n.currency() == null || n.currency().isBlank() ? "ETH" : n.currency().strip();
        if (currency.length() > 12) {
            throw new NetworkException("currency", "A currency symbol has at most 12 characters");
        }
        String explorer = n.explorer() == null || n.explorer().isBlank() ? null : n.explorer().strip();
        if (explorer != null && !explorer.startsWith("https://") && !explorer.startsWith("http://")) {
            throw new NetworkException("explorer", "An explorer template must start with https:// or http://");
        }
        return new Network(name, n.chainId(), urls, currency, explorer, false);
    }
}
