package org.hearth.app.cli;

import java.io.PrintWriter;
import org.hearth.chain.session.ChainSession;
import org.hearth.config.DataDir;
import org.hearth.node.DemoWorld;
import org.hearth.node.DemoWorldResult;
import org.hearth.store.DemoWorldRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code hearth demo deploy [--fund ADDRESS]}: the demo world on the local chain. */
@Command(name = "demo", description = "The demo world on the local chain.")
public final class DemoCommand {

    @ParentCommand
    HearthCommand root;

    @Spec
    CommandSpec spec;

    @Command(name = "deploy", description = "Deploy the demo contracts once per chain and optionally fund an address.")
    int deploy(@Option(names = "--fund", paramLabel = "ADDRESS",
            description = "Give this address ETH, HRTH, collectibles and items, and voting power.") String fund) {
        PrintWriter out = spec.commandLine().getOut();
        DataDir dataDir = root.dataDir();
        DemoWorldResult result;
        try (ChainSession session = CliSession.open(root, out)) {
            result = new DemoWorld(session.rpc(), new DemoWorldRepository(session.database()), dataDir.chainDir().resolve("demo.lock"))
                    .withBlobs(org.hearth.compute.blob.BlobStore.inDataDir(dataDir.root())).ensure(fund);
        }
        out.printf("Demo world on chain %d: %s%n", result.chainId(), result.deployedNow() ? "deployed" : "already deployed");
        result.contracts().forEach((name, address) -> out.printf("%-20s %s%n", name, address));
        if (fund != null) {
            String shown = org.web3j.crypto.Keys.toChecksumAddress(fund);
            out.println(result.fundedNow() ? "Funded " + shown + ": 100 ETH, 10000 HRTH, 3 collectibles, 26 items, 4 IPFS gallery pieces, a spam airdrop, "
                    + "voting power delegated."
                    : shown + " was funded before; nothing sent.");
        }
        out.printf("Done in %d ms.%n", result.millis());
        return 0;
    }
}
