package org.hearth.app.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.hearth.chain.session.ChainSession;
import org.hearth.chain.tx.FeeLevel;
import org.hearth.chain.tx.PreparedTx;
import org.hearth.chain.tx.TxPipeline;
import org.hearth.chain.tx.TxRecord;
import org.hearth.chain.tx.TxStatus;
import org.hearth.chain.tx.TxTracker;
import org.hearth.money.Amounts;
import org.hearth.wallet.WalletService;
import org.hearth.wallet.vault.UnlockedVault;
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
        PrintWriter out = spec.commandLine().getOut();
        out.printf("network:         chain %d%nfrom:            %s%nto:              %s%namount:          %s ETH%n"
                        + "max network fee: %s ETH (%s gas)%nmax total:       %s ETH%nnonce:           %d%n",
                tx.chainId(), tx.from(), tx.to(), Amounts.format(tx.value(), 18), Amounts.format(tx.maxNetworkFee(), 18),
                tx.gasLimit(), Amounts.format(tx.maxTotal(), 18), tx.nonce());
        out.flush();
        if (!yes && !confirmed(out)) {
            out.println("Not sent.");
            return 1;
        }
        TxRecord sent;
        Duration owed = wallet.vault().delayBeforeNextAttempt();
        if (!owed.isZero()) {
            // Wrong passwords (from earlier runs too) make this attempt wait; say so rather than seem to hang.
            spec.commandLine().getErr().printf("Waiting %d s after earlier wrong passwords...%n", (owed.toMillis() + 999) / 1000);
            spec.commandLine().getErr().flush();
        }
        try (UnlockedVault open = wallet.unlock(WalletFiles.password(passwordFile))) {
            sent = pipeline.send(tx, wallet.signer(open, from));
        }
        out.println("sent:            " + sent.hash());
        TxTracker tracker = session.tracker();
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            tracker.refresh(tx.chainId(), tx.from());
            TxRecord now = session.transactions().find(sent.hash()).orElseThrow();
            if (now.status() != TxStatus.PENDING) {
                out.println("status:          " + now.status().name().toLowerCase() + (now.blockNumber() == null ? "" : " in block " + now.blockNumber()));
                return now.status() == TxStatus.CONFIRMED ? 0 : 1;
            }
            Thread.sleep(500);
        }
        out.println("status:          still pending (follow it with the hash above)");
        return 0;
    }

    private boolean confirmed(PrintWriter out) throws java.io.IOException {
        out.print("Type yes to sign and send: ");
        out.flush();
        String answer = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        return answer != null && answer.strip().equalsIgnoreCase("yes");
    }
}
