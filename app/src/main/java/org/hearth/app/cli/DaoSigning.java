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
 * The DAO's signing commands (vote, delegate) through the one pipeline: prepare, print the review
 * (decoded call and warnings), confirm (or --yes), unlock, sign, send, wait for the receipt. Exit 0
 * when confirmed, 1 when declined, reverted or dropped.
 */
final class DaoSigning {

    private DaoSigning() {
    }

    static int signAndSend(WalletService wallet, ChainSession session, PrintWriter out, PrintWriter err, String from, String to,
                           String data, Path passwordFile, boolean yes) throws Exception {
        PreparedTx tx = session.pipeline().prepare(from, to, BigInteger.ZERO, data, FeeLevel.NORMAL);
        TxReview review = org.hearth.history.AccountCounterparties.reviewer(session).review(tx);
        printReview(out, review);
        if (!yes && !confirmed(out)) {
            out.println("Not sent.");
            return 1;
        }
        TxRecord sent;
        try (UnlockedVault open = unlock(wallet, err, passwordFile)) {
            sent = session.pipeline().send(tx, wallet.signer(open, from));
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

    /** The review as the CLI prints it: chain, from, to (and its name), decoded call, fee cap, nonce, warnings. */
    static void printReview(PrintWriter out, TxReview review) {
        PreparedTx tx = review.tx();
        out.printf("network:         chain %d%nfrom:            %s%nto:              %s%s%ncall:            %s%n"
                        + "max network fee: %s ETH (%s gas)%nnonce:           %d%n",
                tx.chainId(), tx.from(), tx.to(), review.targetName() == null ? "" : " (" + review.targetName() + ")", review.call().text(),
                Amounts.format(tx.maxNetworkFee(), 18), tx.gasLimit(), tx.nonce());
        for (ReviewWarning w : review.warnings()) {
            out.println("warning:         " + Problems.format(Messages.text(Locale.ROOT), w.key(), java.util.List.copyOf(w.args())));
        }
        out.flush();
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
