package org.hearth.app.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;
import org.hearth.chain.RpcClient;
import org.hearth.chain.RpcException;
import org.hearth.chain.session.ChainSession;
import org.hearth.config.DataDir;
import org.hearth.node.AnvilLocator;
import org.hearth.node.LocalNode;
import org.hearth.node.LocalNodeConfig;
import org.hearth.node.NodeRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code hearth node start|status|stop}: the embedded local chain for a data dir. */
@Command(name = "node", description = "Start, inspect or stop the local chain (anvil) of the data dir.")
public final class NodeCommand {

    @ParentCommand
    HearthCommand root;

    @Spec
    CommandSpec spec;

    @Command(name = "start", description = "Start the local chain in the background (it keeps running after this command).")
    int start() {
        PrintWriter out = spec.commandLine().getOut();
        LocalNode node = localNode(root.dataDir());
        boolean already = node.running().isPresent();
        NodeRecord record = node.start();
        out.printf("%s at %s (pid %d)%n", already ? "Already running" : "Started the local chain", record.rpcUrl(), record.pid());
        printChain(out, new RpcClient(record.rpcUrl()));
        return 0;
    }

    @Command(name = "status", description = "Print state, RPC URL, chain id and height.")
    int status(@Option(names = "--log", defaultValue = "0", description = "Also print the last N log lines.") int logLines) {
        PrintWriter out = spec.commandLine().getOut();
        if (CliSession.usesExternal(root)) {
            try (ChainSession session = CliSession.open(root, null)) {
                out.println("state:    attached");
                out.println("rpc:      " + session.displayEndpoint());
                printChain(out, session.rpc());
            }
            return 0;
        }
        DataDir dataDir = root.dataDir();
        LocalNode node = localNode(dataDir);
        Optional<NodeRecord> record = node.running();
        if (record.isEmpty()) {
            out.println("state:    stopped");
            out.println("data dir: " + dataDir.root());
            printLog(out, node, logLines);
            return 3; // like `systemctl status`: not running is not an error, but scripts can tell
        }
        out.println("state:    running");
        out.println("rpc:      " + record.get().rpcUrl());
        out.println("pid:      " + record.get().pid());
        out.println("data dir: " + dataDir.root());
        try {
            printChain(out, new RpcClient(record.get().rpcUrl(), new RpcClient.Options(Duration.ofSeconds(1), Duration.ofSeconds(3), 1 << 20, 1, Duration.ofMillis(200))));
        } catch (RpcException e) {
            out.println("chain:    not answering (" + e.getMessage() + ")");
        }
        printLog(out, node, logLines);
        return 0;
    }

    @Command(name = "stop", description = "Stop the local chain (its state is saved).")
    int stop() {
        PrintWriter out = spec.commandLine().getOut();
        boolean stopped = localNode(root.dataDir()).stop(Duration.ofSeconds(15));
        out.println(stopped ? "Stopped the local chain." : "The local chain was not running.");
        return 0;
    }

    static LocalNode localNode(DataDir dataDir) {
        return new LocalNode(dataDir, AnvilLocator.locate(), LocalNodeConfig.defaults());
    }

    static void printChain(PrintWriter out, RpcClient rpc) {
        out.println("chain id: " + rpc.chainId());
        out.println("height:   " + rpc.blockNumber());
    }

    private static void printLog(PrintWriter out, LocalNode node, int lines) {
        if (lines > 0) {
            out.println("log:");
            node.logTail(lines).forEach(l -> out.println("  " + l));
        }
    }
}
