package org.hearth.app.cli;

import java.io.PrintWriter;
import org.hearth.chain.RpcException;
import org.hearth.chain.session.ChainSession;
import org.hearth.config.DataDir;
import org.hearth.node.LocalNode;
import org.hearth.node.NodeException;
import org.hearth.store.Database;

/**
 * The one place the CLI picks its chain (--rpc, else the data dir's local node, started if needed
 * and left running) and opens the session every chain command works through: the same
 * {@link ChainSession} the desktop app uses.
 */
final class CliSession {

    private CliSession() {
    }

    /** {@code notices}: told when the local chain has to be started first (may be null). */
    static ChainSession open(HearthCommand root, PrintWriter notices) {
        DataDir dataDir = root.dataDir();
        Database db = Database.open(dataDir.databaseFile());
        if (root.rpc() != null) {
            try {
                return ChainSession.open(root.rpc(), ChainSession.Kind.EXTERNAL, db);
            } catch (RpcException e) {
                throw new NodeException("Cannot reach the node at " + e.endpoint() + ": " + e.getMessage(), e);
            }
        }
        LocalNode node = NodeCommand.localNode(dataDir);
        if (notices != null && node.running().isEmpty()) {
            notices.println("Starting the local chain (it keeps running; `hearth node stop` stops it)...");
            notices.flush();
        }
        return ChainSession.open(node.start().rpcUrl(), ChainSession.Kind.LOCAL, db);
    }
}
