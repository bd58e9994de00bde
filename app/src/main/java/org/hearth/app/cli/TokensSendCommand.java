package org.hearth.app.cli;

import java.io.PrintWriter;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.hearth.chain.Addresses;
import org.hearth.chain.review.TxReview;
import org.hearth.chain.session.ChainSession;
import org.hearth.chain.tx.FeeLevel;
import org.hearth.chain.tx.PreparedTx;
import org.hearth.money.Amounts;
import org.hearth.problem.HearthException;
import org.hearth.tokens.Token;
import org.hearth.tokens.TokenRegistry;
import org.hearth.wallet.WalletService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hearth tokens send}: an ERC-20 {@code transfer} through the one tx pipeline, reviewed first
 * (token amount with symbol, recipient, fee in ETH, the review's warnings). The transfer is simulated
 * first: a token that answers {@code false} is refused before signing; one that answers nothing
 * (USDT style) is accepted.
 */
@Command(name = "send", description = "Send an ERC-20 token: prints the review and its warnings, asks to confirm (or --yes), "
        + "signs, sends and waits for the receipt.")
public final class TokensSendCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--from", required = true, paramLabel = "ADDRESS")
    String from;

    @Option(names = "--token", required = true, paramLabel = "ADDRESS")
    String token;

    @Option(names = "--to", required = true, paramLabel = "ADDRESS")
    String to;

    @Option(names = "--amount", required = true, paramLabel = "AMOUNT", description = "In token units with decimals, e.g. 12.5 (exact).")
    String amount;

    @Option(names = "--fee", defaultValue = "NORMAL", description = "SLOW, NORMAL or FAST (default ${DEFAULT-VALUE}).")
    FeeLevel fee;

    @Option(names = "--password-file", required = true, paramLabel = "FILE")
    Path passwordFile;

    @Option(names = "--yes", description = "Sign without asking; acknowledges the printed warnings.")
    boolean yes;

    @Override
    public Integer call() throws Exception {
        for (String a : List.of(from, token, to)) {
            if (!Addresses.isValid(a)) {
                throw new HearthException("address.invalid", null, a);
            }
        }
        WalletContext ctx = new WalletContext(spec);
        try (ChainSession session = ctx.session()) {
            return send(ctx.wallet(), session);
        }
    }

    private int send(WalletService wallet, ChainSession session) throws Exception {
        TokenRegistry registry = new TokenRegistry(session);
        Token t = registry.all().stream().filter(x -> x.address().equalsIgnoreCase(token)).findFirst().orElseGet(() -> registry.add(token));
        BigInteger units = Amounts.parse(amount, t.decimals());
        PreparedTx tx = org.hearth.tokens.TokenSend.prepare(session, from, t, to, units, fee);
        TxReview review = org.hearth.history.AccountCounterparties.reviewer(session).review(tx);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("network:         chain %d%nfrom:            %s%ntoken:           %s (%s)%nto:              %s%n"
                        + "amount:          %s %s%nmax network fee: %s ETH (%s gas)%nnonce:           %d%n",
                tx.chainId(), tx.from(), t.symbol(), Addresses.checksummed(t.address()), Addresses.checksummed(to),
                Token.format(units, t.decimals()), t.symbol(), Amounts.format(tx.maxNetworkFee(), 18), tx.gasLimit(), tx.nonce());
        CliSigning.printWarnings(out, review);
        return CliSigning.confirmSendAndWait(wallet, session, out, spec.commandLine().getErr(), tx, passwordFile, yes);
    }

}
