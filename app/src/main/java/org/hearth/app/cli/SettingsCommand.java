package org.hearth.app.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hearth.nft.NftGateways;
import org.hearth.store.Database;
import org.hearth.store.SettingsRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code hearth settings get|set KEY [VALUE]}: the settings a user may change from the command line (the gateways). */
@Command(name = "settings", description = "Read or change a setting: ipfs.gateways, arweave.gateways (comma-separated base URLs).")
public final class SettingsCommand {

    /** The keys this command knows, with what is used when they are not set. */
    private static final Map<String, String> DEFAULTS = Map.of(
            NftGateways.IPFS_KEY, join(NftGateways.PUBLIC_IPFS) + " (the local blob server on the local chain)",
            NftGateways.ARWEAVE_KEY, join(NftGateways.PUBLIC_ARWEAVE));

    @ParentCommand
    HearthCommand root;

    @Spec
    CommandSpec spec;

    @Command(name = "get", description = "Print a setting's value (or its default, marked as such).")
    int get(@Parameters(index = "0", paramLabel = "KEY") String key) {
        checkKey(key);
        PrintWriter out = spec.commandLine().getOut();
        out.println(settings().get(key).orElse("(default) " + DEFAULTS.get(key)));
        return 0;
    }

    @Command(name = "set", description = "Change a setting; the value is checked first.")
    int set(@Parameters(index = "0", paramLabel = "KEY") String key, @Parameters(index = "1", paramLabel = "VALUE") String value) {
        checkKey(key);
        String normalised = join(NftGateways.parse(value)); // both keys are gateway lists
        settings().put(key, normalised);
        spec.commandLine().getOut().println(key + " = " + normalised);
        return 0;
    }

    private SettingsRepository settings() {
        return new SettingsRepository(Database.open(root.dataDir().databaseFile()));
    }

    private static void checkKey(String key) {
        if (!DEFAULTS.containsKey(key)) {
            throw new IllegalArgumentException("Unknown setting " + key + "; known: " + String.join(", ", DEFAULTS.keySet().stream().sorted().toList()));
        }
    }

    private static String join(List<URI> uris) {
        return uris.stream().map(URI::toString).collect(Collectors.joining(","));
    }
}
