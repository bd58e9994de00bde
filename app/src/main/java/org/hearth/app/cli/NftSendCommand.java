package org.hearth.app.cli;

import java.io.PrintWriter;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.hearth.chain.Addresses;
import org.hearth.chain.review.TxReview;
import org.hearth.chain.session.ChainSession;
import org.hearth.chain.tx.FeeLevel;
import org.hearth.chain.tx.PreparedTx;
import org.hearth.money.Amounts;
import org.hearth.nft.NftSend;
import org.hearth.wallet.WalletService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hearth nft send}: an ERC-721 {@code safeTransferFrom} or an ERC-1155 {@code safeTransferFrom}
 * with a quantity, through the one tx pipeline; checked (holding, recipient, a simulation) and reviewed
 * before anything is signed.
 */
@Command(name = "send", description = "Send an NFT (ERC-721, or --amount of an ERC-1155 token): prints the review and its warnings, "
        + "asks to confirm (or --yes), signs, sends and waits for the receipt.")
public final class NftSendCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--from", required = true, paramLabel = "A", description = "The account that holds the token.")
    String from;

    @Option(names = "--contract", required = true, paramLabel = "C", description = "The NFT contract.")
    String contract;

    @Option(names = "--id", required = true, paramLabel = "ID", description = "The token id (decimal).")
    BigInteger id;

    @Option(names = "--amount", paramLabel = "N", description = "How many (ERC-1155); ERC-721 sends 1.")
    BigInteger amount;

    @Option(names = "--to", required = true, paramLabel = "B", description = "The recipient.")
    String to;

    @Option(names = "--fee", defaultValue = "NORMAL", description = "SLOW, NORMAL or FAST (default ${DEFAULT-VALUE}).")
    FeeLevel fee;

    @Option(names = "--password-file", required = true, paramLabel = "F")
    Path passwordFile;

    @Option(names = "--yes", description = "Sign without asking; acknowledges the printed warnings.")
    boolean yes;

    @Override
    public Integer call() throws Exception {
        WalletContext ctx = new WalletContext(spec);
        try (ChainSession session = ctx.session()) {
            return send(ctx.wallet(), session);
        }
    }

    private int send(WalletService wallet, ChainSession session) throws Exception {
        PreparedTx tx = NftSend.prepare(session, from, contract, id, amount, to, fee);
        TxReview review = org.hearth.history.AccountCounterparties.reviewer(session).review(tx);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("network:         chain %d%nfrom:            %s%ncontract:        %s%ntoken:           #%s%namount:          %s%n"
                        + "to:              %s%nmax network fee: %s ETH (%s gas)%nnonce:           %d%n",
                tx.chainId(), Addresses.checksummed(tx.from()), Addresses.checksummed(contract), id, amount == null ? BigInteger.ONE : amount,
                Addresses.checksummed(to), Amounts.format(tx.maxNetworkFee(), 18), tx.gasLimit(), tx.nonce());
        CliSigning.printWarnings(out, review);
        return CliSigning.confirmSendAndWait(wallet, session, out, spec.commandLine().getErr(), tx, passwordFile, yes);
    }

}
