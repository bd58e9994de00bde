package org.hearth.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.hearth.chain.Addresses;
import org.hearth.wallet.KeyExport;
import org.hearth.wallet.WalletService;
import org.hearth.wallet.vault.UnlockedVault;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hearth wallet export}: one account's key, as a Keystore V3 file or as raw hex, written to a
 * new file only its owner can read. Never to the terminal, so the key does not land in scrollback.
 */
@Command(name = "export", description = "Export an account's key to a new file: a Keystore V3 JSON (--keystore-out) or the raw"
        + " private key (--key-out). Anyone with the file (and, for a keystore, its password) controls the account.")
public final class WalletExportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--account", required = true, paramLabel = "ADDRESS")
    String account;

    @Option(names = "--password-file", required = true, paramLabel = "FILE", description = "The wallet's password.")
    Path passwordFile;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    static final class Target {
        @Option(names = "--key-out", paramLabel = "FILE", description = "Write the raw private key (0x hex) here.")
        Path keyOut;

        @ArgGroup(exclusive = false)
        KeystoreTarget keystore;
    }

    static final class KeystoreTarget {
        @Option(names = "--keystore-out", required = true, paramLabel = "FILE", description = "Write a Keystore V3 JSON here.")
        Path file;

        @Option(names = "--keystore-password-file", required = true, paramLabel = "FILE",
                description = "The password for the keystore (at least 8 characters).")
        Path passwordFile;
    }

    @Override
    public Integer call() throws Exception {
        WalletService wallet = new WalletContext(spec).wallet();
        String address = Addresses.checksummed(account);
        char[] password = WalletFiles.password(passwordFile);
        Path out;
        try (UnlockedVault open = wallet.unlock(password)) {
            KeyExport export = new KeyExport(wallet);
            if (target.keyOut != null) {
                out = target.keyOut;
                WalletFiles.writePrivate(out, export.privateKeyHex(open, address, password) + "\n");
            } else {
                out = target.keystore.file;
                String keystorePassword = SecretFiles.secret(target.keystore.passwordFile, "keystore password");
                WalletFiles.writePrivate(out, export.keystore(open, address, password, keystorePassword));
            }
        } finally {
            java.util.Arrays.fill(password, '\0');
        }
        PrintWriter err = spec.commandLine().getErr();
        err.println("Wrote the key of " + address + " to " + out + " (readable by you only). Keep it offline; anyone with it"
                + (target.keyOut != null ? "" : " and its password") + " controls the account.");
        err.flush();
        return 0;
    }
}
