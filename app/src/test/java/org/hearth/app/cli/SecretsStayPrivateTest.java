package org.hearth.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.hearth.chain.RpcClient;
import org.hearth.wallet.hd.AddressScheme;
import org.hearth.wallet.hd.DerivationPath;
import org.hearth.wallet.hd.ExtendedKeys;
import org.hearth.wallet.hd.HdKeyring;
import org.hearth.wallet.mnemonic.Mnemonic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.utils.Numeric;

/**
 * The rule "secrets never reach logs, SQLite or exception messages", checked against the real program:
 * each step runs the {@code hearth} CLI as a child JVM on a real anvil, and everything it printed (stdout,
 * stderr, log lines, stack traces) plus every byte of the data dir afterwards (hearth.db and its -wal/-shm,
 * the vault and its side files, node.json, chain/anvil.log, anvil's state) is searched for the mnemonic
 * (any 3 consecutive words), the passphrase, the password (typed, NFKC and the other forms), the seeds,
 * the master and account xprv and the private keys of the first 25 accounts of every address scheme.
 * The vault and the keystore the CLI writes are searched too: they may hold these only as ciphertext.
 * Only the files the test hands the CLI as input, and the phrase file {@code wallet create} is asked to
 * write, hold secrets in clear.
 * <p>How this test was shown to fail (each change made, the test run, the change removed again):
 * <ul>
 * <li>{@code LoggerFactory.getLogger(...).info("restoring {}", mnemonic.phrase())} in
 *     {@code WalletRestoreCommand.call()}: failed with "wallet restore: stderr holds mnemonic (words 1-3)"
 *     and every other run of 3 (the slf4j line of the child JVM);</li>
 * <li>the next 3 words appended to {@code Mnemonic.parse}'s "not in the wordlist" message: failed with
 *     "wallet derive: stderr holds mnemonic (words 6-8)";</li>
 * <li>in {@code WalletSendCommand}, after unlocking, the NFKC password as TEXT and account 0's key as a
 *     BLOB inserted into a table of hearth.db: failed with "wallet send: hearth.db holds password (NFKC,
 *     UTF-8)" and "... holds private key BIP44 0 (raw bytes)".</li>
 * </ul>
 */
class SecretsStayPrivateTest {

    /** A BIP-39 test vector (24 words), not anvil's dev mnemonic, so anvil's own files cannot hold it by chance. */
    private static final String PHRASE = "void come effort suffer camp survey warrior heavy shoot primary clutch crush "
            + "open amazing screen patrol group space point ten exist slush involve unfold";
    private static final String PASSPHRASE = "Kalte Brötchen am Ofen 🍞";
    /** Full-width letters and a ligature: its NFKC form ("Pass word fire ...") differs from what was typed. */
    private static final String PASSWORD = "Ｐａｓｓ ｗｏｒｄ ﬁre – Ölkanne 42";
    /** The password {@code wallet change-password} moves to (and back from): a secret like the first. */
    private static final String NEW_PASSWORD = "Ｎｅｕｅｓ Kennwort ﬂink – 77";
    private static final String DEAD = "0x000000000000000000000000000000000000dEaD";
    private static final Pattern RPC_URL = Pattern.compile("at (http://\\S+) \\(pid");

    @TempDir
    Path dir;

    private final List<String> leaks = new ArrayList<>();
    private SecretScan scan;
    private final java.util.Set<Path> scanned = new java.util.HashSet<>();

    @AfterEach
    void stopNode() throws Exception {
        CliProcess.run(dir.resolve("data"), "node", "stop");
    }

