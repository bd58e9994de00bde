package org.hearth.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.hearth.config.OwnerOnlyFiles;
import org.hearth.wallet.WalletService;
import org.hearth.wallet.vault.PublicData;
import org.hearth.wallet.vault.VaultAccount;

/** Helpers the wallet commands share: passwords from files, listing accounts, writing a secret file. */
final class WalletFiles {

    private WalletFiles() {
    }

    static char[] password(Path file) {
        String password = SecretFiles.secret(file, "password");
        if (password.length() < 8) {
            throw new IllegalArgumentException("The password must have at least 8 characters");
        }
        return password.toCharArray();
    }

    static WalletService refuseExisting(WalletContext ctx) {
        WalletService wallet = ctx.wallet();
        if (wallet.exists()) {
            throw new IllegalStateException("This data dir already has a wallet (" + wallet.vault().file() + "); nothing was changed.");
        }
        return wallet;
    }

    static void printAccounts(PrintWriter out, PublicData data) {
        data.accounts().forEach(a -> printAccount(out, a));
        data.watchOnly().forEach(w -> out.printf("%-4s %-42s %s (watch-only)%n", "-", w.address(), w.label()));
    }

    static void printAccount(PrintWriter out, VaultAccount a) {
        out.printf("%-4s %-42s %s%s%n", a.path() == null ? "-" : Integer.toString(a.index()), a.address(), a.label(), a.hidden() ? " (hidden)" : "");
    }

    /** Creates {@code file} readable by its owner only; refuses to overwrite. */
    static void writePrivate(Path file, String content) throws IOException {
        if (file.toString().equals("-")) {
            throw new IllegalArgumentException("Write the phrase to a file, not to the terminal");
        }
        try {
            OwnerOnlyFiles.writeNew(file, content.getBytes(StandardCharsets.UTF_8));
        } catch (java.nio.file.FileAlreadyExistsException e) {
            throw new IllegalStateException(file + " already exists; nothing was written (Hearth never overwrites a secret file)");
        }
    }
}
