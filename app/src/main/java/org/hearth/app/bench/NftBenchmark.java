package org.hearth.app.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.hearth.chain.ContractArtifact;
import org.hearth.chain.Hex;
import org.hearth.chain.RpcClient;
import org.hearth.chain.abi.Abi;
import org.hearth.chain.session.ChainSession;
import org.hearth.config.DataDir;
import org.hearth.nft.NftCache;
import org.hearth.nft.NftGateways;
import org.hearth.nft.NftService;
import org.hearth.nft.OwnedNft;
import org.hearth.nft.ResolvedMetadata;
import org.hearth.nft.media.Thumbnails;
import org.hearth.node.AnvilLocator;
import org.hearth.node.LocalNode;
import org.hearth.node.LocalNodeConfig;
import org.hearth.store.Database;

/**
 * NFT benchmark: an account holding N ERC-721 tokens (HearthGallery, minted in bulk) on a fresh anvil,
 * metadata and images behind a loopback IPFS-style gateway. Hearth (the one log indexer, ownerOf
 * confirmation, metadata 16 at a time through the safe fetcher and the content-hash cache, thumbnails
 * rasterised) cold and warm, beside ethers.js v6 doing the naive wallet way on the same chain and gateway.
 * Run by bench/nft-bench.sh; not a test.
 */
