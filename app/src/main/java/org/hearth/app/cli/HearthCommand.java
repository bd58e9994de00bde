package org.hearth.app.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.hearth.config.DataDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hearth}: with no subcommand it opens the desktop window; subcommands are the CLI. */
@Command(name = "hearth", mixinStandardHelpOptions = true, version = "Hearth 0.1.0",
        description = "Hearth: wallet, tokens, NFTs, DAO voting and a compute provider, on your own keys.",
        subcommands = {NodeCommand.class, NetworkCommand.class, DemoCommand.class, WalletCommand.class, KeystoreCommand.class, WorkerCommand.class,
                ProviderCommand.class, BlobsCommand.class, MarketCommand.class, IndexCommand.class, DaoCommand.class, TokensCommand.class, NftCommand.class, SettingsCommand.class,
                CommandLine.HelpCommand.class})
public final class HearthCommand implements Callable<Integer> {

    @Option(names = "--data-dir", scope = CommandLine.ScopeType.INHERIT,
            description = "Data directory (default: $HEARTH_HOME, else the OS convention, e.g. ~/.local/share/hearth).")
    Path dataDir;

    /** Repeatable: one URL is a one-off endpoint; several fail over in order (and `network add` saves them). */
    @Option(names = "--rpc", scope = CommandLine.ScopeType.INHERIT, paramLabel = "URL",
            description = "Use this JSON-RPC node instead of the chosen network, for this command only (repeat for failover).")
    List<URI> rpc = new ArrayList<>();

    @Option(names = "--network", scope = CommandLine.ScopeType.INHERIT, paramLabel = "NAME",
            description = "Use this saved network for this command only (see `hearth network list`).")
    String network;

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new HearthCommand());
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            PrintWriter err = cmd.getErr();
            err.println("error: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            err.flush();
            return 1;
        });
        return cl;
    }

    public DataDir dataDir() {
        return DataDir.resolve(dataDir).ensureExists();
    }

    /** The first --rpc URL, or null when none was given. */
    public URI rpc() {
        return rpc.isEmpty() ? null : rpc.getFirst();
    }

    /** Every --rpc URL, in the order given. */
    public List<URI> rpcUrls() {
        return List.copyOf(rpc);
    }

    /** The --network name for this command, or null. */
    public String network() {
        return network;
    }

    @Override
    public Integer call() throws Exception {
        // Loaded by name so that the CLI paths never touch JavaFX classes. Returns when the window closes.
        Class<?> launcher = Class.forName("org.hearth.app.desktop.DesktopLauncher");
        launcher.getMethod("launch", Path.class, URI.class).invoke(null, dataDir, rpc());
        return 0;
    }
}
