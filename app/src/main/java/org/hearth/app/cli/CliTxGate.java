package org.hearth.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import org.hearth.chain.review.TxReview;
import org.hearth.market.requester.TxGate;

/**
 * The requester's gate on the command line: prints every transaction's review the way the DAO commands
 * do ({@link CliSigning#printReview}) and asks once, before the first one, for the whole command (the
 * escrow approval, the posts, and with --wait the accept or dispute that verification decides); --yes
 * skips the question, never the printing.
 */
final class CliTxGate implements TxGate {

    private final PrintWriter out;
    private boolean agreed;

    CliTxGate(PrintWriter out, boolean yes) {
        this.out = out;
        this.agreed = yes;
    }

    @Override
    public boolean approve(TxReview review) {
        out.println();
        CliSigning.printReview(out, review);
        if (agreed) {
            return true;
        }
        out.println("This command signs this transaction and the market calls that follow from it (printed as they go).");
        try {
            agreed = CliSigning.confirmed(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return agreed;
    }
}
