package org.hearth.app.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.hearth.chain.ContractArtifact;
import org.hearth.chain.Hex;
import org.hearth.chain.RpcClient;
import org.hearth.chain.abi.Abi;
import org.hearth.config.DataDir;
import org.hearth.node.AnvilLocator;
import org.hearth.node.LocalNode;
import org.hearth.node.LocalNodeConfig;
import org.hearth.tokens.BalanceReader;
import org.hearth.tokens.Token;
import org.hearth.tokens.TokenBalance;

/**
 * Token balances benchmark: N ERC-20 tokens on a fresh anvil (one PlainToken deployed, its code
 * copied to N-1 more addresses), the balances of one account read by Hearth's BalanceReader
 * (Multicall3 aggregate3, round trips counted by a loopback proxy) beside ethers.js v6 with one
 * eth_call per token (bench/balances.mjs), rounds interleaved. Run by bench/balances-bench.sh; not a test.
 */
public final class BalancesBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DEV0 = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";
    private static final String HOLDER = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";

    private BalancesBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path script = Path.of(args.length > 2 ? args[2] : "bench/balances.mjs");
        Path work = Files.createTempDirectory("hearth-balances-bench");
        LocalNode anvil = new LocalNode(new DataDir(work.resolve("node")), AnvilLocator.locate(),
                new LocalNodeConfig(3600, 3600, Duration.ofSeconds(30)));
        try {
            RpcClient rpc = new RpcClient(anvil.start().rpcUrl());
            String multicall = deploy(rpc, ContractArtifact.load("Multicall3").bytecode());
            String first = deploy(rpc, ContractArtifact.load("PlainToken").bytecode() + Abi.encodeArguments(
                    List.of("string", "string", "uint256", "address", "uint256"), "Bench", "BNCH", 18L, HOLDER, BigInteger.TEN.pow(21)));
            String code = rpc.call("eth_getCode", first, "latest").asText();
            List<Token> tokens = new ArrayList<>();
            tokens.add(new Token(31337, first, "Bench", "BNCH", 18, Token.Source.USER, false));
            for (int i = 1; i < count; i++) {
                String a = String.format(Locale.ROOT, "0x%040x", 0x5000_0000L + i);
                rpc.call("anvil_setCode", a, code);
                tokens.add(new Token(31337, a, "Copy", "C" + i, 18, Token.Source.USER, false));
            }
            AtomicInteger trips = new AtomicInteger();
            HttpServer proxy = countingProxy(rpc.endpoint(), trips);
            Process node = new ProcessBuilder("node", script.toString(), rpc.endpoint().toString(), HOLDER)
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            PrintWriter toNode = new PrintWriter(node.getOutputStream(), true, StandardCharsets.UTF_8);
            BufferedReader fromNode = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8));
            String list = String.join(",", tokens.stream().map(Token::address).toList());
            double[] javaMs = new double[rounds];
            double[] jsMs = new double[rounds];
            int javaTrips = 0;
            JsonNode js = null;
            try (RpcClient counted = new RpcClient(URI.create("http://127.0.0.1:" + proxy.getAddress().getPort() + "/"))) {
                BalanceReader reader = new BalanceReader(counted, multicall);
                for (int round = -1; round < rounds; round++) { // round -1 warms both up
                    trips.set(0);
                    long start = System.nanoTime();
                    List<TokenBalance> got = reader.balances(HOLDER, tokens);
                    double ms = (System.nanoTime() - start) / 1e6;
                    if (got.size() != count || !got.getFirst().balance().equals(BigInteger.TEN.pow(21))) {
                        throw new IllegalStateException("wrong balances");
                    }
                    javaTrips = trips.get();
                    toNode.println(list);
                    js = JSON.readTree(fromNode.readLine());
                    if (round >= 0) {
                        javaMs[round] = ms;
                        jsMs[round] = js.get("ms").asDouble();
                    }
                }
            }
            toNode.close();
            node.waitFor();
            proxy.stop(0);
            System.out.printf("%d ERC-20 balances of one account on anvil; median of %d rounds after a warm-up%n", count, rounds);
            System.out.printf("%-64s %12s %10s%n", "", "round trips", "median ms");
            System.out.printf("%-64s %12d %10.1f%n", "Hearth BalanceReader (Multicall3 aggregate3, Java " + Runtime.version().feature() + ")",
                    javaTrips, median(javaMs));
            System.out.printf("%-64s %12d %10.1f%n", "ethers.js " + js.get("ethers").asText() + " one eth_call per token (node "
                    + js.get("node").asText() + ")", js.get("trips").asInt(), median(jsMs));
            System.out.printf("load average over the last minute: %.1f%n",
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            System.out.println("goal: at most 2 round trips and at most 300 ms for 500 tokens");
        } finally {
            anvil.stop(Duration.ofSeconds(5));
        }
    }

    private static String deploy(RpcClient rpc, String data) {
        String hash = rpc.call("eth_sendTransaction", Map.of("from", DEV0, "data", data, "gas", Hex.quantity(5_000_000))).asText();
        rpc.call("evm_mine");
        return rpc.call("eth_getTransactionReceipt", hash).path("contractAddress").asText();
    }

    /** A loopback pass-through that counts HTTP requests (round trips) to {@code upstream}. */
    private static HttpServer countingProxy(URI upstream, AtomicInteger trips) throws java.io.IOException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            trips.incrementAndGet();
            byte[] request = exchange.getRequestBody().readAllBytes();
            byte[] body;
            try {
                body = http.send(HttpRequest.newBuilder(upstream).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(request)).build(), HttpResponse.BodyHandlers.ofByteArray()).body();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.IOException(e);
            }
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return server;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
