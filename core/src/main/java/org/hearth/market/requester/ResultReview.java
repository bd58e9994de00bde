package org.hearth.market.requester;

import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hearth.chain.Addresses;
import org.hearth.chain.ChainClock;
import org.hearth.chain.abi.ContractCalls;
import org.hearth.chain.session.ChainSession;
import org.hearth.compute.blob.BlobException;
import org.hearth.compute.blob.BlobFetcher;
import org.hearth.compute.blob.BlobStore;
import org.hearth.compute.blob.Cid;
import org.hearth.compute.blob.JobManifest;
import org.hearth.compute.scene.Scene;
import org.hearth.dao.Governor;
import org.hearth.dao.Governors;
import org.hearth.market.IndexedJob;
import org.hearth.market.JobState;
import org.hearth.market.MarketContract;
import org.hearth.market.MarketJob;
import org.hearth.market.MarketSender;
import org.hearth.problem.HearthException;
import org.web3j.utils.Numeric;

/**
 * Reviews one submitted result: fetches the blob (the provider's URL, then the configured gateways;
 * hash-checked), verifies it as the spot-check policy draws for this provider, then accepts it, or
 * disputes it with an evidence blob and opens the DAO proposal that calls {@code resolve} (slashing the
 * job's whole bond). The provider's trust is updated either way.
 */
public final class ResultReview {

    /** How results are checked: which ones (policy, per-provider trust) and how (verifier). */
    public record Checks(SpotCheckPolicy policy, ProviderTrustRepository trust, ResultVerifier verifier) {
    }

    private static final long FETCH_RETRY_MILLIS = 500;

    private final ChainSession session;
    private final MarketContract market;
    private final BlobStore blobs;
    private final PostedInputs inputs;
    private final URI servedAt;
    private final MarketSender tx;
    private final Checks checks;
    private final Requester.Options options;
    private final BlobFetcher fetcher;

    ResultReview(ChainSession session, MarketContract market, BlobStore blobs, PostedInputs inputs, URI servedAt, MarketSender tx, Checks checks,
                 Requester.Options options) {
        this.session = session;
        this.market = market;
        this.blobs = blobs;
        this.inputs = inputs;
        this.servedAt = servedAt;
        this.tx = tx;
        this.checks = checks;
        this.options = options;
        this.fetcher = new BlobFetcher(options.fetchTimeout(), blobs.maxBytes());
    }

    /**
     * A fetched and checked result before anything is sent: the user decides on it when automatic
     * verification is off. {@code reviewDeadline}: chain time by which accept or dispute must be mined.
     */
    public record Finding(PostedJob posted, String provider, Cid resultId, byte[] result, Verdict verdict, long reviewDeadline,
                          long termsId, JobOutcome.Timing timing) {
    }

    /** What a judge made of a finding. */
    public enum Decision {
        /** Pay the provider. */
        ACCEPT,
        /** Dispute with the evidence. */
        DISPUTE,
        /**
         * No decision before the review window closed: nothing is sent. The result can no longer be
         * disputed, and anyone may finalize the job, which pays the provider.
         */
        LAPSED
    }

    /** Decides on each finding. May block (a screen waits for its user). */
    @FunctionalInterface
    public interface Judge {
        Decision decide(Finding finding) throws InterruptedException;

        /** The check decides: accept what passed, dispute what failed. */
        Judge AUTOMATIC = finding -> finding.verdict().ok() ? Decision.ACCEPT : Decision.DISPUTE;
    }

    JobOutcome review(PostedJob posted, IndexedJob indexed, Judge judge) throws InterruptedException {
        Finding finding = inspect(posted, indexed);
        Decision decision = judge.decide(finding);
        return decision == Decision.LAPSED ? lapsed(finding) : decide(finding, decision == Decision.ACCEPT);
    }

