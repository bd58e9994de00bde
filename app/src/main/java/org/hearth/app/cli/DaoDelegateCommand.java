package org.hearth.app.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.hearth.chain.Addresses;
import org.hearth.chain.session.ChainSession;
import org.hearth.dao.Delegation;
import org.hearth.dao.Governor;
import org.hearth.dao.Governors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hearth dao delegate --from A --to B|self}: the governor token's delegate(address) through the review. */
@Command(name = "delegate", description = "Delegate your voting power (the governor's token) to an address, or to yourself with --to self.")
public final class DaoDelegateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--from", required = true, paramLabel = "ADDRESS")
    String from;

    @Option(names = "--to", required = true, paramLabel = "ADDRESS|self")
    String to;

    @Option(names = "--governor", paramLabel = "ADDRESS")
    String governorAddress;

    @Option(names = "--password-file", required = true, paramLabel = "FILE")
    Path passwordFile;

    @Option(names = "--yes", description = "Sign without asking (the review is still printed).")
    boolean yes;

    @Override
    public Integer call() throws Exception {
        String delegatee = to.strip().equalsIgnoreCase("self") ? from : to;
        if (!Addresses.isValid(delegatee)) {
            throw new IllegalArgumentException("Not an address: " + to);
        }
        WalletContext ctx = new WalletContext(spec);
        try (ChainSession session = ctx.session()) {
            Governor governor = new Governors(session).pick(governorAddress);
            return CliSigning.signAndSend(ctx.wallet(), session, spec.commandLine().getOut(), spec.commandLine().getErr(), from,
                    governor.token(), Delegation.delegateCall(delegatee), passwordFile, yes);
        }
    }
}
