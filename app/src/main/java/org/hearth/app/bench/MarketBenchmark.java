package org.hearth.app.bench;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.hearth.chain.RpcClient;
import org.hearth.chain.abi.Abi;
import org.hearth.chain.session.ChainSession;
import org.hearth.compute.blob.BlobServer;
import org.hearth.compute.blob.BlobStore;
import org.hearth.compute.blob.JobManifest;
import org.hearth.compute.cpu.CpuBackend;
import org.hearth.compute.job.CancelToken;
import org.hearth.compute.job.GemmBlobs;
import org.hearth.compute.job.GemmJob;
import org.hearth.compute.job.RenderJob;
import org.hearth.compute.provider.MachineProbe;
import org.hearth.compute.provider.ProviderAgent;
import org.hearth.compute.provider.ProviderPolicy;
import org.hearth.compute.scene.Scene;
import org.hearth.compute.worker.WorkerOptions;
import org.hearth.config.DataDir;
import org.hearth.market.MarketContract;
import org.hearth.market.MarketJobs;
import org.hearth.market.agent.MarketAgentConfig;
import org.hearth.market.agent.MarketLoop;
import org.hearth.market.MarketSender;
import org.hearth.market.requester.AnvilDevKeys;
import org.hearth.market.requester.JobOutcome;
import org.hearth.market.requester.PostedJob;
import org.hearth.market.requester.ProviderTrustRepository;
import org.hearth.market.requester.Requester;
import org.hearth.market.requester.ResultReview;
import org.hearth.market.requester.ResultVerifier;
import org.hearth.market.requester.SpotCheckPolicy;
import org.hearth.market.requester.TxGate;
import org.hearth.node.AnvilLocator;
import org.hearth.node.DemoWorld;
import org.hearth.node.LocalNode;
import org.hearth.node.LocalNodeConfig;
import org.hearth.store.Database;
import org.hearth.store.DemoWorldRepository;

/**
 * Market benchmark: JOBS jobs (gemm n×n×n and render tiles, alternating) posted by one requester on a
 * fresh anvil (automine) and run by 4 provider agents (CPU worker each), every result reviewed by the
 * requester with the adaptive spot checks. Prints jobs settled per minute, the requester's verification
 * time as a share of the compute time, and the reference: the same jobs run directly on the CPU backend
 * in this process (the worker's code, inputs already in memory, every core, after the agents stopped),
 * which is the compute the share is taken of. The headline share is CPU time over CPU time: the check
 * runs on one thread while the run's four workers load the cores, so its wall time measures the
 * machine's load more than the check; the wall-time share is printed beside it. Verification is
 * everything from the result in hand to the verdict (reading the inputs, the checks); fetching the
 * result blob is printed apart. Beside it, the same full checks run again after the agents stopped, alone
 * as the reference runs ({@link ChecksAlone}): the ratio with both sides measured alike. Run by
 * bench/market-bench.sh; not a test.
 */
public final class MarketBenchmark {

    private static final int PROVIDERS = 4;
    private static final int REQUESTER = 5;
    private static final BigInteger HRTH = BigInteger.TEN.pow(18);
    private static final long REVIEW_WINDOW_SECONDS = 600;
    private static final ProviderPolicy ALWAYS = new ProviderPolicy(false, false, 100, 0, 24);