    /** The review window closed undecided: the provider's trust follows what the check found; nothing is sent. */
    private JobOutcome lapsed(Finding f) {
        long chainId = session.chainId();
        Verdict verdict = f.verdict();
        if (!verdict.ok()) {
            checks.trust().recordInvalid(chainId, f.provider(), f.posted().id().toString());
        } else if (verdict.verified()) {
            checks.trust().recordValid(chainId, f.provider());
        } else {
            checks.trust().recordUnchecked(chainId, f.provider());
        }
        return new JobOutcome(f.posted().id(), JobOutcome.Status.ENDED, f.provider(), verdict, f.result(), null, null,
                "the review window closed before a decision: nothing was sent, and the provider is paid when anyone finalizes the job",
                f.timing());
    }

    /** Fetches the result and checks it as the spot-check policy draws for this provider; sends nothing. */
    Finding inspect(PostedJob posted, IndexedJob indexed) throws InterruptedException {
        String provider = Addresses.checksummed(indexed.provider());
        long chainId = session.chainId();
        Cid resultId = Cid.fromDigest(Numeric.hexStringToByteArray(indexed.result()));
        MarketJob onChain = market.job(posted.id());
        long reviewDeadline = onChain.deadline();
        byte[] result = null;
        Verdict verdict;
        JobOutcome.Timing timing = JobOutcome.Timing.NONE;
        try {
            long fetchStarted = System.nanoTime();
            result = fetch(resultId, indexed.resultUrl(), reviewDeadline);
            long fetchDone = System.nanoTime();
            boolean full = checks.policy().shouldCheck(checks.trust().find(chainId, provider));
            // The check: reading the inputs (held from the post, else from the store) and the verifier.
            long checkStarted = System.nanoTime();
            long cpu = VerifyClock.threadCpuNanos();
            verdict = switch (posted.manifest()) {
                case JobManifest.Gemm g -> checks.verifier().gemm(gemmInputs(g), result, full);
                case JobManifest.Render r -> checks.verifier().render(r, () -> scene(r.scene()), result, full);
            };
            timing = new JobOutcome.Timing(fetchDone - fetchStarted, System.nanoTime() - checkStarted, VerifyClock.threadCpuNanos() - cpu);
        } catch (BlobException e) {
            verdict = Verdict.wrong(posted.manifest().kernel(), "the result blob could not be fetched: " + e.getMessage(),
                    Map.of("check", "fetch", "result", resultId.toString()));
        }
        return new Finding(posted, provider, resultId, result, verdict, reviewDeadline, onChain.termsId(), timing);
    }

    /** Accepts, or disputes with the evidence document; a dispute of a result the check passed says it was disputed by hand. */
    JobOutcome decide(Finding f, boolean accept) throws InterruptedException {
        BigInteger id = f.posted().id();
        long chainId = session.chainId();
        Verdict verdict = f.verdict();
        if (accept) {
            String note = null;
            try {
                tx.send(market.address(), MarketContract.accept(id));
            } catch (RuntimeException e) {
                if (market.jobState(id) != JobState.SETTLED) {
                    throw e;
                }
                note = "finalized after the review window before our accept arrived";
            }
            if (verdict.ok() && verdict.verified()) {
                checks.trust().recordValid(chainId, f.provider());
            } else {
                checks.trust().recordUnchecked(chainId, f.provider());
            }
            return new JobOutcome(id, JobOutcome.Status.ACCEPTED, f.provider(), verdict, f.result(), null, null, note, f.timing());
        }
        if (verdict.ok()) {
            Map<String, Object> details = new java.util.LinkedHashMap<>(verdict.details());
            details.put("byHand", true);
            verdict = new Verdict(false, verdict.verified(), verdict.kernel(),
                    "disputed by the requester by hand; the automatic check found: " + verdict.reason(), details);
        }
        checks.trust().recordInvalid(chainId, f.provider(), id.toString());
        if (market.jobState(id) != JobState.SUBMITTED) {
            return new JobOutcome(id, JobOutcome.Status.ENDED, f.provider(), verdict, f.result(), null, null,
                    "wrong, but the review window closed before the dispute (the job is " + market.jobState(id).name().toLowerCase(java.util.Locale.ROOT) + ")",
                    f.timing());
        }
        return dispute(f.posted(), f.provider(), f.resultId(), f.result(), verdict, market.job(id), f.timing());
    }

