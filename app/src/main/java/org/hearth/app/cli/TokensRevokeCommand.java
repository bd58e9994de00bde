package org.hearth.app.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.hearth.chain.Addresses;
import org.hearth.chain.session.ChainSession;
import org.hearth.problem.HearthException;
import org.hearth.tokens.Approval;
import org.hearth.tokens.Approvals;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hearth tokens revoke --from A --token T --spender S}: revokes a standing approval through
 * the review and the one pipeline ({@code approve(spender, 0)} or {@code setApprovalForAll(operator,
 * false)}, whichever the approval is). Exit 0 when confirmed on chain, 1 when declined or failed.
 */
@Command(name = "revoke", description = "Revoke a standing approval (ERC-20 allowance to 0, or an NFT operator approval): "
        + "prints the review, asks to confirm (or --yes), signs, sends and waits for the receipt.")
public final class TokensRevokeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--from", required = true, paramLabel = "ADDRESS")
    String from;

    @Option(names = "--token", required = true, paramLabel = "ADDRESS")
    String token;

    @Option(names = "--spender", required = true, paramLabel = "ADDRESS")
    String spender;

    @Option(names = "--password-file", required = true, paramLabel = "FILE")
    Path passwordFile;

    @Option(names = "--yes", description = "Sign without asking; acknowledges the printed warnings.")
    boolean yes;

    @Override
    public Integer call() throws Exception {
        for (String a : List.of(from, token, spender)) {
            if (!Addresses.isValid(a)) {
                throw new HearthException("address.invalid", null, a);
            }
        }
        WalletContext ctx = new WalletContext(spec);
        try (ChainSession session = ctx.session()) {
            Approvals approvals = new Approvals(session);
            approvals.sync(from);
            Approval a = approvals.find(from, token, spender);
            return CliSigning.signAndSend(ctx.wallet(), session, spec.commandLine().getOut(), spec.commandLine().getErr(), from,
                    a.token(), Approvals.revokeData(a), passwordFile, yes);
        }
    }
}
