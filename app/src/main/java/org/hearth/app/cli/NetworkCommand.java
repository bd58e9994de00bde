package org.hearth.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.net.URI;
import org.hearth.chain.network.Network;
import org.hearth.chain.network.NetworkException;
import org.hearth.chain.network.NetworkRegistry;
import org.hearth.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code hearth network list|add|remove|use}: the networks of the data dir and the one later commands use. */
@Command(name = "network", description = "List, add, remove or choose the networks (chains and their RPC URLs) of the data dir.")
public final class NetworkCommand {

    @ParentCommand
    HearthCommand root;

    @Spec
    CommandSpec spec;

    @Command(name = "list", description = "Every network: the local chain and those added; * marks the one in use.")
    int list(@Option(names = "--json", description = "Print JSON instead of text.") boolean json) throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        NetworkRegistry networks = registry();
        String current = networks.current().name();
        if (json) {
            ObjectMapper mapper = new ObjectMapper();
            ArrayNode array = mapper.createArrayNode();
            for (Network n : networks.list()) {
                ObjectNode o = array.addObject();
                o.put("name", n.name());
                o.put("chainId", n.chainId());
                ArrayNode urls = o.putArray("rpcUrls");
                n.rpcUrls().forEach(u -> urls.add(u.toString()));
                o.put("currency", n.currency());
                o.put("explorer", n.explorer());
                o.put("local", n.local());
                o.put("current", n.name().equals(current));
            }
            out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(array));
            return 0;
        }
        for (Network n : networks.list()) {
            String urls = n.local() ? "(the local node)" : String.join(" ", n.rpcUrls().stream().map(NetworkCommand::display).toList());
            out.printf("%s %-20s chain %-10d %-6s %s%n", n.name().equals(current) ? "*" : " ", n.name(), n.chainId(), n.currency(), urls);
        }
        return 0;
    }

    @Command(name = "add", description = "Add a network after checking that each URL answers eth_chainId with the chain id.")
    int add(@Option(names = "--name", required = true, description = "A name to choose it by.") String name,
            @Option(names = "--chain-id", required = true, description = "Its chain id (each URL must answer it).") long chainId,
            @Option(names = "--currency", defaultValue = "ETH", description = "The native currency's symbol (default ETH).") String currency,
            @Option(names = "--explorer", description = "Explorer URL template with {tx}, e.g. https://etherscan.io/tx/{tx}.") String explorer) {
        PrintWriter out = spec.commandLine().getOut();
        if (root.rpcUrls().isEmpty()) {
            throw new NetworkException("urls", "Give at least one --rpc URL");
        }
        Network added = registry().add(new Network(name, chainId, root.rpcUrls(), currency, explorer, false));
        out.printf("Added %s (chain %d, %d RPC URL%s, each checked).%n", added.name(), added.chainId(), added.rpcUrls().size(),
                added.rpcUrls().size() == 1 ? "" : "s");
        return 0;
    }

    @Command(name = "remove", description = "Remove a network you added (the local chain stays).")
    int remove(@Parameters(paramLabel = "NAME") String name) {
        registry().remove(name);
        spec.commandLine().getOut().printf("Removed %s.%n", name);
        return 0;
    }

    @Command(name = "use", description = "Make NAME the network later commands of this data dir use (the app too).")
    int use(@Parameters(paramLabel = "NAME") String name) {
        Network n = registry().use(name);
        spec.commandLine().getOut().printf("Now using %s (chain %d).%n", n.name(), n.chainId());
        return 0;
    }

    private NetworkRegistry registry() {
        return new NetworkRegistry(Database.open(root.dataDir().databaseFile()));
    }

    private static String display(URI url) {
        String port = url.getPort() < 0 ? "" : ":" + url.getPort();
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() || url.getRawPath().equals("/") ? "" : "/…";
        return url.getScheme() + "://" + url.getHost() + port + path;
    }
}
