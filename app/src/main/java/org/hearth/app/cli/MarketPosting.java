package org.hearth.app.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.hearth.chain.session.ChainSession;
import org.hearth.compute.blob.BlobServer;
import org.hearth.compute.blob.BlobStore;
import org.hearth.compute.blob.Cid;
import org.hearth.compute.blob.JobManifest;
import org.hearth.market.JobState;
import org.hearth.market.MarketContract;
import org.hearth.market.MarketJobs;
import org.hearth.market.requester.JobOutcome;
import org.hearth.market.requester.PostedJob;
import org.hearth.market.requester.ProviderTrustRepository;
import org.hearth.market.requester.Requester;
import org.hearth.market.requester.ResultReview;
import org.hearth.market.requester.ResultVerifier;
import org.hearth.market.requester.SpotCheckPolicy;
import org.hearth.money.Amounts;
import org.hearth.problem.HearthException;
import org.hearth.wallet.WalletService;
import org.hearth.wallet.vault.UnlockedVault;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * What {@code market post gemm} and {@code market post render} share: unlock the wallet, open the chain,
 * serve the data dir's blobs on a free loopback port, post through the {@link Requester} (every
 * transaction printed, one confirmation unless --yes), then either wait, verify, accept or dispute and
 * write the result (exit 0 accepted, 4 disputed, 5 timeout), or serve the inputs until providers have
 * submitted (a silent requester's results are final after the review window).
 */
final class MarketPosting {

    static final int ACCEPTED = 0;
    static final int DECLINED = 1;
    static final int DISPUTED = 4;
    static final int TIMED_OUT = 5;

    /** The options of both post commands. */
    static final class Common {
        @Option(names = "--from", required = true, paramLabel = "ADDRESS", description = "The wallet account that pays.")
        String from;
        @Option(names = "--price", required = true, paramLabel = "HRTH", description = "Escrowed payment in HRTH (a render's is split over its tiles).")
        String price;
        @Option(names = "--password-file", required = true, paramLabel = "FILE")
        Path passwordFile;
        @Option(names = "--yes", description = "Sign without asking (every review is still printed).")
        boolean yes;
        @Option(names = "--wait", paramLabel = "SECONDS", description = "Wait this long for the result, verify it, accept or dispute it.")
        Long waitSeconds;
        @Option(names = "--out", paramLabel = "FILE", description = "With --wait: the gemm result (raw little-endian f32) or the render (PNG).")
        Path out;
        @Option(names = "--claim-window", defaultValue = "600", paramLabel = "SECONDS")
        long claimWindow;
        @Option(names = "--exec-window", defaultValue = "120", paramLabel = "SECONDS")
        long execWindow;
    }

    @FunctionalInterface
    interface Poster {
        List<PostedJob> post(Requester requester) throws Exception;
    }

    private final CommandSpec spec;
    private final Common common;

    MarketPosting(CommandSpec spec, Common common) {
        this.spec = spec;
        this.common = common;
    }

    int run(Poster poster) throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (common.out != null && common.waitSeconds == null) {
            throw new IllegalArgumentException("--out needs --wait: the result is written once it is verified");
        }
        WalletContext ctx = new WalletContext(spec);
        WalletService wallet = ctx.wallet();
        BlobStore store = BlobStore.inDataDir(ctx.dataDir().root());
        try (ChainSession session = ctx.session();
             UnlockedVault open = CliSigning.unlock(wallet, err, common.passwordFile);
             BlobServer server = BlobServer.startLoopback(store)) {
            MarketContract market = MarketContract.of(session).orElseThrow(() -> new HearthException("market.noMarket", null));
            Requester requester = new Requester(session, market, new MarketJobs(session.database()), store, server.base(),
                    wallet.signer(open, common.from), new CliTxGate(out, common.yes),
                    new ResultReview.Checks(SpotCheckPolicy.standard(), new ProviderTrustRepository(session.database()), ResultVerifier.standard()),
                    new Requester.Options(common.claimWindow, common.execWindow, Duration.ofMinutes(2), Duration.ofSeconds(15), List.of()));
            List<PostedJob> posted;
            try {
                posted = poster.post(requester);
            } catch (HearthException e) {
                if ("requester.declined".equals(e.key())) {
                    out.println("Not sent.");
                    return DECLINED;
                }
                throw e;
            }
            out.println();
            for (PostedJob p : posted) {
                out.printf("job %s posted: %s, %s HRTH escrowed, spec %s (served at %s)%n", p.id(), p.manifest().kernel(),
                        Amounts.format(p.price(), 18), p.spec(), server.base());
            }
            out.flush();
            if (common.waitSeconds == null) {
                serveUntilSubmitted(market, posted, out);
                return ACCEPTED;
            }
            return review(requester.awaitAll(posted, Duration.ofSeconds(common.waitSeconds)), posted, out);
        }
    }

    private int review(List<JobOutcome> outcomes, List<PostedJob> posted, PrintWriter out) throws java.io.IOException {
        boolean disputed = false, timedOut = false, ended = false;
        for (JobOutcome o : outcomes) {
            out.printf("job %s: %s%s%s%n", o.jobId(), o.status().name().toLowerCase(Locale.ROOT),
                    o.verdict() == null ? "" : " (" + o.verdict().reason() + ")", o.note() == null ? "" : "; " + o.note());
            if (o.evidence() != null) {
                out.printf("  evidence %s, proposal %s%n", o.evidence(), o.proposalId() == null ? "not opened" : o.proposalId());
            }
            disputed |= o.status() == JobOutcome.Status.DISPUTED || (o.verdict() != null && !o.verdict().ok());
            timedOut |= o.status() == JobOutcome.Status.TIMED_OUT;
            ended |= o.status() == JobOutcome.Status.ENDED;
        }
        if (disputed) {
            return DISPUTED;
        }
        if (timedOut) {
            return TIMED_OUT;
        }
        if (ended) {
            return DECLINED;
        }
        byte[] result = posted.getFirst().manifest() instanceof JobManifest.Render
                ? Requester.renderPng(posted, outcomes) : outcomes.getFirst().result();
        if (common.out != null) {
            Files.write(common.out, result);
            out.printf("result written to %s (%d bytes)%n", common.out, result.length);
        } else {
            out.printf("result %s (%d bytes, in the data dir's blob store)%n", Cid.of(result), result.length);
        }
        return ACCEPTED;
    }

    /** Without --wait: keep serving the inputs until no job is open or claimed (or the windows have passed). */
    private void serveUntilSubmitted(MarketContract market, List<PostedJob> posted, PrintWriter out) throws InterruptedException {
        out.println("Serving the inputs until providers have submitted (Ctrl+C stops; the results become final after the review window).");
        out.flush();
        long deadline = System.nanoTime() + Duration.ofSeconds(common.claimWindow + common.execWindow).toNanos();
        while (System.nanoTime() < deadline) {
            boolean pending = false;
            for (PostedJob p : posted) {
                JobState s = market.jobState(p.id());
                pending |= s == JobState.OPEN || s == JobState.CLAIMED;
            }
            if (!pending) {
                return;
            }
            Thread.sleep(1_000);
        }
    }
}
