package org.hearth.app.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.hearth.wallet.WalletService;
import org.hearth.wallet.vault.UnlockedVault;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hearth wallet change-password}: re-encrypts the vault under a new password. The vault file is
 * replaced atomically, so an interruption at any moment leaves it opening with the old or the new password.
 */
@Command(name = "change-password", description = "Change the wallet's password (both read from files).")
public final class WalletChangePasswordCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--password-file", required = true, paramLabel = "FILE", description = "The current password.")
    Path passwordFile;

    @Option(names = "--new-password-file", required = true, paramLabel = "FILE", description = "The new password (at least 8 characters).")
    Path newPasswordFile;

    @Override
    public Integer call() {
        WalletService wallet = new WalletContext(spec).wallet();
        if (!wallet.exists()) {
            throw new IllegalStateException("There is no wallet in this data dir yet (hearth wallet create or restore).");
        }
        char[] next = WalletFiles.password(newPasswordFile);
        char[] current = WalletFiles.password(passwordFile);
        try (UnlockedVault open = wallet.unlock(current)) {
            open.changePassword(current, next);
        } finally {
            Arrays.fill(current, '\0');
            Arrays.fill(next, '\0');
        }
        spec.commandLine().getErr().println("Changed the wallet's password.");
        spec.commandLine().getErr().flush();
        return 0;
    }
}
