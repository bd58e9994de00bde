package org.hearth.market.requester;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.hearth.chain.Addresses;
import org.hearth.chain.abi.Abi;
import org.hearth.chain.abi.ContractCalls;
import org.hearth.chain.session.ChainSession;
import org.hearth.compute.blob.BlobServer;
import org.hearth.compute.blob.BlobStore;
import org.hearth.compute.job.GemmBlobs;
import org.hearth.market.JobState;
import org.hearth.market.MarketContract;
import org.hearth.market.MarketJobs;

/**
 * The local chain's demo requester: anvil's last dev account (used for nothing else, so no other tool
 * races its nonces) posts small gemm and render jobs, one at a time and alternating, whenever a provider
 * is registered, and reviews each like any requester (verify, accept or dispute). So turning sharing on
 * against a fresh local chain earns HRTH within a minute. It funds itself once from the demo world's
 * owner (an unlocked dev account; anvil picks that nonce) and cancels a job nobody claimed in time.
 */
public final class DemoRequester implements AutoCloseable {

    public static final BigInteger PRICE = BigInteger.TEN.pow(18);
    private static final BigInteger FUNDING = PRICE.multiply(BigInteger.valueOf(1_000));
    private static final Duration IDLE = Duration.ofSeconds(2);
    private static final Duration WAIT = Duration.ofSeconds(90);
    static final String SCENE = """
            {"camera": {"position": [0, 1, 4], "lookAt": [0, 0.5, 0], "up": [0, 1, 0], "fov": 45},
             "background": [0.5, 0.6, 0.8],
             "spheres": [
               {"center": [0, 0.5, 0], "radius": 0.5, "material": {"type": "diffuse", "albedo": [0.8, 0.3, 0.3]}},
               {"center": [1.1, 0.5, -0.3], "radius": 0.5, "material": {"type": "metal", "albedo": [0.8, 0.8, 0.8], "fuzz": 0.2}},
               {"center": [0, 3, 0], "radius": 1, "material": {"type": "emissive", "emission": [4, 4, 3.5]}}],
             "planes": [{"point": [0, 0, 0], "normal": [0, 1, 0], "material": {"type": "diffuse", "albedo": [0.5, 0.5, 0.5]}}]}
            """;

    private final ChainSession session;
    private final Requester requester;
    private final BlobServer server;
    private final Consumer<String> log;
    private final Thread thread;
    private final SecureRandom random = new SecureRandom();
    private volatile boolean stopping;

    private DemoRequester(ChainSession session, Requester requester, BlobServer server, Consumer<String> log) {
        this.session = session;
        this.requester = requester;
        this.server = server;
        this.log = log;
        this.thread = Thread.ofPlatform().daemon().name("demo-requester").unstarted(this::run);
    }

    /**
     * Starts it on a local anvil chain with the demo world's market; empty elsewhere (or when the chain's
     * last dev account is not anvil's default one). {@code dataDirRoot}: its blobs go to the data dir's store.
     */
    public static Optional<DemoRequester> start(ChainSession session, Path dataDirRoot, Consumer<String> log) {
        try {
            return tryStart(session, dataDirRoot, log);
        } catch (RuntimeException e) {
            log.accept("demo requester not started: " + e.getMessage()); // the chain works without it
            return Optional.empty();
        }
    }

    private static Optional<DemoRequester> tryStart(ChainSession session, Path dataDirRoot, Consumer<String> log) {
        if (!session.isLocal()) {
            return Optional.empty();
        }
        Optional<MarketContract> market = MarketContract.of(session);
        JsonNode accounts = session.rpc().call("eth_accounts");
        if (market.isEmpty() || !accounts.isArray() || accounts.isEmpty()) {
            return Optional.empty();
        }
        int index = accounts.size() - 1;
        if (!AnvilDevKeys.address(index).equalsIgnoreCase(accounts.get(index).asText())) {
            return Optional.empty();
        }
        BlobStore store = BlobStore.inDataDir(dataDirRoot);
        BlobServer server = BlobServer.startLoopback(store);
        Requester requester = new Requester(session, market.get(), new MarketJobs(session.database()), store, server.base(),
                AnvilDevKeys.signer(index), TxGate.always(),
                new ResultReview.Checks(SpotCheckPolicy.standard(), new ProviderTrustRepository(session.database()), ResultVerifier.standard()),
                new Requester.Options(120, 60, Duration.ofSeconds(90), Duration.ofSeconds(10), List.of()));
        DemoRequester demo = new DemoRequester(session, requester, server, log);
        demo.thread.start();
        return Optional.of(demo);
    }

    public String address() {
        return requester.address();
    }

    private void run() {
        int round = 0;
        while (!stopping) {
            try {
                if (providerCount() == 0) {
                    Thread.sleep(IDLE);
                    continue;
                }
                fund();
                List<PostedJob> posted = round++ % 2 == 0 ? List.of(postGemm()) : requester.postRender(SCENE, 48, 32, 8, 1, random.nextLong(), PRICE);
                for (JobOutcome o : requester.awaitAll(posted, WAIT)) {
                    log.accept("demo requester: job " + o.jobId() + " " + o.status().name().toLowerCase(java.util.Locale.ROOT)
                            + (o.verdict() == null ? "" : " (" + o.verdict().reason() + ")") + (o.note() == null ? "" : "; " + o.note()));
                    if (o.status() == JobOutcome.Status.TIMED_OUT && requester.market().jobState(o.jobId()) == JobState.OPEN) {
                        requester.cancel(o.jobId());
                    }
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (stopping || session.isClosed()) {
                    return;
                }
                log.accept("demo requester: " + e.getMessage());
                try {
                    Thread.sleep(IDLE.multipliedBy(5));
                } catch (InterruptedException stop) {
                    return;
                }
            }
        }
    }

    private PostedJob postGemm() throws InterruptedException {
        int n = 64;
        float[] a = new float[n * n];
        float[] b = new float[n * n];
        for (int i = 0; i < a.length; i++) {
            a[i] = random.nextFloat() * 2 - 1;
            b[i] = random.nextFloat() * 2 - 1;
        }
        return requester.postGemm(GemmBlobs.encodeMatrix(a), GemmBlobs.encodeMatrix(b), n, n, n, PRICE);
    }

    private long providerCount() {
        return ((BigInteger) new ContractCalls(session.rpc()).readOne(requester.market().address(), "providerCount()(uint32)")).longValueExact();
    }

    /** Tops the account up from the demo world's owner (anvil's first dev account, unlocked) when it runs low. */
    private void fund() throws InterruptedException {
        MarketContract market = requester.market();
        ContractCalls calls = new ContractCalls(session.rpc());
        BigInteger balance = (BigInteger) calls.readOne(market.token(), "balanceOf(address)(uint256)", address());
        if (balance.compareTo(PRICE.multiply(BigInteger.TEN)) >= 0) {
            return;
        }
        String owner = Addresses.checksummed(session.rpc().call("eth_accounts").get(0).asText());
        // Explicit gas: the owner's vote checkpoint can cost more in the block the transfer lands in than in the estimate.
        String hash = session.rpc().call("eth_sendTransaction", Map.of("from", owner, "to", market.token(), "gas", "0x493e0",
                "data", Abi.encodeCall("transfer(address,uint256)", address(), FUNDING))).asText();
        for (int i = 0; i < 600 && session.rpc().call("eth_getTransactionReceipt", hash).isNull(); i++) {
            Thread.sleep(100);
        }
        log.accept("demo requester: funded " + address() + " with " + FUNDING.divide(PRICE) + " HRTH");
    }

    @Override
    public void close() {
        stopping = true;
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server.close();
    }
}
