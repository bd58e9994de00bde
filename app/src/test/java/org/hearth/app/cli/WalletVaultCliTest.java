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
