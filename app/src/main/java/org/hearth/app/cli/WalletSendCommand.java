package org.hearth.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.hearth.chain.session.ChainSession;
import org.hearth.chain.tx.FeeLevel;
import org.hearth.chain.tx.PreparedTx;
import org.hearth.chain.tx.TxPipeline;
import org.hearth.chain.review.TxReview;
import org.hearth.money.Amounts;
import org.hearth.wallet.WalletService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hearth wallet send}: ETH through the one tx pipeline, with the review printed before signing. */
@Command(name = "send", description = "Send ETH: prints the review, asks to confirm (or --yes), signs, sends and waits for the receipt.")
public final class WalletSendCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--from", required = true, paramLabel = "ADDRESS")
    String from;

    @Option(names = "--to", required = true, paramLabel = "ADDRESS")
    String to;

    @Option(names = "--amount", required = true, paramLabel = "ETH", description = "Amount in ETH, e.g. 0.25 (exact; no rounding).")
    String amount;

    @Option(names = "--fee", defaultValue = "NORMAL", description = "SLOW, NORMAL or FAST (default ${DEFAULT-VALUE}).")
    FeeLevel fee;

    @Option(names = "--password-file", required = true, paramLabel = "FILE")
    Path passwordFile;

    @Option(names = "--yes", description = "Sign without asking (the review is still printed).")
    boolean yes;

    @Override
    public Integer call() throws Exception {
        WalletContext ctx = new WalletContext(spec);
        try (ChainSession session = ctx.session()) {
            return send(ctx.wallet(), session);
        }
    }

    private int send(WalletService wallet, ChainSession session) throws Exception {
        TxPipeline pipeline = session.pipeline();
        PreparedTx tx = pipeline.prepare(from, to, Amounts.parse(amount, 18), null, fee);
        TxReview review = org.hearth.history.AccountCounterparties.reviewer(session).review(tx);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("network:         chain %d%nfrom:            %s%nto:              %s%namount:          %s ETH%n"
                        + "max network fee: %s ETH (%s gas)%nmax total:       %s ETH%nnonce:           %d%n",
                tx.chainId(), tx.from(), tx.to(), Amounts.format(tx.value(), 18), Amounts.format(tx.maxNetworkFee(), 18),
                tx.gasLimit(), Amounts.format(tx.maxTotal(), 18), tx.nonce());
        CliSigning.printWarnings(out, review);
        return CliSigning.confirmSendAndWait(wallet, session, out, spec.commandLine().getErr(), tx, passwordFile, yes);
    }

}
