package org.hearth.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.hearth.wallet.mnemonic.Mnemonic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** wallet create / restore / accounts / send against a real anvil and a real vault file. */
class WalletVaultCliTest {

    @TempDir
    Path dir;


    private Cli.Run hearth(String... args) {
        return Cli.run(dir.resolve("data"), args);
    }

    @AfterEach
    void stopNode() {
        hearth("node", "stop");
    }

    private Path file(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content);
    }

    @Test
    void restoreListsTheUsedAccountsAndSendConfirms() throws Exception {
        Path words = file("words.txt", "test test test test test test test test test test test junk\n");
        Path password = file("password.txt", "correct horse battery\n");
        Cli.Run restore = hearth("wallet", "restore", "--mnemonic-file", words.toString(), "--password-file", password.toString());
        assertEquals(0, restore.exit(), restore.err());
        assertEquals(10, restore.out().lines().count(), restore.out());

        Cli.Run accounts = hearth("wallet", "accounts");
        assertTrue(accounts.out().startsWith("0    0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266 Account 1"), accounts.out());

        Cli.Run send = hearth("wallet", "send", "--from", "0x70997970C51812dc3A010C7d01b50e0d17dc79C8",
                "--to", "0x000000000000000000000000000000000000dEaD", "--amount", "0.5", "--password-file", password.toString(), "--yes");
        assertEquals(0, send.exit(), send.err() + send.out());
        assertTrue(send.out().contains("amount:          0.5 ETH"), send.out());
        assertTrue(send.out().contains("status:          confirmed in block"), send.out());

        Cli.Run wrong = hearth("wallet", "send", "--from", "0x70997970C51812dc3A010C7d01b50e0d17dc79C8",
                "--to", "0x000000000000000000000000000000000000dEaD", "--amount", "0.5",
                "--password-file", file("bad.txt", "not the password").toString(), "--yes");
        assertEquals(1, wrong.exit());
        assertEquals("error: Wrong password", wrong.err().trim());
        // the wrong password was recorded beside the vault, so the next run owes a delay and says why it pauses;
        // the record is re-stamped in the future (as after the clock was set back) so exactly 1 s is owed however slow this machine is
        Path attempts = dir.resolve("data").resolve("vault.hearth.attempts");
        assertTrue(Files.readString(attempts).startsWith("{\"failures\":1,"), Files.readString(attempts));
        Files.writeString(attempts, "{\"failures\":1,\"lastFailureEpochMilli\":" + (System.currentTimeMillis() + 3_600_000) + "}");
        Cli.Run wrongAgain = hearth("wallet", "send", "--from", "0x70997970C51812dc3A010C7d01b50e0d17dc79C8",
                "--to", "0x000000000000000000000000000000000000dEaD", "--amount", "0.5",
                "--password-file", dir.resolve("bad.txt").toString(), "--yes");
        assertEquals(1, wrongAgain.exit());
        assertEquals("Waiting 1 s after earlier wrong passwords...\nerror: Wrong password", wrongAgain.err().trim());

        Cli.Run again = hearth("wallet", "restore", "--mnemonic-file", words.toString(), "--password-file", password.toString());
        assertEquals(1, again.exit());
        assertTrue(again.err().contains("already has a wallet"), again.err());
    }

    @Test
    void exportWritesTheKeyOrAKeystoreToANewPrivateFileOnly() throws Exception {
        Path password = file("password.txt", "correct horse battery\n");
        Cli.Run restore = hearth("wallet", "restore", "--mnemonic-file",
                file("words.txt", "test test test test test test test test test test test junk\n").toString(),
                "--password-file", password.toString());
        assertEquals(0, restore.exit(), restore.err());
        String account0 = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";

        Path key = dir.resolve("key.txt");
        Cli.Run raw = hearth("wallet", "export", "--account", account0.toLowerCase(), "--password-file", password.toString(),
                "--key-out", key.toString());
        assertEquals(0, raw.exit(), raw.err());
        assertEquals("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80", Files.readString(key).trim(), "anvil's key 0");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
        assertEquals("", raw.out(), "the key goes to the file, never to the terminal");
        assertTrue(raw.err().startsWith("Wrote the key of " + account0), raw.err());

        Cli.Run twice = hearth("wallet", "export", "--account", account0, "--password-file", password.toString(), "--key-out", key.toString());
        assertEquals(1, twice.exit());
        assertTrue(twice.err().contains("already exists; nothing was written"), twice.err());

        Path keystore = dir.resolve("account0.json");
        Path keystorePassword = file("keystore-password.txt", "another long one\n");
        Cli.Run json = hearth("wallet", "export", "--account", account0, "--password-file", password.toString(),
                "--keystore-out", keystore.toString(), "--keystore-password-file", keystorePassword.toString());
        assertEquals(0, json.exit(), json.err());
        Cli.Run inspect = hearth("keystore", "inspect", "--file", keystore.toString(), "--password-file", keystorePassword.toString());
        assertEquals(account0, inspect.out().trim(), inspect.err());

        Cli.Run both = hearth("wallet", "export", "--account", account0, "--password-file", password.toString(),
                "--key-out", dir.resolve("k2.txt").toString(), "--keystore-out", dir.resolve("k2.json").toString(),
                "--keystore-password-file", keystorePassword.toString());
        assertEquals(2, both.exit(), "one target at a time: " + both.err());
        Cli.Run stranger = hearth("wallet", "export", "--account", "0x000000000000000000000000000000000000dEaD",
                "--password-file", password.toString(), "--key-out", dir.resolve("k3.txt").toString());
        assertEquals(1, stranger.exit());
        assertTrue(stranger.err().contains("No account 0x000000000000000000000000000000000000dEaD in this wallet"), stranger.err());
        Cli.Run wrong = hearth("wallet", "export", "--account", account0, "--password-file", file("bad.txt", "not the password").toString(),
                "--key-out", dir.resolve("k4.txt").toString());
        assertEquals(1, wrong.exit());
        assertEquals("error: Wrong password", wrong.err().trim());
        assertTrue(Files.notExists(dir.resolve("k2.txt")) && Files.notExists(dir.resolve("k3.txt")) && Files.notExists(dir.resolve("k4.txt")),
                "a refused export writes nothing");
    }

    @Test
    void createWritesThePhraseToAPrivateFileOnly() throws Exception {
        Path phrase = dir.resolve("phrase.txt");
        Cli.Run create = hearth("wallet", "create", "--password-file", file("pw.txt", "a long password").toString(),
                "--phrase-out", phrase.toString(), "--words", "24");
        assertEquals(0, create.exit(), create.err());
        String words = Files.readString(phrase).trim();
        assertEquals(24, Mnemonic.parse(words).size());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(phrase)));
        assertTrue(!create.out().contains(words.split(" ")[0] + " " + words.split(" ")[1]), "the phrase is not printed");
        assertTrue(create.out().startsWith("0    0x"), create.out());
    }
}
