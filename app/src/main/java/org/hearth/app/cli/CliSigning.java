package org.hearth.app.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.hearth.app.desktop.Messages;
import org.hearth.chain.review.ReviewWarning;
import org.hearth.chain.review.TxReview;
import org.hearth.chain.session.ChainSession;
import org.hearth.chain.tx.FeeLevel;
import org.hearth.chain.tx.PreparedTx;
import org.hearth.chain.tx.TxRecord;
import org.hearth.chain.tx.TxStatus;
import org.hearth.money.Amounts;
import org.hearth.problem.Problems;
import org.hearth.wallet.WalletService;
import org.hearth.wallet.vault.UnlockedVault;

/**
 * The CLI's signing commands (dao, tokens, nft, wallet send, market) through the one pipeline: prepare, print the review
 * (decoded call and warnings), confirm (or --yes), unlock, sign, send, wait for the receipt. Exit 0
 * when confirmed, 1 when declined, reverted or dropped.
 */
final class CliSigning {

    private CliSigning() {
    }

    static int signAndSend(WalletService wallet, ChainSession session, PrintWriter out, PrintWriter err, String from, String to,
                           String data, Path passwordFile, boolean yes) throws Exception {
        PreparedTx tx = session.pipeline().prepare(from, to, BigInteger.ZERO, data, FeeLevel.NORMAL);
        printReview(out, org.hearth.history.AccountCounterparties.reviewer(session).review(tx));
        return confirmSendAndWait(wallet, session, out, err, tx, passwordFile, yes);
    }

    /**
     * After a command printed its review: asks to confirm (or --yes), unlocks, signs as the transaction's
     * sender, sends through the one pipeline and waits up to two minutes for the receipt. Exit 0 when
     * confirmed (or still pending at the deadline), 1 when declined, reverted or dropped.
     */
    static int confirmSendAndWait(WalletService wallet, ChainSession session, PrintWriter out, PrintWriter err, PreparedTx tx,
                                  Path passwordFile, boolean yes) throws Exception {
        if (!yes && !confirmed(out)) {
            out.println("Not sent.");
            return 1;
        }
        TxRecord sent;
        try (UnlockedVault open = unlock(wallet, err, passwordFile)) {
            sent = session.pipeline().send(tx, wallet.signer(open, tx.from()));
        }
        out.println("sent:            " + sent.hash());
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            session.tracker().refresh(tx.chainId(), tx.from());
            TxRecord now = session.transactions().find(sent.hash()).orElseThrow();
            if (now.status() != TxStatus.PENDING) {
                out.println("status:          " + now.status().name().toLowerCase(Locale.ROOT)
                        + (now.blockNumber() == null ? "" : " in block " + now.blockNumber()));
                return now.status() == TxStatus.CONFIRMED ? 0 : 1;
            }
            Thread.sleep(500);
        }
        out.println("status:          still pending (follow it with the hash above)");
        return 0;
    }

    /** The review's warnings, one line each, worded as the app words them. */
    static void printWarnings(PrintWriter out, TxReview review) {
        for (ReviewWarning w : review.warnings()) {
            out.println("warning:         " + Problems.format(Messages.text(Locale.ROOT), w.key(), java.util.List.copyOf(w.args())));
        }
        out.flush();
    }

    /** The review as the CLI prints it: chain, from, to (and its name), decoded call, fee cap, nonce, warnings. */
    static void printReview(PrintWriter out, TxReview review) {
        PreparedTx tx = review.tx();
        out.printf("network:         chain %d%nfrom:            %s%nto:              %s%s%ncall:            %s%n"
                        + "max network fee: %s ETH (%s gas)%nnonce:           %d%n",
                tx.chainId(), tx.from(), tx.to(), review.targetName() == null ? "" : " (" + review.targetName() + ")", review.call().text(),
                Amounts.format(tx.maxNetworkFee(), 18), tx.gasLimit(), tx.nonce());
        printWarnings(out, review);
    }

    /** Unlocks the wallet with the password file, first waiting out any delay owed for earlier wrong passwords. */
    static UnlockedVault unlock(WalletService wallet, PrintWriter err, Path passwordFile) throws Exception {
        Duration owed = wallet.vault().delayBeforeNextAttempt();
        if (!owed.isZero()) {
            err.printf("Waiting %d s after earlier wrong passwords...%n", (owed.toMillis() + 999) / 1000);
            err.flush();
        }
        return wallet.unlock(WalletFiles.password(passwordFile));
    }

    static boolean confirmed(PrintWriter out) throws java.io.IOException {
        out.print("Type yes to sign and send: ");
        out.flush();
        String answer = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        return answer != null && answer.strip().equalsIgnoreCase("yes");
    }
}