public final class NftBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DEV0 = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";
    private static final String HOLDER = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
    private static final int SCREEN = 24;
    private static final int PER_TX = 250;

    private NftBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        Path script = Path.of(args.length > 1 ? args[1] : "bench/nft.mjs");
        Path work = Files.createTempDirectory("hearth-nft-bench");
        LocalNode anvil = new LocalNode(new DataDir(work.resolve("node")), AnvilLocator.locate(), new LocalNodeConfig(3600, 3600, Duration.ofSeconds(30)));
        AtomicInteger served = new AtomicInteger();
        HttpServer gateway = gateway(served);
        URI base = URI.create("http://127.0.0.1:" + gateway.getAddress().getPort());
        try {
            RpcClient rpc = new RpcClient(anvil.start().rpcUrl());
            String contract = mint(rpc, count);
            Database db = Database.open(work.resolve("hearth.db"));
            Path cache = work.resolve("nft-cache");
            NftGateways gateways = new NftGateways(List.of(base), List.of());
            resetPeaks();
            Run cold = hearth(rpc, db, gateways, cache, count);
            long coldPeak = heapPeakMb();
            int coldServed = served.getAndSet(0);
            Run warm = hearth(rpc, db, gateways, cache, count);
            int warmServed = served.getAndSet(0);
            Process node = new ProcessBuilder("node", script.toString(), rpc.endpoint().toString(), contract, HOLDER, base.toString(),
                    Integer.toString(SCREEN)).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            JsonNode js = JSON.readTree(node.getInputStream().readAllBytes());
            node.waitFor();
            System.out.printf("%d ERC-721 tokens of one account on anvil, metadata and SVG images on a loopback gateway; first screen = %d thumbnails%n",
                    count, SCREEN);
            System.out.printf("%-58s %11s %11s %13s %9s%n", "", "discover ms", "resolve ms", "1st screen ms", "fetched");
            System.out.printf("%-58s %11.0f %11.0f %13.0f %9d%n", "Hearth, cold cache (Java " + Runtime.version().feature() + ")",
                    cold.discoverMs, cold.resolveMs, cold.screenMs, coldServed);
            System.out.printf("%-58s %11.0f %11.0f %13.0f %9d%n", "Hearth, warm cache (indexed, media cached by hash)",
                    warm.discoverMs, warm.resolveMs, warm.screenMs, warmServed);
            System.out.printf("%-58s %11.0f %11.0f %13.0f %9s%n", "ethers.js " + js.get("ethers").asText() + " getLogs+ownerOf+fetch (node "
                    + js.get("node").asText() + ")", js.get("discoverMs").asDouble(), js.get("resolveMs").asDouble(),
                    js.get("firstScreenMs").asDouble(), "-");
            System.out.println("Hearth's first screen includes rasterising the thumbnails; the peer only downloads the image bytes.");
            System.out.printf("Hearth peak heap during the cold run: %d MiB (JVM -Xmx%d MiB); the grid keeps at most %d thumbnails%n", coldPeak,
                    Runtime.getRuntime().maxMemory() >> 20, 240);
            System.out.printf("load average over the last minute: %.1f%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        } finally {
            gateway.stop(0);
            anvil.stop(Duration.ofSeconds(5));
        }
    }

    private record Run(double discoverMs, double resolveMs, double screenMs) {
    }

    /** One Hearth pass as the gallery does it: index and confirm, resolve all metadata, then the first screen's thumbnails. */
    private static Run hearth(RpcClient rpc, Database db, NftGateways gateways, Path cache, int count) throws Exception {
        try (ChainSession session = ChainSession.open(new RpcClient(rpc.endpoint()), ChainSession.Kind.LOCAL, db, 0)) {
            NftService service = new NftService(session, gateways, session.own(new NftCache(db, cache)));
            long t0 = System.nanoTime();
            session.logIndexer().watch(session.nftTransfers(), HOLDER.toLowerCase(), 0);
            session.logIndexer().syncToHead();
            List<OwnedNft> owned = service.ownership().owned(HOLDER);
            long t1 = System.nanoTime();
            List<ResolvedMetadata> metadata = service.resolveAll(owned);
            long t2 = System.nanoTime();
            for (ResolvedMetadata m : metadata.subList(0, Math.min(SCREEN, metadata.size()))) {
                Thumbnails.render(service.image(m).bytes(), 160);
            }
            long t3 = System.nanoTime();
            if (owned.size() != count || metadata.stream().anyMatch(m -> m == null || !m.ok())) {
                throw new IllegalStateException("expected " + count + " resolved tokens, got " + owned.size());
            }
            return new Run((t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6);
        }
    }

    private static String mint(RpcClient rpc, int count) {
        String contract = send(rpc, null, ContractArtifact.load("HearthGallery").bytecode()
                + Abi.encodeArguments(List.of("string", "string", "address"), "Bench Gallery", "BNCH", DEV0)).path("contractAddress").asText();
        send(rpc, contract, Abi.encodeCall("setBaseURI(string)", "ipfs://meta/"));
        for (int done = 0; done < count; done += PER_TX) {
            send(rpc, contract, Abi.encodeCall("mintMany(address,uint256)", HOLDER, BigInteger.valueOf(Math.min(PER_TX, count - done))));
        }
        return contract;
    }

    private static JsonNode send(RpcClient rpc, String to, String data) {
        Map<String, String> tx = to == null ? Map.of("from", DEV0, "data", data, "gas", Hex.quantity(29_000_000))
                : Map.of("from", DEV0, "to", to, "data", data, "gas", Hex.quantity(29_000_000));
        String hash = rpc.call("eth_sendTransaction", tx).asText();
        rpc.call("evm_mine");
        JsonNode receipt = rpc.call("eth_getTransactionReceipt", hash);
        if (!"0x1".equals(receipt.path("status").asText())) {
            throw new IllegalStateException("bench setup transaction failed: " + hash);
        }
        return receipt;
    }

    /** /ipfs/meta/{id}: JSON naming /ipfs/img/{id}, a small SVG in a colour of its own. */
    private static HttpServer gateway(AtomicInteger served) throws java.io.IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.createContext("/ipfs/", exchange -> {
            served.incrementAndGet();
            String[] parts = exchange.getRequestURI().getPath().split("/");
            String id = parts[parts.length - 1];
            byte[] body = (parts[2].equals("meta")
                    ? "{\"name\":\"Bench #" + id + "\",\"image\":\"ipfs://img/" + id + "\",\"attributes\":[{\"trait_type\":\"n\",\"value\":" + id + "}]}"
                    : "<svg xmlns='http://www.w3.org/2000/svg' width='320' height='320'><rect width='320' height='320' fill='hsl("
                            + (Integer.parseInt(id) * 37 % 360) + ",70%,50%)'/><circle cx='160' cy='160' r='100' fill='white' fill-opacity='0.4'/></svg>")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        server.start();
        return server;
    }

    private static void resetPeaks() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long heapPeakMb() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum() >> 20;
    }
}
