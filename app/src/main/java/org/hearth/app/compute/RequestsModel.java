package org.hearth.app.compute;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.hearth.app.desktop.Messages;
import org.hearth.app.desktop.UiThread;
import org.hearth.chain.ChainClock;
import org.hearth.chain.session.ChainSession;
import org.hearth.compute.blob.BlobStore;
import org.hearth.compute.blob.JobManifest;
import org.hearth.compute.job.GemmBlobs;
import org.hearth.market.MarketContract;
import org.hearth.market.MarketJobs;
import org.hearth.market.requester.JobOutcome;
import org.hearth.market.requester.PostedJob;
import org.hearth.market.requester.ProviderTrustRepository;
import org.hearth.market.requester.Requester;
import org.hearth.market.requester.ResultReview;
import org.hearth.market.requester.ResultVerifier;
import org.hearth.market.requester.SpotCheckPolicy;
import org.hearth.market.requester.TxGate;

/**
 * The Requests tab: posts a render of a scene as one job per tile with core's {@link Requester} (signed
 * by the wallet's chosen account, every transaction through the review), then follows each tile as its
 * provider submits it: verified and accepted, or disputed; the finished image is saved as PNG.
 */
public final class RequestsModel {

    /** One tile as it stands: its job, and its outcome once reviewed (null while waiting). */
    public record TileState(PostedJob job, JobOutcome outcome) {
    }

    public final StringProperty status = new SimpleStringProperty("");
    public final BooleanProperty busy = new SimpleBooleanProperty(false);
    /** The tile whose state changed last (the canvas paints it); null after a new request. */
    public final ObjectProperty<TileState> lastTile = new SimpleObjectProperty<>();
    /** The request's image size once posted, {width, height}. */
    public final ObjectProperty<int[]> size = new SimpleObjectProperty<>();
    /** The request's tiles once posted (set after {@link #size}): the canvas outlines those still waiting. */
    public final ObjectProperty<List<PostedJob>> postedTiles = new SimpleObjectProperty<>(List.of());
    /** Tiles reviewed so far, in the order they were reviewed. */
    public final javafx.collections.ObservableList<TileState> tiles = javafx.collections.FXCollections.observableArrayList();
    static final String AUTOMATIC_KEY = "compute.requests.automatic";

    private final MarketShareModel market;
    private final java.util.ResourceBundle text;
    /** Results are checked, then accepted or disputed by the check (on) or by the user (off: see {@link #waiting}). */
    public final BooleanProperty automatic = new SimpleBooleanProperty(true);
    /** Checked results waiting for the user's accept or dispute (automatic verification off). */
    public final javafx.collections.ObservableList<ManualReview.Waiting> waiting = javafx.collections.FXCollections.observableArrayList();
    /** The evidence of the last dispute, in words ("" before one). */
    public final StringProperty lastDispute = new SimpleStringProperty("");
    /** The last dispute's evidence blob id ("" before one). */
    public final StringProperty lastEvidence = new SimpleStringProperty("");
    private final ManualReview manual;

    RequestsModel(java.util.ResourceBundle text, MarketShareModel market) {
        this.text = text;
        this.market = market;
        this.manual = new ManualReview(waiting);
        if (market != null) {
            automatic.set(!"false".equals(market.settings().get(AUTOMATIC_KEY).orElse("true")));
            automatic.addListener((obs, was, is) -> market.settings().put(AUTOMATIC_KEY, Boolean.toString(is)));
        }
        automatic.addListener((obs, was, is) -> {
            if (is) { // switched back on: the results waiting are decided as their checks found them
                List.copyOf(waiting).forEach(w -> w.decision().complete(w.finding().verdict().ok()));
            }
        });
    }

    /** Who decides on each checked result: the check, or the user when automatic verification is off (until the review window closes on this chain). */
    private ResultReview.Judge judge(ChainSession session) {
        return finding -> {
            if (automatic.get()) {
                return ResultReview.Judge.AUTOMATIC.decide(finding);
            }
            UiThread.run(() -> status.set(String.format(text.getString("requests.waitingForYou"), finding.posted().id())));
            ResultReview.Decision decision = manual.decide(finding, () -> ChainClock.latest(session.rpc()));
            if (decision == ResultReview.Decision.LAPSED) {
                UiThread.run(() -> status.set(String.format(text.getString("requests.lapsed"), finding.posted().id())));
            }
            return decision;
        };
    }

    /** The user's decision on a waiting result. */
    void decide(ManualReview.Waiting w, boolean accept) {
        w.decision().complete(accept);
    }

    /** Says what a dispute attached, once it is on chain. */
    private void noteDispute(JobOutcome outcome) {
        if (outcome.status() == JobOutcome.Status.DISPUTED && outcome.evidence() != null) {
            lastDispute.set(String.format(text.getString("requests.evidence"), outcome.jobId(), outcome.evidence(),
                    outcome.verdict() == null ? "" : outcome.verdict().reason(),
                    outcome.proposalId() == null ? text.getString("requests.evidence.noProposal") : outcome.proposalId().toString()));
            lastEvidence.set(outcome.evidence().toString());
        }
    }

