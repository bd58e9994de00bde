package org.hearth.market.agent;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.web3j.utils.Numeric;
import org.hearth.compute.blob.BlobException;
import org.hearth.compute.blob.BlobFetcher;
import org.hearth.compute.blob.BlobGateways;
import org.hearth.compute.blob.BlobStore;
import org.hearth.compute.blob.Cid;
import org.hearth.compute.blob.JobManifest;
import org.hearth.compute.blob.ManifestCodec;
import org.hearth.compute.job.GemmBlobs;
import org.hearth.compute.job.GemmJob;
import org.hearth.compute.job.JobLimits;
import org.hearth.compute.job.JobRejectedException;
import org.hearth.compute.job.RenderJob;
import org.hearth.compute.scene.Scene;
import org.hearth.market.JobKind;

/**
 * A market job's inputs, from its on-chain {@code spec} digest to a job the worker runs: the manifest
 * fetched (capped at {@link ManifestCodec#MAX_BYTES}, hash-checked) from the job's {@code specUrl} then
 * the configured gateways, parsed strictly, its kernel matched against the job's kind, and its input
 * blobs fetched (hash-checked, size-capped) into the local store. Any refusal is a {@link BlobException}
 * or {@link JobRejectedException} saying why.
 *
 * <p>Result blobs: gemm, C as raw row-major little-endian f32 (m·n values); render, the tile's linear
 * RGB as little-endian f32, row-major within the tile (tileW·tileH·3 values).
 */
public final class JobInputs {

    /** A job ready for the worker, with the work it asks for (to estimate its time). */
    public record Loaded(JobKind kind, JobManifest manifest, GemmJob gemm, RenderJob render) {
        /** Floating-point operations (gemm) or camera samples (render). */
        public double work() {
            return gemm != null ? 2.0 * gemm.m() * gemm.n() * gemm.k() : render.samples();
        }
    }

    private final BlobStore store;
    private final List<URI> gateways;
    private final JobLimits limits;
    private final BlobFetcher manifests;
    private final BlobFetcher inputs;

    public JobInputs(BlobStore store, List<URI> gateways, JobLimits limits, Duration timeout) {
        this.store = store;
        this.gateways = List.copyOf(gateways);
        this.limits = limits;
        this.manifests = new BlobFetcher(timeout, ManifestCodec.MAX_BYTES);
        this.inputs = new BlobFetcher(timeout, Math.min(store.maxBytes(), limits.maxBytes()));
    }

    /** The manifest's id: the CIDv1 of the on-chain sha-256 digest. */
    public static Cid specCid(String specHex) {
        return Cid.fromDigest(Numeric.hexStringToByteArray(specHex));
    }

    public Loaded load(int kindCode, String specHex, String specUrl) {
        JobKind kind = JobKind.of(kindCode).orElseThrow(() -> new JobRejectedException("job kind " + kindCode + " is not one Hearth runs"));
        List<URI> bases = bases(specUrl);
        JobManifest manifest = new ManifestCodec(limits).parse(manifests.fetchInto(store, specCid(specHex), bases));
        if (!manifest.kernel().equals(kind.kernel())) {
            throw new JobRejectedException("the job is posted as " + kind.kernel() + " but its manifest asks for " + manifest.kernel());
        }
        return switch (manifest) {
            case JobManifest.Gemm g -> {
                float[] a = GemmBlobs.decodeMatrix(inputs.fetchInto(store, g.a(), bases), g.m(), g.k());
                float[] b = GemmBlobs.decodeMatrix(inputs.fetchInto(store, g.b(), bases), g.k(), g.n());
                yield new Loaded(kind, manifest, limits.check(new GemmJob(g.m(), g.k(), g.n(), a, b)), null);
            }
            case JobManifest.Render r -> {
                String json = new String(inputs.fetchInto(store, r.scene(), bases), StandardCharsets.UTF_8);
                Scene scene = Scene.parse(json);
                RenderJob job = new RenderJob(scene, r.width(), r.height(), r.tileX(), r.tileY(), r.tileW(), r.tileH(), r.samples(), r.seed());
                yield new Loaded(kind, manifest, null, limits.check(job));
            }
        };
    }

    /** The result blob's bytes for the worker's output values. */
    public static byte[] encodeResult(float[] values) {
        return GemmBlobs.encodeMatrix(values);
    }

    /** The job's own gateway base first (when it is a valid http(s) base), then the configured gateways. */
    private List<URI> bases(String specUrl) {
        List<URI> out = new ArrayList<>();
        try {
            out.add(BlobGateways.base(specUrl));
        } catch (BlobException notABase) {
            if (gateways.isEmpty()) {
                throw new BlobException("the job's spec URL '" + specUrl + "' is not an http(s) gateway base and no gateway is configured");
            }
        }
        out.addAll(gateways);
        return out;
    }
}
