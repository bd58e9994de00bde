package org.hearth.app.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.hearth.config.DataDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hearth}: with no subcommand it opens the desktop window; subcommands are the CLI. */
@Command(name = "hearth", mixinStandardHelpOptions = true, version = "Hearth 0.1.0",
        description = "Hearth: wallet, tokens, NFTs, DAO voting and a compute provider, on your own keys.",
        subcommands = {NodeCommand.class, DemoCommand.class, WalletCommand.class, KeystoreCommand.class, WorkerCommand.class, ProviderCommand.class,
                CommandLine.HelpCommand.class})
public final class HearthCommand implements Callable<Integer> {

    @Option(names = "--data-dir", scope = CommandLine.ScopeType.INHERIT,
            description = "Data directory (default: $HEARTH_HOME, else the OS convention, e.g. ~/.local/share/hearth).")
    Path dataDir;

    @Option(names = "--rpc", scope = CommandLine.ScopeType.INHERIT,
            description = "Use this JSON-RPC node instead of the embedded local chain.")
    URI rpc;

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

    public URI rpc() {
        return rpc;
    }

    @Override
    public Integer call() throws Exception {
        // Loaded by name so that the CLI paths never touch JavaFX classes. Returns when the window closes.
        Class<?> launcher = Class.forName("org.hearth.app.desktop.DesktopLauncher");
        launcher.getMethod("launch", Path.class, URI.class).invoke(null, dataDir, rpc);
        return 0;
    }
}