    @Test
    void noSecretReachesOutputLogsOrTheDataDir() throws Exception {
        Mnemonic mnemonic = Mnemonic.parse(PHRASE);
        scan = secrets(mnemonic);
        Path data = dir.resolve("data");
        Path in = Files.createDirectories(dir.resolve("in")); // the secret inputs, never scanned
        Path words = write(in.resolve("words.txt"), PHRASE + "\n");
        Path passphrase = write(in.resolve("passphrase.txt"), PASSPHRASE + "\n");
        Path password = write(in.resolve("password.txt"), PASSWORD + "\n");
        Path wrongPassword = write(in.resolve("wrong.txt"), "Ｐａｓｓ ｗｏｒｄ ﬁre – Ölkanne 43\n");
        HdKeyring keyring = HdKeyring.fromMnemonic(mnemonic, PASSPHRASE);
        String account0 = keyring.derive(AddressScheme.BIP44, 0).address();
        Path key = write(in.resolve("key.txt"), Numeric.toHexStringWithPrefixZeroPadded(
                keyring.derive(AddressScheme.BIP44, 0).keyPair().getPrivateKey(), 64) + "\n");
        Path message = write(in.resolve("message.txt"), "Hearth login nonce 42\n");
        Path typed = write(in.resolve("mail.json"), typedData());
        Path keystore = dir.resolve("out").resolve("keystore.json");
        Files.createDirectories(keystore.getParent());

        // the scan finds each secret where it is in clear: the input files
        assertTrue(scan.find(Files.readAllBytes(words)).contains("mnemonic (words 22-24)"));
        assertTrue(scan.find(Files.readAllBytes(passphrase)).contains("passphrase (as typed, UTF-8)"));
        assertTrue(scan.find(Files.readAllBytes(password)).contains("password (as typed, UTF-8)"));
        assertTrue(scan.find(Files.readString(key).toUpperCase()).contains("private key BIP44 0 (hex)"));

        Cli.Run start = step(data, 0, "node", "start");
        Matcher url = RPC_URL.matcher(start.out());
        assertTrue(url.find(), start.out());
        // the passphrase makes these accounts new to anvil: give account 0 ether so restore finds it and send can spend
        new RpcClient(URI.create(url.group(1))).call("anvil_setBalance", account0, "0x56bc75e2d63100000");

        Cli.Run derive = step(data, 0, "wallet", "derive", "--mnemonic-file", words.toString(), "--passphrase-file", passphrase.toString());
        assertEquals(account0 + "\n", derive.out());
        Cli.Run restore = step(data, 0, "wallet", "restore", "--mnemonic-file", words.toString(),
                "--passphrase-file", passphrase.toString(), "--password-file", password.toString());
        assertTrue(restore.out().startsWith("0    " + account0), restore.out());
        step(data, 0, "wallet", "accounts");
        Cli.Run send = step(data, 0, "wallet", "send", "--from", account0, "--to", DEAD, "--amount", "0.25",
                "--password-file", password.toString(), "--yes");
        assertTrue(send.out().contains("status:          confirmed in block"), send.out());
        assertTrue(send.out().contains("warning:         First send to"), "wallet send prints the review's warnings: " + send.out());

        String signature = step(data, 0, "wallet", "sign-message", "--private-key-file", key.toString(),
                "--message-file", message.toString()).out().strip();
        step(data, 0, "wallet", "verify", "--address", account0, "--signature", signature, "--message-file", message.toString());
        String typedSignature = step(data, 0, "wallet", "sign-typed", "--private-key-file", key.toString(),
                "--data-file", typed.toString()).out().strip();
        step(data, 0, "wallet", "verify", "--address", account0, "--signature", typedSignature, "--data-file", typed.toString());
        step(data, 0, "keystore", "create", "--private-key-file", key.toString(), "--password-file", password.toString(),
                "--out", keystore.toString());
        scanFile("the keystore written", keystore);
        assertEquals(account0 + "\n", step(data, 0, "keystore", "inspect", "--file", keystore.toString(),
                "--password-file", password.toString()).out());

        // the vault's own export: a keystore (scanned: it may hold the key only encrypted) and the raw key,
        // the one intended plain copy, which goes to its file and nowhere else
        Path exported = dir.resolve("out").resolve("exported.json");
        step(data, 0, "wallet", "export", "--account", account0, "--password-file", password.toString(),
                "--keystore-out", exported.toString(), "--keystore-password-file", password.toString());
        scanFile("the keystore exported from the vault", exported);
        assertEquals(account0 + "\n", step(data, 0, "keystore", "inspect", "--file", exported.toString(),
                "--password-file", password.toString()).out());
        Path exportedKey = dir.resolve("out").resolve("exported-key.txt");
        step(data, 0, "wallet", "export", "--account", account0, "--password-file", password.toString(), "--key-out", exportedKey.toString());
        assertEquals(Files.readString(key), Files.readString(exportedKey));

        // headless parity: add accounts, change the password and back; no password and no key reaches output or the data dir
        Path newPassword = write(in.resolve("new-password.txt"), NEW_PASSWORD + "\n");
        Cli.Run added = step(data, 0, "wallet", "add-account", "--password-file", password.toString());
        assertEquals("1    " + keyring.derive(AddressScheme.BIP44, 1).address() + " Account 2\n", added.out());
        step(data, 0, "wallet", "add-account", "--path", "m/44'/60'/0'/0/9", "--label", "Savings", "--password-file", password.toString());
        step(data, 0, "wallet", "change-password", "--password-file", password.toString(), "--new-password-file", newPassword.toString());
        assertErr(step(data, 1, "wallet", "add-account", "--password-file", password.toString()), "Wrong password");
        step(data, 0, "wallet", "change-password", "--password-file", newPassword.toString(), "--new-password-file", password.toString());
        assertEquals(3, step(data, 0, "wallet", "accounts").out().lines().count());

        // wrong secrets: each is a clear error that names no secret
        assertErr(step(data, 1, "keystore", "inspect", "--file", keystore.toString(), "--password-file", wrongPassword.toString()), "password");
        assertErr(step(data, 1, "wallet", "send", "--from", account0, "--to", DEAD, "--amount", "0.25",
                "--password-file", wrongPassword.toString(), "--yes"), "Wrong password");
        Path unknownWord = write(in.resolve("unknown-word.txt"), PHRASE.replace("camp", "campfire") + "\n");
        assertErr(step(data, 1, "wallet", "derive", "--mnemonic-file", unknownWord.toString()), "Word 5 of the mnemonic is not in");
        Path badChecksum = write(in.resolve("bad-checksum.txt"), PHRASE.replace("unfold", "unfair") + "\n");
        assertErr(step(data, 1, "wallet", "derive", "--mnemonic-file", badChecksum.toString()), "checksum does not match");
        Path swapped = write(in.resolve("swapped.txt"), PHRASE.replace("void come", "come void") + "\n");
        assertErr(step(data, 1, "wallet", "derive", "--mnemonic-file", swapped.toString(), "--passphrase-file", passphrase.toString()),
                "checksum does not match");
        Path shortPassword = write(in.resolve("short.txt"), "Ｐａｓｓ\n");
        assertErr(step(data, 1, "keystore", "create", "--private-key-file", key.toString(), "--password-file", password.toString(),
                "--out", keystore.toString()), "exists already");
        assertErr(step(dir.resolve("data2"), 1, "wallet", "restore", "--mnemonic-file", words.toString(),
                "--password-file", shortPassword.toString()), "at least 8 characters");

        // a damaged vault: one byte of the ciphertext flipped
        Path vault = data.resolve("vault.hearth");
        byte[] bytes = Files.readAllBytes(vault);
        bytes[bytes.length - 40] ^= 0x01;
        Files.write(vault, bytes);
        Cli.Run damaged = step(data, 1, "wallet", "send", "--from", account0, "--to", DEAD, "--amount", "0.25",
                "--password-file", password.toString(), "--yes");
        assertTrue(damaged.err().startsWith("error: "), damaged.err());
        step(data, -1, "wallet", "accounts");

        // a wallet created by the CLI: its fresh phrase is a secret too, outside the phrase file it was asked to write
        Path data3 = dir.resolve("data3");
        Path phraseOut = dir.resolve("out").resolve("new-phrase.txt");
        Cli.Run create = CliProcess.run(data3, "wallet", "create", "--password-file", password.toString(), "--phrase-out", phraseOut.toString());
        assertEquals(0, create.exit(), create.err());
        scan = secrets(Mnemonic.parse(Files.readString(phraseOut).strip()));
        check("create", data3, create);

        // the scan saw the files that matter, not an empty dir
        for (String f : List.of("vault.hearth", "vault.hearth.attempts", "hearth.db", "chain/node.json", "chain/anvil.log", "chain/state.json")) {
            assertTrue(scanned.contains(data.resolve(f)), f + " was not scanned: " + scanned);
        }
        assertTrue(leaks.isEmpty(), "secrets found:\n" + String.join("\n", leaks));
    }

