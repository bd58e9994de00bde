package org.hearth.app.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.hearth.wallet.hd.AddressScheme;
import org.hearth.wallet.hd.HdKeyring;
import org.hearth.wallet.mnemonic.Mnemonic;
import org.hearth.wallet.mnemonic.MnemonicLength;

/**
 * Derives N addresses (m/44'/60'/0'/0/i) from one fresh mnemonic with Hearth (one thread, then all cores)
 * and with ethers.js v6 (bench/derive.mjs under node), rounds interleaved so all three see the same
 * machine load; checks that the address lists are equal and prints median ms, addresses/s and ratios.
 * Each round starts from the phrase (seed included). Run by bench/derive-bench.sh; not part of the tests.
 */
public final class DeriveBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DeriveBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        Path script = Path.of(args.length > 3 ? args[3] : "bench/derive.mjs");
        String phrase = Mnemonic.generate(MnemonicLength.TWELVE, new SecureRandom()).phrase();

        Process node = new ProcessBuilder("node", script.toString(), String.valueOf(count))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        PrintWriter toNode = new PrintWriter(node.getOutputStream(), true, StandardCharsets.UTF_8);
        BufferedReader fromNode = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8));
        toNode.println(phrase);

        List<String> sequential = new ArrayList<>();
        List<String> parallel = new ArrayList<>();
        double[] coldJava = new double[1];
        JsonNode coldJs = null;
        double[][] ms = new double[3][rounds];
        for (int round = -1; round < warmup + rounds; round++) {
            boolean first = round == -1;
            double seq = time(() -> derive(phrase, count, false), first ? sequential : null);
            double par = time(() -> derive(phrase, count, true), first ? parallel : null);
            toNode.println(first ? "addresses" : "time");
            String line = fromNode.readLine();
            if (line == null) {
                throw new IllegalStateException("The ethers.js side stopped (is bench/node_modules installed?)");
            }
            JsonNode js = JSON.readTree(line);
            if (first) {
                coldJava[0] = seq;
                coldJs = js;
            } else if (round >= warmup) {
                ms[0][round - warmup] = seq;
                ms[1][round - warmup] = par;
                ms[2][round - warmup] = js.get("ms").asDouble();
            }
        }
        toNode.close();
        node.waitFor();

        List<String> ethers = new ArrayList<>();
        coldJs.get("addresses").forEach(a -> ethers.add(a.asText()));
        System.out.printf("Derive %d addresses (m/44'/60'/0'/0/i) from one fresh 12-word mnemonic, seed included.%n", count);
        System.out.printf("Median of %d rounds after %d warm-up rounds, Hearth and ethers.js rounds interleaved; %d CPU cores.%n",
                rounds, warmup, Runtime.getRuntime().availableProcessors());
        System.out.printf("%-36s %10s %12s%n", "", "median ms", "addresses/s");
        String ethersName = "ethers.js " + coldJs.get("ethers").asText() + " (node " + coldJs.get("node").asText() + ")";
        row("Hearth (Java " + Runtime.version().feature() + ", 1 thread)", median(ms[0]), count);
        row("Hearth (Java " + Runtime.version().feature() + ", all cores)", median(ms[1]), count);
        row(ethersName, median(ms[2]), count);
        System.out.printf("ratio (ethers.js ms / Hearth ms): %.1fx on 1 thread, %.1fx on all cores%n",
                median(ms[2]) / median(ms[0]), median(ms[2]) / median(ms[1]));
        System.out.printf("first (cold) round: Hearth %.0f ms, ethers.js %.0f ms (ratio %.1fx)%n",
                coldJava[0], coldJs.get("ms").asDouble(), coldJs.get("ms").asDouble() / coldJava[0]);
        boolean match = sequential.equals(ethers) && parallel.equals(ethers);
        System.out.println(match ? "addresses match (" + count + "/" + count + ")" : "ADDRESSES DIFFER");
        if (!match) {
            System.exit(1);
        }
    }

    private static double time(Supplier<List<String>> work, List<String> keep) {
        long start = System.nanoTime();
        List<String> result = work.get();
        double ms = (System.nanoTime() - start) / 1e6;
        if (keep != null) {
            keep.addAll(result);
        }
        return ms;
    }

    private static List<String> derive(String phrase, int count, boolean parallel) {
        return HdKeyring.fromMnemonic(Mnemonic.parse(phrase), "").addresses(AddressScheme.BIP44, 0, count, parallel);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static void row(String name, double ms, int count) {
        System.out.printf("%-36s %10.1f %12.0f%n", name, ms, count * 1000.0 / ms);
    }
}
