package org.hearth.testing;

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
import com.fasterxml.jackson.databind.JsonNode;
import org.hearth.chain.RpcClient;
import org.hearth.chain.abi.Abi;
import org.hearth.chain.abi.AbiValue;
import org.hearth.market.MarketContract;
import org.hearth.market.MarketEvents;
import org.web3j.utils.Numeric;

/**
 * A provider driven step by step from an unlocked anvil dev account (for tests that need a provider they control, even a cheating one):
 * claims a job, fetches its manifest and inputs from the requester's gateway (hash-checked), runs the
 * CPU worker, serves the result from its own blob server and submits it, optionally tampered first.
 */
public final class ScriptedProvider implements AutoCloseable {

    public final String address;
    private final RpcClient rpc;
    private final DevTx dev;
    private final MarketContract market;
    private final BlobStore store;
    private final BlobServer server;
    private final BlobFetcher fetcher = new BlobFetcher(Duration.ofSeconds(10), BlobStore.DEFAULT_MAX_BYTES);
    private final CpuBackend cpu = new CpuBackend(2);

    public ScriptedProvider(MarketWorld world, String address, Path dir) {
        this(world.chain.rpc(), world.market, address, dir);
    }

    /** {@code address}: an unlocked anvil dev account. */
    public ScriptedProvider(RpcClient rpc, MarketContract market, String address, Path dir) {
        this.rpc = rpc;
        this.dev = new DevTx(rpc);
        this.market = market;
        this.address = address;
        this.store = new BlobStore(dir, BlobStore.DEFAULT_MAX_BYTES);
        this.server = BlobServer.startLoopback(store);
    }

    /** Funds the account with 1,000 HRTH from anvil's first account, lets the market pull it, and registers with the minimum stake. */
    public void register() {
        BigInteger amount = MarketWorld.HRTH.multiply(BigInteger.valueOf(1_000));
        dev.call(MarketWorld.OWNER, market.token(), "transfer(address,uint256)", address, amount);
        call(market.token(), market.approveMarket(amount));
        call(market.address(), MarketContract.registerProvider(market.minStake(), server.base().toString(), "0x" + "11".repeat(32)));
    }

    /** Waits for job {@code id} to be posted, then completes it from what its JobPosted event says. */
    public byte[] completeWhenPosted(BigInteger id, UnaryOperator<byte[]> tamper) throws InterruptedException {
        for (int i = 0; i < 1200 && market.jobCount().compareTo(id) < 0; i++) {
            Thread.sleep(100);
        }
        JsonNode logs = rpc.call("eth_getLogs", java.util.Map.of("address", market.address(), "fromBlock", "0x0",
                "topics", List.of(MarketEvents.JOB_POSTED.topic0(), String.format("0x%064x", id))));
        if (logs.isEmpty()) {
            throw new AssertionError("job " + id + " was not posted");
        }
        JsonNode log = logs.get(0);
        List<String> topics = new java.util.ArrayList<>();
        log.path("topics").forEach(t -> topics.add(t.asText()));
        List<AbiValue> fields = Abi.decodeLog(MarketEvents.JOB_POSTED, topics, log.path("data").asText());
        String spec = (String) fields.stream().filter(f -> f.name().equals("spec")).findFirst().orElseThrow().value();
        String specUrl = (String) fields.stream().filter(f -> f.name().equals("specUrl")).findFirst().orElseThrow().value();
        return complete(id, URI.create(specUrl), Cid.fromDigest(Numeric.hexStringToByteArray(spec)), tamper);
    }

    private void call(String to, String data) {
        dev.send(address, to, BigInteger.ZERO, data);
    }

    /** Claims, computes and submits job {@code id}; {@code tamper} may change the result bytes (identity for an honest provider). */
    public byte[] complete(BigInteger id, URI specUrl, Cid spec, UnaryOperator<byte[]> tamper) {
        call(market.address(), MarketContract.claim(id));
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
        call(market.address(), MarketContract.submit(id, id2.digest(), server.base().toString()));
        return submitted;
    }

    @Override
    public void close() {
        server.close();
        cpu.close();
    }
}
