package org.hearth.app.cli;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.hearth.chain.session.ChainSession;
import org.hearth.dao.Delegation;
import org.hearth.dao.Governor;
import org.hearth.dao.Governors;
import org.hearth.dao.Proposals;
import org.hearth.dao.Vote;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hearth dao vote ID --from A --support for|against|abstain [--reason TEXT]}: castVote or castVoteWithReason through the review. */
@Command(name = "vote", description = "Vote on a proposal (castVote, or castVoteWithReason with --reason) through the review.")
public final class DaoVoteCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "The proposal id (decimal).")
    BigInteger id;

    @Option(names = "--from", required = true, paramLabel = "ADDRESS")
    String from;

    @Option(names = "--support", required = true, paramLabel = "for|against|abstain")
    String support;

    @Option(names = "--reason", paramLabel = "TEXT")
    String reason;

    @Option(names = "--governor", paramLabel = "ADDRESS")
    String governorAddress;

    @Option(names = "--password-file", required = true, paramLabel = "FILE")
    Path passwordFile;

    @Option(names = "--yes", description = "Sign without asking (the review is still printed).")
    boolean yes;

    @Override
    public Integer call() throws Exception {
        Vote.Support choice = Vote.Support.parse(support);
        WalletContext ctx = new WalletContext(spec);
        try (ChainSession session = ctx.session()) {
            Governor governor = new Governors(session).pick(governorAddress);
            Proposals proposals = new Proposals(session);
            proposals.sync(governor);
            proposals.require(governor, id);
            return CliSigning.signAndSend(ctx.wallet(), session, spec.commandLine().getOut(), spec.commandLine().getErr(), from,
                    governor.address(), Delegation.voteCall(id, choice, reason), passwordFile, yes);
        }
    }
}
