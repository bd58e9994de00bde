package org.hearth.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.hearth.wallet.hd.AddressScheme;
import org.hearth.wallet.hd.DerivationPath;
import org.hearth.wallet.hd.HdKeyring;
import org.hearth.wallet.mnemonic.Mnemonic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** add-account and change-password without a window, on a real vault file (no chain needed). */
class WalletHeadlessCliTest {

    private static final String PASSWORD = "first long password";
    private static final String NEW_PASSWORD = "second long password";

    @TempDir
    Path dir;

    private Cli.Run hearth(String... args) {
        return Cli.run(dir.resolve("data"), args);
    }

    private Path file(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content);
    }

    @Test
    void addsAccountsAndChangesThePasswordFromFilesOnly() throws Exception {
        Path password = file("pw.txt", PASSWORD + "\n");
        Path newPassword = file("new-pw.txt", NEW_PASSWORD + "\n");
        Path phrase = dir.resolve("phrase.txt");
        assertEquals(0, hearth("wallet", "create", "--password-file", password.toString(), "--phrase-out", phrase.toString()).exit());
        HdKeyring keys = HdKeyring.fromMnemonic(Mnemonic.parse(Files.readString(phrase).strip()), "");

        Cli.Run next = hearth("wallet", "add-account", "--password-file", password.toString());
        assertEquals(0, next.exit(), next.err());
        assertEquals("1    " + keys.derive(AddressScheme.BIP44, 1).address() + " Account 2\n", next.out());
        Cli.Run typed = hearth("wallet", "add-account", "--path", "m/44'/60'/0'/0/7", "--label", "Cold", "--password-file", password.toString());
        assertEquals(0, typed.exit(), typed.err());
        assertEquals("7    " + keys.address(DerivationPath.parse("m/44'/60'/0'/0/7")) + " Cold\n", typed.out());
        Cli.Run again = hearth("wallet", "add-account", "--path", "m/44'/60'/0'/0/7", "--password-file", password.toString());
        assertEquals(1, again.exit());
        assertTrue(again.err().contains("is already an account of this wallet (Cold)"), again.err());
        Cli.Run badPath = hearth("wallet", "add-account", "--path", "m/44'/x", "--password-file", password.toString());
        assertEquals(1, badPath.exit());
        assertEquals(3, hearth("wallet", "accounts").out().lines().count());

        Cli.Run tooShort = hearth("wallet", "change-password", "--password-file", password.toString(),
                "--new-password-file", file("short.txt", "short\n").toString());
        assertEquals(1, tooShort.exit());
        assertTrue(tooShort.err().contains("at least 8 characters"), tooShort.err());
        Cli.Run change = hearth("wallet", "change-password", "--password-file", password.toString(), "--new-password-file", newPassword.toString());
        assertEquals(0, change.exit(), change.err());
        assertEquals("", change.out());
        assertEquals("Changed the wallet's password.", change.err().trim());

        Cli.Run oldOne = hearth("wallet", "add-account", "--password-file", password.toString());
        assertEquals(1, oldOne.exit());
        assertEquals("error: Wrong password", oldOne.err().trim());
        Cli.Run newOne = hearth("wallet", "add-account", "--password-file", newPassword.toString());
        assertEquals(0, newOne.exit(), newOne.err());
        assertEquals("2    " + keys.derive(AddressScheme.BIP44, 2).address() + " Account 3\n", newOne.out(), "the next free index");
        assertEquals(4, hearth("wallet", "accounts").out().lines().count(), "no account lost across the change");
        for (Cli.Run run : new Cli.Run[] {next, typed, again, tooShort, change, oldOne, newOne}) {
            assertFalse((run.out() + run.err()).contains(PASSWORD) || (run.out() + run.err()).contains(NEW_PASSWORD), "no password printed");
        }
    }

    @Test
    void withoutAWalletBothSaySo() throws Exception {
        Path password = file("pw.txt", PASSWORD);
        Cli.Run add = hearth("wallet", "add-account", "--password-file", password.toString());
        assertEquals(1, add.exit());
        assertTrue(add.err().contains("There is no wallet in this data dir yet"), add.err());
        Cli.Run change = hearth("wallet", "change-password", "--password-file", password.toString(), "--new-password-file", password.toString());
        assertEquals(1, change.exit());
        assertTrue(change.err().contains("There is no wallet in this data dir yet"), change.err());
    }
}
