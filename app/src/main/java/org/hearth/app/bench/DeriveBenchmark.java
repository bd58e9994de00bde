package org.hearth.app.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hearth.wallet.hd.AddressScheme;
import org.hearth.wallet.hd.HdKeyring;
import org.hearth.wallet.mnemonic.Mnemonic;
import org.hearth.wallet.mnemonic.MnemonicLength;

/**
 * Derives N addresses (m/44'/60'/0'/0/i) from one fresh mnemonic with Hearth, then has ethers.js v6
 * (bench/derive.mjs, run by node) do the same in the same run, checks that both lists are equal and
 * prints time and addresses/s for each with the ratio. Each round starts from the phrase (seed included).
 * Run by bench/derive-bench.sh; not part of the test suite.
 */
public final class DeriveBenchmark {

    private DeriveBenchmark() {
    }

    record Timing(double coldMs, double[] ms, List<String> addresses) {
        double median() {
            double[] sorted = ms.clone();
            Arrays.sort(sorted);
            return sorted[sorted.length / 2];
        }
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        Path script = Path.of(args.length > 3 ? args[3] : "bench/derive.mjs");
        String phrase = Mnemonic.generate(MnemonicLength.TWELVE, new SecureRandom()).phrase();

        Timing sequential = hearth(phrase, count, warmup, rounds, false);
        Timing parallel = hearth(phrase, count, warmup, rounds, true);
        JsonNode js = ethers(script, phrase, count, warmup, rounds);
        List<String> jsAddresses = new ArrayList<>();
        js.get("addresses").forEach(a -> jsAddresses.add(a.asText()));
        double[] jsMs = new double[js.get("ms").size()];
        for (int i = 0; i < jsMs.length; i++) {
            jsMs[i] = js.get("ms").get(i).asDouble();
        }
        Timing ethers = new Timing(js.get("coldMs").asDouble(), jsMs, jsAddresses);

        System.out.printf("Derive %d addresses (m/44'/60'/0'/0/i) from one fresh 12-word mnemonic, seed included;%n", count);
        System.out.printf("median of %d rounds after %d warm-up rounds (first, cold round shown apart). %d CPU cores.%n",
                rounds, warmup, Runtime.getRuntime().availableProcessors());
        System.out.printf("%-34s %10s %12s %12s%n", "", "median ms", "addresses/s", "cold ms");
        row("Hearth (Java " + Runtime.version().feature() + ", 1 thread)", sequential, count);
        row("Hearth (Java, all cores)", parallel, count);
        row("ethers.js " + js.get("ethers").asText() + " (node " + js.get("node").asText() + ")", ethers, count);
        System.out.printf("ratio: Hearth is %.1fx as fast as ethers.js on 1 thread, %.1fx on all cores (cold: %.1fx)%n",
                ethers.median() / sequential.median(), ethers.median() / parallel.median(), ethers.coldMs() / sequential.coldMs());
        boolean match = sequential.addresses().equals(ethers.addresses()) && parallel.addresses().equals(ethers.addresses());
        System.out.println(match ? "addresses match (" + count + "/" + count + ")" : "ADDRESSES DIFFER");
        if (!match) {
            System.exit(1);
        }
    }

    private static void row(String name, Timing t, int count) {
        System.out.printf("%-34s %10.1f %12.0f %12.1f%n", name, t.median(), count * 1000.0 / t.median(), t.coldMs());
    }

    private static Timing hearth(String phrase, int count, int warmup, int rounds, boolean parallel) {
        long start = System.nanoTime();
        List<String> first = derive(phrase, count, parallel);
        double cold = (System.nanoTime() - start) / 1e6;
        for (int i = 0; i < warmup; i++) {
            derive(phrase, count, parallel);
        }
        double[] ms = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            long t = System.nanoTime();
            derive(phrase, count, parallel);
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        return new Timing(cold, ms, first);
    }

    private static List<String> derive(String phrase, int count, boolean parallel) {
        return HdKeyring.fromMnemonic(Mnemonic.parse(phrase), "").addresses(AddressScheme.BIP44, 0, count, parallel);
    }

    private static JsonNode ethers(Path script, String phrase, int count, int warmup, int rounds) throws IOException, InterruptedException {
        Process node = new ProcessBuilder("node", script.toString(), String.valueOf(count), String.valueOf(warmup), String.valueOf(rounds))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (var in = node.getOutputStream()) {
            in.write(phrase.getBytes(StandardCharsets.UTF_8));
        }
        byte[] out = node.getInputStream().readAllBytes();
        if (!node.waitFor(10, TimeUnit.MINUTES) || node.exitValue() != 0) {
            throw new IllegalStateException("The ethers.js side failed (exit " + node.exitValue() + ")");
        }
        return new ObjectMapper().readTree(out);
    }
}
