package org.hearth.testing;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.hearth.compute.blob.BlobServer;
import org.hearth.compute.blob.BlobStore;
import org.hearth.compute.blob.Cid;
import org.hearth.compute.blob.JobManifest;
import org.hearth.compute.blob.ManifestCodec;
import org.hearth.compute.job.GemmBlobs;
import org.hearth.market.JobKind;
import org.hearth.market.MarketContract;

/**
 * A requester for provider tests (the real requester is built elsewhere): an unlocked dev account that
 * publishes manifests and inputs from its own blob store and server and posts jobs with
 * {@link MarketContract}'s call data.
 */
public final class TestRequester implements AutoCloseable {

    /** A small scene for render jobs: a lit sphere on a plane. */
    public static final String SCENE = """
            {"camera": {"position": [0, 1, 4], "lookAt": [0, 0.5, 0], "up": [0, 1, 0], "fov": 45},
             "background": [0.5, 0.6, 0.8],
             "spheres": [{"center": [0, 0.5, 0], "radius": 0.5, "material": {"type": "diffuse", "albedo": [0.8, 0.3, 0.3]}}],
             "planes": [{"point": [0, 0, 0], "normal": [0, 1, 0], "material": {"type": "diffuse", "albedo": [0.5, 0.5, 0.5]}}]}
            """;

    /** A posted gemm job and its inputs. */
    public record Gemm(BigInteger id, int m, int k, int n, float[] a, float[] b) {
    }

    public final String account;
    public final BlobStore store;
    public final BlobServer server;
    private final MarketWorld world;

    public TestRequester(MarketWorld world, String account, Path dir) {
        this.world = world;
        this.account = account;
        this.store = new BlobStore(dir, BlobStore.DEFAULT_MAX_BYTES);
        this.server = BlobServer.startLoopback(store);
    }

    public Gemm postGemm(int m, int k, int n, long seed, BigInteger price, long claimWindow, long execWindow) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] a = matrix(random, m * k);
        float[] b = matrix(random, k * n);
        Cid ca = store.put(GemmBlobs.encodeMatrix(a));
        Cid cb = store.put(GemmBlobs.encodeMatrix(b));
        byte[] manifest = ManifestCodec.encode(new JobManifest.Gemm(m, n, k, ca, cb));
        BigInteger id = post(JobKind.GEMM, store.put(manifest).digest(), server.base().toString(), price, claimWindow, execWindow);
        return new Gemm(id, m, k, n, a, b);
    }

    public BigInteger postRender(int width, int height, int tileW, int tileH, int samples, BigInteger price, long claimWindow, long execWindow) {
        Cid scene = store.put(SCENE.getBytes(StandardCharsets.UTF_8));
        byte[] manifest = ManifestCodec.encode(new JobManifest.Render(scene, width, height, 0, 0, tileW, tileH, samples, 7));
        return post(JobKind.RENDER, store.put(manifest).digest(), server.base().toString(), price, claimWindow, execWindow);
    }

    /** Posts a job whose spec is any digest and URL (for refusals); returns its id. */
    public BigInteger post(JobKind kind, byte[] spec, String specUrl, BigInteger price, long claimWindow, long execWindow) {
        world.marketCall(account, MarketContract.postJob(kind, spec, specUrl, price, claimWindow, execWindow));
        return world.market.jobCount();
    }

    private static float[] matrix(SplittableRandom random, int size) {
        float[] out = new float[size];
        for (int i = 0; i < size; i++) {
            out[i] = (float) (random.nextDouble() * 2 - 1);
        }
        return out;
    }

    @Override
    public void close() {
        server.close();
    }
}