    /** Runs one command, checks its exit code ({@code -1}: any) and scans what it printed and the whole data dir. */
    private Cli.Run step(Path dataDir, int exit, String... args) throws Exception {
        Cli.Run run = CliProcess.run(dataDir, args);
        String name = String.join(" ", args[0], args[1]);
        if (exit >= 0) {
            assertEquals(exit, run.exit(), name + ":\n" + run.out() + run.err());
        }
        check(name, dataDir, run);
        return run;
    }

    private void check(String step, Path dataDir, Cli.Run run) throws IOException {
        scan.find(run.out()).forEach(s -> leaks.add(step + ": stdout holds " + s));
        scan.find(run.err()).forEach(s -> leaks.add(step + ": stderr holds " + s));
        if (Files.isDirectory(dataDir)) {
            try (Stream<Path> files = Files.walk(dataDir)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    scanFile(step + ": " + dataDir.relativize(f), f);
                }
            }
        }
    }

    private void scanFile(String where, Path file) throws IOException {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (java.nio.file.NoSuchFileException gone) {
            return; // a -journal or temp file removed between the listing and the read
        }
        scanned.add(file);
        scan.find(content).forEach(s -> leaks.add(where + " holds " + s));
    }

    private static void assertErr(Cli.Run run, String expected) {
        assertTrue(run.err().startsWith("error: ") && run.err().contains(expected), run.err());
    }

    /** Every form of every secret this wallet has: phrase, passphrase, password, seeds, xprv, account keys. */
    private static SecretScan secrets(Mnemonic mnemonic) {
        SecretScan s = new SecretScan().mnemonic("mnemonic", mnemonic.words()).text("passphrase", PASSPHRASE).text("password", PASSWORD)
                .text("new password", NEW_PASSWORD);
        for (String passphrase : List.of(PASSPHRASE, "")) {
            String which = passphrase.isEmpty() ? " (no passphrase)" : "";
            s.bytes("seed" + which, mnemonic.toSeed(passphrase));
            HdKeyring keyring = HdKeyring.fromMnemonic(mnemonic, passphrase);
            s.text("master xprv" + which, ExtendedKeys.xprv(keyring.node(DerivationPath.parse("m"))));
            s.text("account xprv" + which, ExtendedKeys.xprv(keyring.node(DerivationPath.parse("m/44'/60'/0'"))));
            for (AddressScheme scheme : AddressScheme.values()) {
                for (int i = 0; i < 25; i++) {
                    BigInteger k = keyring.derive(scheme, i).keyPair().getPrivateKey();
                    s.bytes("private key " + scheme + " " + i + which, Numeric.toBytesPadded(k, 32));
                }
            }
        }
        return s;
    }

    private static Path write(Path file, String content) throws IOException {
        return Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    private static String typedData() throws IOException {
        try (InputStream res = SecretsStayPrivateTest.class.getResourceAsStream("/vectors/eip712-mail.json")) {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(res).get("typedData").toString();
        }
    }
}
