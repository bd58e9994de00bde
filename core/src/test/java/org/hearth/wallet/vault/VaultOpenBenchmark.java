package org.hearth.wallet.vault;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.web3j.crypto.Bip32ECKeyPair;
import org.web3j.crypto.Keys;
import org.web3j.crypto.MnemonicUtils;

/**
 * Benchmark (not a test): "open a vault holding 200 accounts", beside ethers.js v6 measured in the
 * same run by bench/vault/open-200.mjs (its JSON output is the first argument). Run it with
 * {@code bench/vault-bench.sh}. Args: ethers-json-file [runs].
 */
public final class VaultOpenBenchmark {

    private static final String WORDS = "test test test test test test test test test test test junk";
    private static final char[] PASSWORD = "benchmark password".toCharArray();
    private static final int ACCOUNTS = 200;
    private static final int H = 0x8000_0000;

    private VaultOpenBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        JsonNode ethers = new ObjectMapper().readTree(Files.readString(Path.of(args[0])));
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path dir = Files.createTempDirectory("hearth-vault-bench");
        List<VaultAccount> accounts = deriveAccounts();
        Vault.inDataDir(dir).create(PASSWORD, List.of(VaultSecret.mnemonic("seed-1", WORDS.toCharArray(), null)),
                new PublicData(accounts, List.of())).close();
        long fileBytes = Files.size(dir.resolve(Vault.FILE_NAME));

        double[] list = new double[21];
        for (int i = 0; i < list.length; i++) { // each from a fresh Vault object, as when the app starts
            long t0 = System.nanoTime();
            int listed = Vault.inDataDir(dir).readPublic().accounts().size();
            list[i] = ms(t0);
            check(listed == ACCOUNTS, "listed " + listed);
        }
        double[] unlock = new double[runs + 1];
        for (int i = 0; i < unlock.length; i++) {
            long t0 = System.nanoTime();
            try (UnlockedVault open = Vault.inDataDir(dir).unlock(PASSWORD)) {
                check(open.publicData().accounts().size() == ACCOUNTS, "unlocked accounts");
            }
            unlock[i] = ms(t0);
        }
        double[] decrypt = values(ethers.get("decryptMs"));
        double[] derive = values(ethers.get("deriveMs"));
        double[] ethersOpen = new double[decrypt.length];
        for (int i = 0; i < decrypt.length; i++) {
            ethersOpen[i] = decrypt[i] + derive[i];
        }
        boolean sameAddresses = accounts.getFirst().address().equals(ethers.get("first").asText())
                && accounts.getLast().address().equals(ethers.get("last").asText());
        VaultParams p = VaultParams.DEFAULT;
        String ours = "Argon2id " + p.memoryKiB() / 1024 + " MiB, t=" + p.iterations() + ", p=" + p.parallelism();
        String theirs = ethers.get("kdf").asText();

        System.out.printf(Locale.ROOT, "Open a vault holding %d accounts (mnemonic \"test ... junk\"; vault file %,d bytes)%n", ACCOUNTS, fileBytes);
        System.out.printf(Locale.ROOT, "Hearth: Java %s; ethers.js %s on Node %s; same machine, same run; median of warm runs (cold run)%n",
                Runtime.version(), ethers.get("ethers").asText(), ethers.get("node").asText());
        System.out.printf(Locale.ROOT, "  same 200 addresses on both sides: %s%n%n", sameAddresses ? "yes" : "NO");
        row("Hearth: list 200 accounts, no password (public section)", list, "ms");
        row("Hearth: unlock (" + ours + ") + 200 accounts", unlock, "ms");
        row("ethers: Wallet.fromEncryptedJson (" + theirs + ")", decrypt, "ms");
        row("ethers: derive 200 accounts (HDNodeWallet.deriveChild)", derive, "ms");
        row("ethers: open = decrypt + derive 200", ethersOpen, "ms");
        System.out.println();
        System.out.printf(Locale.ROOT, "  accounts on screen after the password, ethers derive-200 / Hearth list-200: %.0fx%n",
                median(derive) / median(list));
        System.out.printf(Locale.ROOT, "  accounts on screen before any password: Hearth %.1f ms; ethers cannot (it must decrypt first)%n",
                median(list));
        System.out.printf(Locale.ROOT, "  whole open, ethers / Hearth: %.2fx (default KDFs differ in cost: %s vs %s)%n",
                median(ethersOpen) / median(unlock), ours, theirs);
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Files.delete(dir);
    }

    /** The 200 default-path accounts (web3j, only to fill the vault; not timed). */
    private static List<VaultAccount> deriveAccounts() {
        Bip32ECKeyPair master = Bip32ECKeyPair.generateKeyPair(MnemonicUtils.generateSeed(WORDS, ""));
        Bip32ECKeyPair parent = Bip32ECKeyPair.deriveKeyPair(master, new int[] {44 | H, 60 | H, H, 0});
        List<VaultAccount> accounts = new ArrayList<>();
        for (int i = 0; i < ACCOUNTS; i++) {
            Bip32ECKeyPair child = Bip32ECKeyPair.deriveKeyPair(parent, new int[] {i});
            String address = Keys.toChecksumAddress(Keys.getAddress(child.getPublicKey()));
            accounts.add(new VaultAccount(address, "Account " + (i + 1), "m/44'/60'/0'/0/" + i, i, "seed-1", false));
        }
        return accounts;
    }

    private static void row(String what, double[] cold0ThenWarm, String unit) {
        System.out.printf(Locale.ROOT, "  %-66s %10.2f %s  (cold %.2f %s)%n", what, median(cold0ThenWarm), unit, cold0ThenWarm[0], unit);
    }

    /** Median of the warm runs (index 0 is the cold run). */
    private static double median(double[] cold0ThenWarm) {
        double[] warm = Arrays.copyOfRange(cold0ThenWarm, 1, cold0ThenWarm.length);
        Arrays.sort(warm);
        int n = warm.length;
        return n % 2 == 1 ? warm[n / 2] : (warm[n / 2 - 1] + warm[n / 2]) / 2;
    }

    private static double[] values(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asDouble();
        }
        return out;
    }

    private static double ms(long start) {
        return (System.nanoTime() - start) / 1e6;
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException("benchmark self-check failed: " + what);
        }
    }
}