    private MarketBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int jobs = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 512;
        int tile = args.length > 2 ? Integer.parseInt(args[2]) : 64;
        int spp = args.length > 3 ? Integer.parseInt(args[3]) : 32;
        Path work = Files.createTempDirectory("hearth-market-bench");
        LocalNode anvil = new LocalNode(new DataDir(work.resolve("node")), AnvilLocator.locate(), new LocalNodeConfig(3600, 3600, Duration.ofSeconds(30)));
        List<AutoCloseable> open = new ArrayList<>();
        try {
            RpcClient rpc = new RpcClient(anvil.start().rpcUrl());
            rpc.call("evm_setAutomine", true);
            Database db = Database.open(work.resolve("hearth.db"));
            Map<String, String> contracts = new DemoWorld(rpc, new DemoWorldRepository(db), work.resolve("demo.lock")).ensure(null).contracts();
            ChainSession session = ChainSession.open(new RpcClient(rpc.endpoint()), ChainSession.Kind.LOCAL, db, 0);
            open.add(session);
            MarketContract market = new MarketContract(rpc, contracts.get("ComputeMarket"));
            String owner = rpc.call("eth_accounts").get(0).asText();
            for (int i = 1; i <= PROVIDERS; i++) {
                fund(rpc, owner, market.token(), AnvilDevKeys.address(i), HRTH.multiply(BigInteger.valueOf(1_000)));
            }
            lengthenReviewWindow(rpc, market);
            fund(rpc, owner, market.token(), AnvilDevKeys.address(REQUESTER), HRTH.multiply(BigInteger.valueOf(10_000)));
            for (int i = 1; i <= PROVIDERS; i++) {
                open.add(startProvider(session, market, i, work.resolve("provider" + i)));
            }
            long registerBy = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (!allRegistered(market)) {
                if (System.nanoTime() > registerBy) {
                    throw new IllegalStateException("not every provider registered within 3 minutes");
                }
                Thread.sleep(200);
            }

            BlobStore store = new BlobStore(work.resolve("requester-blobs"), BlobStore.DEFAULT_MAX_BYTES);
            BlobServer server = BlobServer.startLoopback(store);
            open.add(server);
            Requester requester = new Requester(session, market, new MarketJobs(db), store, server.base(), AnvilDevKeys.signer(REQUESTER), TxGate.always(),
                    new ResultReview.Checks(SpotCheckPolicy.standard(), new ProviderTrustRepository(db), ResultVerifier.standard()),
                    new Requester.Options(1_800, 60, Duration.ofSeconds(60), Duration.ofSeconds(15), List.of()));
            String scene = org.hearth.compute.bench.BenchScene.scene().toJson();
            SplittableRandom random = new SplittableRandom(2026);
            long started = System.nanoTime();
            requester.ensureAllowance(HRTH.multiply(BigInteger.valueOf(jobs)));
            List<PostedJob> posted = new ArrayList<>();
            for (int j = 0; j < jobs; j++) {
                if (j % 2 == 0) {
                    posted.add(requester.postGemm(matrix(n * n, random), matrix(n * n, random), n, n, n, HRTH));
                } else {
                    posted.addAll(requester.postRender(scene, tile, tile, spp, 1, random.nextLong(), HRTH));
                }
            }
            List<JobOutcome> outcomes = requester.awaitAll(posted, Duration.ofMinutes(5)); // a stalled claim can only expire when the clock moves
            double minutes = (System.nanoTime() - started) / 60e9;

            for (int i = open.size() - 1; i >= 0; i--) {
                open.get(i).close(); // the agents stop, so the reference below runs alone in this process
            }
            open.clear();

            long accepted = outcomes.stream().filter(o -> o.status() == JobOutcome.Status.ACCEPTED).count();
            Reference reference = directCompute(posted, store, Scene.parse(scene));
            long[] alone = ChecksAlone.measure(posted, outcomes, store, Scene.parse(scene));
            Share all = new Share(), gemm = new Share(), render = new Share(), shapeOnly = new Share();
            long fetchNanos = 0;
            for (int i = 0; i < outcomes.size(); i++) {
                JobOutcome o = outcomes.get(i);
                fetchNanos += o.timing().fetchNanos();
                all.add(o, reference, i);
                if (o.verdict() != null && o.verdict().verified()) {
                    (posted.get(i).manifest() instanceof JobManifest.Gemm ? gemm : render).add(o, reference, i);
                } else if (o.verdict() != null) {
                    shapeOnly.add(o, reference, i);
                }
            }
            System.out.printf(Locale.ROOT, "market bench: %d jobs (gemm %d^3, render %dx%d tiles at %d spp) through %d provider agents (CPU worker), %d cores, load %.2f%n",
                    jobs, n, tile, tile, spp, PROVIDERS, Runtime.getRuntime().availableProcessors(),
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            System.out.printf(Locale.ROOT, "  settled: %d accepted of %d in %.2f min = %.1f jobs/min (others: %s)%n", accepted, jobs, minutes,
                    accepted / minutes, outcomes.stream().filter(o -> o.status() != JobOutcome.Status.ACCEPTED)
                            .map(o -> o.jobId() + " " + o.status().name().toLowerCase(Locale.ROOT)).toList());
            System.out.printf(Locale.ROOT, "  reference, the same jobs run directly on the CPU backend here (%d threads, inputs in memory, alone): %.2f s wall, %.2f s CPU%n",
                    reference.threads, reference.wallTotal() / 1e9, reference.cpuTotal() / 1e9);
            System.out.printf(Locale.ROOT, "  verification (adaptive spot checks, one thread, measured during the run): %d of %d fully checked; %.3f s CPU = %.1f%% of the reference's CPU time (goal <= 5%%); %.3f s wall = %.1f%% of its wall time%n",
                    gemm.count + render.count, jobs, all.cpu / 1e9, 100.0 * all.cpu / reference.cpuTotal(), all.wall / 1e9, 100.0 * all.wall / reference.wallTotal());
            System.out.printf(Locale.ROOT, "  one full check, CPU share of its own job's compute: gemm %.1f%% (%d checks, %.2f ms each, median %.2f ms), render %.1f%% (%d checks, %.2f ms each, median %.2f ms)%n",
                    gemm.cpuShare(), gemm.count, gemm.cpu / 1e6 / Math.max(1, gemm.count), gemm.medianMillis(),
                    render.cpuShare(), render.count, render.cpu / 1e6 / Math.max(1, render.count), render.medianMillis());
            long aloneCpu = java.util.Arrays.stream(alone).sum();
            long inRun = gemm.cpu + render.cpu;
            System.out.printf(Locale.ROOT, "  the same %d full checks again after the run, alone like the reference (warm, inputs in memory): %.3f s CPU = %.1f%% of the reference's CPU time (during the run: %.3f s = %.1f%%)%n",
                    gemm.count + render.count, aloneCpu / 1e9, 100.0 * aloneCpu / reference.cpuTotal(), inRun / 1e9, 100.0 * inRun / reference.cpuTotal());
            System.out.printf(Locale.ROOT, "  sampled out (size and finite values only): %d results, %.3f s CPU (median %.3f ms)%n",
                    shapeOnly.count, shapeOnly.cpu / 1e9, shapeOnly.medianMillis());
            System.out.printf(Locale.ROOT, "  not counted above: fetching the results over HTTP with their hash check, %.3f s wall%n", fetchNanos / 1e9);
        } finally {
            for (int i = open.size() - 1; i >= 0; i--) {
                open.get(i).close();
            }
            anvil.stop(Duration.ofSeconds(5));
            deleteTree(work); // the chain, the blob stores and the database: about 800 MB a run
        }
    }

