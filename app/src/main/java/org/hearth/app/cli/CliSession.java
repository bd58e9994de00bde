package org.hearth.app.cli;

import java.io.PrintWriter;
import java.util.Optional;
import org.hearth.chain.RpcClient;
import org.hearth.chain.RpcException;
import org.hearth.chain.network.Network;
import org.hearth.chain.network.NetworkRegistry;
import org.hearth.chain.session.ChainSession;
import org.hearth.config.DataDir;
import org.hearth.node.LocalNode;
import org.hearth.node.NodeException;
import org.hearth.store.Database;

/**
 * The one place the CLI picks its chain: --rpc (a one-off; several fail over), else --network, else
 * the network chosen with `hearth network use`, else the data dir's local node (started if needed
 * and left running); and opens the session every chain command works through: the same
 * {@link ChainSession} the desktop app uses.
 */
final class CliSession {

    private CliSession() {
    }

    /** {@code notices}: told when the local chain has to be started first (may be null). */
    static ChainSession open(HearthCommand root, PrintWriter notices) {
        DataDir dataDir = root.dataDir();
        Database db = Database.open(dataDir.databaseFile());
        try {
            if (!root.rpcUrls().isEmpty()) {
                if (root.rpcUrls().size() == 1) {
                    return ChainSession.open(root.rpc(), ChainSession.Kind.EXTERNAL, db);
                }
                return ChainSession.open(new Network("--rpc", probeChainId(root), root.rpcUrls(), "ETH", null, false), db);
            }
            Optional<Network> network = external(root, db);
            if (network.isPresent()) {
                return ChainSession.open(network.get(), db);
            }
        } catch (RpcException e) {
            throw new NodeException("Cannot reach the node at " + e.endpoint() + ": " + e.getMessage(), e);
        }
        LocalNode node = NodeCommand.localNode(dataDir);
        if (notices != null && node.running().isEmpty()) {
            notices.println("Starting the local chain (it keeps running; `hearth node stop` stops it)...");
            notices.flush();
        }
        return ChainSession.open(node.start().rpcUrl(), ChainSession.Kind.LOCAL, db);
    }

    /** Whether this command runs on a node other than the data dir's local chain. */
    static boolean usesExternal(HearthCommand root) {
        return !root.rpcUrls().isEmpty() || external(root, Database.open(root.dataDir().databaseFile())).isPresent();
    }

    /** The saved network chosen for this command (--network, else `network use`), unless it is the local chain. */
    private static Optional<Network> external(HearthCommand root, Database db) {
        NetworkRegistry networks = new NetworkRegistry(db);
        Network chosen = root.network() != null ? networks.require(root.network()) : networks.current();
        return chosen.local() ? Optional.empty() : Optional.of(chosen);
    }

    /** Several one-off URLs must agree on a chain: the first one that answers says which. */
    private static long probeChainId(HearthCommand root) {
        RpcException last = null;
        for (var url : root.rpcUrls()) {
            try (RpcClient rpc = new RpcClient(url)) {
                return rpc.chainId();
            } catch (RpcException e) {
                last = e;
            }
        }
        throw last;
    }
}