    /** Posts a render of {@code sceneJson} from {@code account} and follows its tiles; {@code gate} reviews each transaction. */
    void postRender(String account, String sceneJson, int width, int height, int samples, int tileCount, BigInteger price, TxGate gate) {
        ChainSession session = market.session().orElse(null);
        if (session == null || MarketContract.of(session).isEmpty()) {
            status.set(text.getString("requests.noMarket"));
            return;
        }
        MarketContract contract = MarketContract.of(session).orElseThrow();
        BlobStore blobs = market.blobs();
        String served = market.endpoint(blobs);
        busy.set(true);
        tiles.clear();
        lastTile.set(null);
        status.set(text.getString("requests.posting"));
        Thread.ofVirtual().name("render-request").start(() -> {
            try {
                Requester requester = requester(session, contract, blobs, served, account, gate);
                List<PostedJob> posted = requester.postRender(sceneJson, width, height, samples, tileCount, System.nanoTime(), price);
                UiThread.run(() -> {
                    size.set(new int[] {width, height});
                    postedTiles.set(List.copyOf(posted));
                    status.set(String.format(text.getString("requests.waiting"), posted.size()));
                });
                for (PostedJob job : posted) {
                    JobOutcome outcome = requester.await(job, Duration.ofMinutes(10), judge(session));
                    TileState state = new TileState(job, outcome);
                    UiThread.run(() -> {
                        noteDispute(outcome);
                        tiles.add(state);
                        lastTile.set(state);
                        long done = tiles.size();
                        status.set(String.format(text.getString("requests.progress"), done, posted.size(),
                                tiles.stream().filter(t -> t.outcome().status() == JobOutcome.Status.ACCEPTED).count()));
                    });
                }
                UiThread.run(() -> busy.set(false));
            } catch (Exception e) {
                UiThread.run(() -> {
                    busy.set(false);
                    status.set(Messages.describe(e));
                });
            }
        });
    }

    /** The last gemm request's outcome (null before one ends). */
    public final ObjectProperty<JobOutcome> gemmOutcome = new SimpleObjectProperty<>();

    /** Posts C = A·B from raw little-endian f32 files (A m×k, B k×n) and waits for the reviewed result. */
    void postGemm(String account, Path a, Path b, int m, int k, int n, BigInteger price, TxGate gate) {
        ChainSession session = market.session().orElse(null);
        if (session == null || MarketContract.of(session).isEmpty()) {
            status.set(text.getString("requests.noMarket"));
            return;
        }
        MarketContract contract = MarketContract.of(session).orElseThrow();
        BlobStore blobs = market.blobs();
        String served = market.endpoint(blobs);
        busy.set(true);
        gemmOutcome.set(null);
        status.set(text.getString("requests.postingGemm"));
        Thread.ofVirtual().name("gemm-request").start(() -> {
            try {
                Requester requester = requester(session, contract, blobs, served, account, gate);
                PostedJob job = requester.postGemm(Files.readAllBytes(a), Files.readAllBytes(b), m, n, k, price);
                UiThread.run(() -> status.set(String.format(text.getString("requests.gemmWaiting"), job.id())));
                JobOutcome outcome = requester.await(job, Duration.ofMinutes(10), judge(session));
                UiThread.run(() -> {
                    noteDispute(outcome);
                    gemmOutcome.set(outcome);
                    status.set(String.format(text.getString("requests.gemmDone"), job.id(),
                            text.getString("requests.status." + outcome.status().name().toLowerCase(java.util.Locale.ROOT))));
                    busy.set(false);
                });
            } catch (Exception e) {
                UiThread.run(() -> {
                    busy.set(false);
                    status.set(Messages.describe(e));
                });
            }
        });
    }

    /** Writes the accepted gemm result (C, m×n raw little-endian f32). */
    void saveGemm(Path file) throws java.io.IOException {
        JobOutcome o = gemmOutcome.get();
        if (o == null || o.status() != JobOutcome.Status.ACCEPTED || o.result() == null) {
            throw new IllegalStateException("no accepted result to save");
        }
        Files.write(file, o.result());
    }

    private Requester requester(ChainSession session, MarketContract contract, BlobStore blobs, String served, String account, TxGate gate) {
        return new Requester(session, contract, new MarketJobs(session.database()), blobs, java.net.URI.create(served),
                market.wallet().signer(account), gate,
                new ResultReview.Checks(SpotCheckPolicy.standard(), new ProviderTrustRepository(session.database()), ResultVerifier.standard()),
                Requester.Options.defaults());
    }

    /** Whether every tile was verified and accepted, so the image is whole. */
    boolean complete() {
        return !tiles.isEmpty() && size.get() != null && tiles.stream().allMatch(t -> t.outcome().status() == JobOutcome.Status.ACCEPTED)
                && !busy.get();
    }

    /** Writes the finished image as PNG. */
    void savePng(Path file) throws java.io.IOException {
        Files.write(file, Requester.renderPng(tiles.stream().map(TileState::job).toList(), tiles.stream().map(TileState::outcome).toList()));
    }

    /** A tile's linear RGB from its accepted result blob; null when there is none to show. */
    static float[] rgb(TileState t) {
        if (t.outcome().result() == null || !(t.job().manifest() instanceof JobManifest.Render r)) {
            return null;
        }
        try {
            return GemmBlobs.decodeMatrix(t.outcome().result(), r.tileH(), r.tileW() * 3);
        } catch (RuntimeException malformed) {
            return null;
        }
    }
}