    private static void deleteTree(Path root) throws java.io.IOException {
        try (java.util.stream.Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static AutoCloseable startProvider(ChainSession session, MarketContract market, int index, Path dir) {
        BlobStore store = new BlobStore(dir, BlobStore.DEFAULT_MAX_BYTES);
        BlobServer server = BlobServer.startLoopback(store);
        MarketSender sender = new MarketSender(session, AnvilDevKeys.signer(index), java.util.Set.of(market.address(), market.token()));
        org.web3j.crypto.ECKeyPair key = AnvilDevKeys.keyPair(index);
        MarketAgentConfig config = MarketAgentConfig.of(session, market, sender, data -> data.sign(key), null, store, server.base())
                .withPollInterval(Duration.ofMillis(300));
        ProviderAgent agent = new ProviderAgent(ProviderAgent.Settings.defaults().withWorker(WorkerOptions.defaults().withBackends(List.of("cpu")))
                .withPolicyInterval(Duration.ofMillis(200)), ALWAYS, new MachineProbe(), MarketLoop.factory(config, (job, line) -> {
                    if (job == null) {
                        System.err.println("provider " + index + ": " + line); // registration, withdrawals, refusals
                    }
                }));
        agent.start();
        return () -> {
            agent.close();
            server.close();
        };
    }

    private static boolean allRegistered(MarketContract market) {
        for (int i = 1; i <= PROVIDERS; i++) {
            if (!market.provider(AnvilDevKeys.address(i)).registered()) {
                return false;
            }
        }
        return true;
    }

    /** Each job's compute run directly on the CPU backend: wall and CPU nanoseconds (all threads). */
    private record Reference(int threads, long[] wall, long[] cpu) {
        long wallTotal() {
            return java.util.Arrays.stream(wall).sum();
        }

        long cpuTotal() {
            return java.util.Arrays.stream(cpu).sum();
        }
    }

    /** Verification time of some outcomes beside the reference compute of the same jobs. */
    private static final class Share {
        int count;
        long wall, cpu, computeCpu;
        final List<Long> each = new ArrayList<>();

        void add(JobOutcome o, Reference reference, int i) {
            count++;
            wall += o.timing().verifyNanos();
            cpu += o.timing().verifyCpuNanos();
            computeCpu += reference.cpu()[i];
            each.add(o.timing().verifyCpuNanos());
        }

        /** The median check's CPU milliseconds: the steady cost, without the first checks that run before the JIT compiled them. */
        double medianMillis() {
            if (each.isEmpty()) {
                return 0;
            }
            List<Long> sorted = each.stream().sorted().toList();
            return sorted.get(sorted.size() / 2) / 1e6;
        }

        double cpuShare() {
            return 100.0 * cpu / Math.max(1, computeCpu);
        }
    }

    /**
     * Each job run directly on the CPU backend with every core (one warm-up of each kind first), its
     * inputs decoded beforehand: the worker's compute alone, as wall time and as the CPU time of all threads.
     */
    private static Reference directCompute(List<PostedJob> posted, BlobStore store, Scene scene) {
        int threads = Runtime.getRuntime().availableProcessors();
        long[] wall = new long[posted.size()];
        long[] cpu = new long[posted.size()];
        try (CpuBackend backend = new CpuBackend(threads)) {
            for (int round = 0; round < 2; round++) {
                for (int i = 0; i < posted.size(); i++) {
                    if (round == 0 && i > 1) {
                        break; // warm-up: one gemm, one render
                    }
                    Runnable job = switch (posted.get(i).manifest()) {
                        case JobManifest.Gemm g -> {
                            GemmJob gemm = new GemmJob(g.m(), g.k(), g.n(), GemmBlobs.decodeMatrix(store.get(g.a()).orElseThrow(), g.m(), g.k()),
                                    GemmBlobs.decodeMatrix(store.get(g.b()).orElseThrow(), g.k(), g.n()));
                            yield () -> backend.gemm(gemm, CancelToken.none());
                        }
                        case JobManifest.Render r -> {
                            RenderJob tile = new RenderJob(scene, r.width(), r.height(), r.tileX(), r.tileY(), r.tileW(), r.tileH(), r.samples(), r.seed());
                            yield () -> backend.renderTile(tile, CancelToken.none());
                        }
                    };
                    long c = allThreadsCpu();
                    long t = System.nanoTime();
                    job.run();
                    wall[i] = System.nanoTime() - t;
                    cpu[i] = allThreadsCpu() - c;
                }
            }
        }
        return new Reference(threads, wall, cpu);
    }

    /** CPU nanoseconds of every thread of this process (per-thread clocks: the process clock ticks in 10 ms here). */
    private static long allThreadsCpu() {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (long id : threads.getAllThreadIds()) {
            sum += Math.max(0, threads.getThreadCpuTime(id));
        }
        return sum;
    }

    /**
     * The requester posts every job before it reviews any, which takes longer than the demo market's 20 s
     * review window: the first results would be finalized unreviewed, so neither checked nor counted. A
     * review window of {@value #REVIEW_WINDOW_SECONDS} s (set as the timelock, which owns the parameter,
     * impersonated on this throwaway anvil) lets every result be reviewed.
     */
    private static void lengthenReviewWindow(RpcClient rpc, MarketContract market) throws InterruptedException {
        String timelock = market.timelock();
        rpc.call("anvil_setBalance", timelock, "0xde0b6b3a7640000");
        rpc.call("anvil_impersonateAccount", timelock);
        try {
            String hash = rpc.call("eth_sendTransaction", Map.of("from", timelock, "to", market.address(), "gas", "0x493e0",
                    "data", Abi.encodeCall("setReviewWindow(uint256)", BigInteger.valueOf(REVIEW_WINDOW_SECONDS)))).asText();
            awaitSuccess(rpc, hash, "setReviewWindow");
        } finally {
            rpc.call("anvil_stopImpersonatingAccount", timelock);
        }
    }

    private static void awaitSuccess(RpcClient rpc, String hash, String what) throws InterruptedException {
        com.fasterxml.jackson.databind.JsonNode receipt;
        while ((receipt = rpc.call("eth_getTransactionReceipt", hash)).isNull()) {
            Thread.sleep(50);
        }
        if (!"0x1".equals(receipt.path("status").asText())) {
            throw new IllegalStateException(what + " failed: " + receipt);
        }
    }

    private static void fund(RpcClient rpc, String owner, String token, String to, BigInteger amount) throws InterruptedException {
        // explicit gas: the vote checkpoint written for the sender can cost more in the block it lands in than in the estimate
        String hash = rpc.call("eth_sendTransaction", Map.of("from", owner, "to", token, "gas", "0x493e0",
                "data", Abi.encodeCall("transfer(address,uint256)", to, amount))).asText();
        com.fasterxml.jackson.databind.JsonNode receipt;
        while ((receipt = rpc.call("eth_getTransactionReceipt", hash)).isNull()) {
            Thread.sleep(50);
        }
        if (!"0x1".equals(receipt.path("status").asText())) {
            throw new IllegalStateException("funding " + to + " failed: " + receipt);
        }
    }

    private static byte[] matrix(int count, SplittableRandom random) {
        float[] v = new float[count];
        for (int i = 0; i < count; i++) {
            v[i] = (float) random.nextDouble(-1, 1);
        }
        return GemmBlobs.encodeMatrix(v);
    }
}
