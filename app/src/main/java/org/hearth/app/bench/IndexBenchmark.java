package org.hearth.app.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hearth.chain.ContractArtifact;
import org.hearth.chain.Hex;
import org.hearth.chain.RpcClient;
import org.hearth.config.DataDir;
import org.hearth.index.Erc20Transfers;
import org.hearth.index.LogIndexer;
import org.hearth.index.SyncProgress;
import org.hearth.node.AnvilLocator;
import org.hearth.node.LocalNode;
import org.hearth.node.LocalNodeConfig;
import org.hearth.store.Database;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Uint256;

/**
 * Log indexing benchmark: N ERC-20 Transfer events made on a fresh anvil by the TransferEmitter
 * contract (batches of 1,000 per transaction, two transactions per block), then indexed from block
 * 0 to the head by Hearth's LogIndexer into a fresh SQLite file (the ERC-20 subscriber watching the
 * sender: eth_getLogs by topic, parsed, stored in batches with checkpoints), beside ethers.js v6
 * {@code provider.getLogs} + {@code Interface.parseLog} into memory (bench/logs.mjs) for the same
 * filters in ranges of {@link #PEER_CHUNK} blocks, rounds interleaved. Prints median events/s and the machine's load. Run by bench/index-bench.sh; not a test.
 */
public final class IndexBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DEV0 = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";
    private static final String ALICE = "0x00000000000000000000000000000000000a11ce";
    private static final String BOB = "0x0000000000000000000000000000000000000b0b";
    private static final int PER_TX = 1_000;
    private static final int TX_PER_BLOCK = 2;
    /** Blocks per getLogs call on the ethers.js side: 8,000 logs a call here, as Hearth's adaptive ranges settle on. */
    private static final int PEER_CHUNK = 4;

    private IndexBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path script = Path.of(args.length > 2 ? args[2] : "bench/logs.mjs");
        Path work = Files.createTempDirectory("hearth-index-bench");
        LocalNode anvil = new LocalNode(new DataDir(work.resolve("node")), AnvilLocator.locate(),
                new LocalNodeConfig(3600, 3600, Duration.ofSeconds(30)));
        try {
            RpcClient rpc = new RpcClient(anvil.start().rpcUrl());
            long chainId = rpc.chainId();
            long made = emit(rpc, events);
            long head = rpc.blockNumber();

            Process node = new ProcessBuilder("node", script.toString(), rpc.endpoint().toString(), Integer.toString(PEER_CHUNK))
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            PrintWriter toNode = new PrintWriter(node.getOutputStream(), true, StandardCharsets.UTF_8);
            BufferedReader fromNode = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8));

            double[] javaMs = new double[rounds];
            double[] jsMs = new double[rounds];
            JsonNode js = null;
            for (int round = -1; round < rounds; round++) { // round -1 warms both up
                long start = System.nanoTime();
                Database db = Database.open(work.resolve("round" + (round + 1) + ".db"));
                LogIndexer indexer = new LogIndexer(rpc, chainId, db);
                Erc20Transfers transfers = new Erc20Transfers(db);
                indexer.watch(transfers, ALICE, 0);
                SyncProgress done = indexer.syncToHead();
                double ms = (System.nanoTime() - start) / 1e6;
                long stored = transfers.count(chainId);
                if (stored != made || done.events() != made) {
                    throw new IllegalStateException("Hearth stored " + stored + " events, " + made + " were made");
                }
                toNode.println("0 " + head + " " + ALICE);
                String line = fromNode.readLine();
                if (line == null) {
                    throw new IllegalStateException("The ethers.js side stopped (is bench/node_modules installed?)");
                }
                js = JSON.readTree(line);
                if (js.get("count").asLong() != made) {
                    throw new IllegalStateException("ethers.js parsed " + js.get("count") + " events, " + made + " were made");
                }
                if (round >= 0) {
                    javaMs[round] = ms;
                    jsMs[round] = js.get("ms").asDouble();
                }
            }
            toNode.close();
            node.waitFor();

            System.out.printf("%d ERC-20 Transfer events in %d blocks on anvil, indexed from block 0 to %d; median of %d rounds after a warm-up,"
                    + " rounds interleaved; %d CPU cores.%n", made, head, head, rounds, Runtime.getRuntime().availableProcessors());
            System.out.printf("%-76s %10s %12s%n", "", "median ms", "events/s");
            row("Hearth LogIndexer -> SQLite (Java " + Runtime.version().feature() + ")", median(javaMs), made);
            row("ethers.js " + js.get("ethers").asText() + " getLogs + parseLog -> memory (node " + js.get("node").asText() + ", "
                    + PEER_CHUNK + " blocks a call)",
                    median(jsMs), made);
            System.out.printf("load average over the last minute: %.1f%n", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            System.out.printf("ratio (ethers.js ms / Hearth ms): %.2fx; goal: at least 20,000 events/s into SQLite%n", median(jsMs) / median(javaMs));
        } finally {
            anvil.stop(Duration.ofSeconds(5));
        }
    }

    /** Emits {@code events} transfers ALICE -> BOB; returns how many were made. */
    private static long emit(RpcClient rpc, int events) {
        String hash = rpc.call("eth_sendTransaction", Map.of("from", DEV0, "data", ContractArtifact.load("TransferEmitter").bytecode(),
                "gas", Hex.quantity(1_000_000))).asText();
        rpc.call("evm_mine");
        String emitter = rpc.call("eth_getTransactionReceipt", hash).path("contractAddress").asText();
        long made = 0;
        int inBlock = 0;
        while (made < events) {
            int count = (int) Math.min(PER_TX, events - made);
            String data = FunctionEncoder.encode(new Function("emitTransfers", List.of(new Address(ALICE), new Address(BOB),
                    new Uint256(count), new Uint256(BigInteger.valueOf(made))), List.of()));
            Map<String, String> tx = new LinkedHashMap<>();
            tx.put("from", DEV0);
            tx.put("to", emitter);
            tx.put("data", data);
            tx.put("gas", Hex.quantity(60_000L + 2_500L * count));
            rpc.call("eth_sendTransaction", tx);
            made += count;
            if (++inBlock == TX_PER_BLOCK || made >= events) {
                rpc.call("evm_mine");
                inBlock = 0;
            }
        }
        return made;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static void row(String name, double ms, long events) {
        System.out.printf("%-76s %10.1f %12.0f%n", name, ms, events * 1000.0 / ms);
    }
}
