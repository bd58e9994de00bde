package org.hearth.app.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.hearth.compute.blob.BlobException;
import org.hearth.compute.blob.BlobFetcher;
import org.hearth.compute.blob.BlobGateways;
import org.hearth.compute.blob.BlobStore;
import org.hearth.compute.blob.Cid;
import org.hearth.config.DataDir;
import org.hearth.store.Database;
import org.hearth.store.SettingsRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code hearth blobs put|get}: the data dir's content-addressed blobs (CIDv1 raw sha2-256, {@code bafkrei...}). */
@Command(name = "blobs", mixinStandardHelpOptions = true,
        description = "Content-addressed blobs (job inputs, manifests, results) in the data dir, by CIDv1 (bafkrei...).")
public final class BlobsCommand {

    @Spec
    CommandSpec spec;

    @ParentCommand
    HearthCommand root;

    @Command(name = "put", description = "Store a file as a blob and print its CID.")
    int put(@Parameters(paramLabel = "FILE", description = "The file (at most 256 MiB).") Path file) {
        DataDir dataDir = root.dataDir();
        Cid cid = BlobStore.inDataDir(dataDir.root()).putFile(file);
        spec.commandLine().getOut().println(cid);
        spec.commandLine().getOut().flush();
        return 0;
    }

    @Command(name = "get", description = "Write a blob to a file: from the local store, else from the gateways "
            + "(--gateway, then the setting " + BlobGateways.SETTING + "); the bytes are checked against the CID.")
    int get(@Parameters(paramLabel = "CID", description = "The blob id (bafkrei...).") String cidText,
            @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the bytes.") Path out,
            @Option(names = "--gateway", paramLabel = "URL", description = "A gateway base to try first (repeatable), e.g. http://127.0.0.1:8080.")
            List<String> gateways,
            @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30", description = "Per gateway (default: ${DEFAULT-VALUE}).")
            int timeoutSeconds) throws IOException {
        Cid cid = Cid.parse(cidText);
        DataDir dataDir = root.dataDir();
        BlobStore store = BlobStore.inDataDir(dataDir.root());
        byte[] bytes = local(store, cid);
        if (bytes == null) {
            bytes = new BlobFetcher(Duration.ofSeconds(Math.max(1, timeoutSeconds)), store.maxBytes())
                    .fetchInto(store, cid, bases(dataDir, gateways));
        }
        Path target = out.toAbsolutePath();
        Path tmp = Files.createTempFile(target.getParent(), ".hearth-blob-", ".tmp");
        try {
            Files.write(tmp, bytes);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        spec.commandLine().getOut().println("wrote " + bytes.length + " bytes of " + cid + " to " + out);
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** The verified local copy, or null (a damaged copy is removed by the store and fetched again). */
    private static byte[] local(BlobStore store, Cid cid) {
        try {
            return store.get(cid).orElse(null);
        } catch (BlobException e) {
            return null;
        }
    }

    private static List<URI> bases(DataDir dataDir, List<String> flags) {
        List<URI> bases = new ArrayList<>();
        if (flags != null) {
            for (String g : flags) {
                bases.add(BlobGateways.base(g));
            }
        }
        if (Files.exists(dataDir.databaseFile())) {
            Database db = Database.open(dataDir.databaseFile());
            bases.addAll(BlobGateways.parse(new SettingsRepository(db).get(BlobGateways.SETTING).orElse("")));
        }
        if (bases.isEmpty()) {
            throw new BlobException("blob not in the local store and no gateway configured (use --gateway URL or the setting "
                    + BlobGateways.SETTING + ")");
        }
        return bases;
    }
}
