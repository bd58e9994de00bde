package org.hearth.market.requester;

import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import org.hearth.compute.blob.BlobFetcher;
import org.hearth.compute.blob.BlobServer;
import org.hearth.compute.blob.BlobStore;
import org.hearth.compute.blob.Cid;
import org.hearth.compute.blob.JobManifest;
import org.hearth.compute.blob.ManifestCodec;
import org.hearth.compute.cpu.CpuBackend;
import org.hearth.compute.job.CancelToken;
import org.hearth.compute.job.GemmBlobs;
import org.hearth.compute.job.GemmJob;
import org.hearth.compute.job.JobLimits;
import org.hearth.compute.job.RenderJob;
import org.hearth.compute.scene.Scene;
import org.hearth.market.MarketContract;
import org.hearth.testing.MarketWorld;

/**
 * A provider driven step by step from a dev account (the test's stand-in for the provider agent):
 * claims a job, fetches its manifest and inputs from the requester's gateway (hash-checked), runs the
 * CPU worker, serves the result from its own blob server and submits it, optionally tampered first.
 */
final class ScriptedProvider implements AutoCloseable {

    final String address;
    private final MarketWorld world;
    private final BlobStore store;
    private final BlobServer server;
    private final BlobFetcher fetcher = new BlobFetcher(Duration.ofSeconds(10), BlobStore.DEFAULT_MAX_BYTES);
    private final CpuBackend cpu = new CpuBackend(2);

    ScriptedProvider(MarketWorld world, String address, Path dir) {
        this.world = world;
        this.address = address;
        this.store = new BlobStore(dir, BlobStore.DEFAULT_MAX_BYTES);
        this.server = BlobServer.startLoopback(store);
    }

    void register() {
        world.fund(address, 1_000);
        world.marketCall(address, MarketContract.registerProvider(world.market.minStake(), server.base().toString(), "0x" + "11".repeat(32)));
    }

    /** Claims, computes and submits job {@code id}; {@code tamper} may change the result bytes (identity for an honest provider). */
    byte[] complete(BigInteger id, URI specUrl, Cid spec, UnaryOperator<byte[]> tamper) {
        world.marketCall(address, MarketContract.claim(id));
        List<URI> from = List.of(specUrl);
        JobManifest manifest = new ManifestCodec(JobLimits.DEFAULT).parse(fetcher.fetch(spec, from));
        byte[] result = switch (manifest) {
            case JobManifest.Gemm g -> GemmBlobs.encodeMatrix(cpu.gemm(new GemmJob(g.m(), g.k(), g.n(),
                    GemmBlobs.decodeMatrix(fetcher.fetch(g.a(), from), g.m(), g.k()),
                    GemmBlobs.decodeMatrix(fetcher.fetch(g.b(), from), g.k(), g.n())), CancelToken.none()));
            case JobManifest.Render r -> GemmBlobs.encodeMatrix(cpu.renderTile(new RenderJob(
                    Scene.parse(new String(fetcher.fetch(r.scene(), from), java.nio.charset.StandardCharsets.UTF_8)),
                    r.width(), r.height(), r.tileX(), r.tileY(), r.tileW(), r.tileH(), r.samples(), r.seed()), CancelToken.none()));
        };
        byte[] submitted = tamper.apply(result);
        Cid id2 = store.put(submitted);
        world.marketCall(address, MarketContract.submit(id, id2.digest(), server.base().toString()));
        return submitted;
    }

    @Override
    public void close() {
        server.close();
        cpu.close();
    }
}