    private JobOutcome dispute(PostedJob posted, String provider, Cid resultId, byte[] result, Verdict verdict, MarketJob onChain,
                               JobOutcome.Timing timing) throws InterruptedException {
        long chainId = session.chainId();
        byte[] document = DisputeEvidence.document(chainId, market.address(), posted.id(), tx.account(), provider, posted.spec(), resultId, verdict);
        DisputeEvidence.Stored evidence = DisputeEvidence.store(blobs, document);
        BigInteger bond = market.terms(onChain.termsId()).bond();
        if (market.allowance(tx.account()).compareTo(bond) < 0) {
            tx.send(market.token(), market.approveMarket(bond));
        }
        tx.send(market.address(), MarketContract.dispute(posted.id(), evidence.digest()));
        BigInteger proposalId = null;
        String note = null;
        try {
            proposalId = propose(posted.id(), bond, evidence.cid(), provider, verdict.reason());
        } catch (HearthException e) {
            note = e.getMessage();
        }
        return new JobOutcome(posted.id(), JobOutcome.Status.DISPUTED, provider, verdict, result, evidence.cid(), proposalId, note, timing);
    }

    /** Opens the proposal on the session's governor, which must execute through the market's timelock. */
    private BigInteger propose(BigInteger jobId, BigInteger slash, Cid evidence, String provider, String reason) throws InterruptedException {
        Governor governor = new Governors(session).pick(null);
        String timelock = market.timelock();
        if (governor.timelock() == null || !governor.timelock().equalsIgnoreCase(timelock)) {
            throw new HearthException("requester.timelockMismatch", null, governor.address(), governor.timelock(), timelock);
        }
        DisputeProposal proposal = DisputeProposal.resolve(governor.address(), market.address(), jobId, false, slash, evidence,
                servedAt == null ? null : servedAt.toString(), provider, reason);
        tx.send(governor.address(), proposal.proposeCallData());
        return proposal.id(new ContractCalls(session.rpc()));
    }

    /** The result's verified bytes, retried through the first half of the review window (by chain time), so a dispute still fits. */
    private byte[] fetch(Cid id, String resultUrl, long reviewDeadline) throws InterruptedException {
        List<URI> bases = new ArrayList<>();
        if (resultUrl != null && !resultUrl.isBlank()) {
            try {
                bases.add(URI.create(resultUrl.strip()));
            } catch (IllegalArgumentException e) {
                // an unusable URL: the configured gateways may still have the blob
            }
        }
        bases.addAll(options.gateways());
        long chainNow = ChainClock.latest(session.rpc());
        long stopAt = System.nanoTime() + Math.max(1, (reviewDeadline - chainNow) / 2) * 1_000_000_000L;
        while (true) {
            try {
                return fetcher.fetchInto(blobs, id, bases);
            } catch (BlobException e) {
                if (System.nanoTime() >= stopAt) {
                    throw e;
                }
                Thread.sleep(FETCH_RETRY_MILLIS);
            }
        }
    }

    /** A and B as posted, read only when the check needs them. */
    private ResultVerifier.GemmInputs gemmInputs(JobManifest.Gemm g) {
        return new ResultVerifier.GemmInputs(g.m(), g.k(), g.n(), () -> matrix(g.a()), () -> matrix(g.b()));
    }

    private Scene scene(Cid id) {
        return inputs.scene(id).orElseGet(() -> Scene.parse(new String(local(id), StandardCharsets.UTF_8)));
    }

    private byte[] matrix(Cid id) {
        return inputs.matrix(id).orElseGet(() -> local(id));
    }

    /** One of our own inputs, from the store (we put it there when posting), hash-checked. */
    private byte[] local(Cid id) {
        return blobs.get(id).orElseThrow(() -> new BlobException("input blob " + id + " is no longer in the local store"));
    }

}
