package org.hearth.app.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.hearth.wallet.AccountPaths;
import org.hearth.wallet.WalletService;
import org.hearth.wallet.hd.DerivationPath;
import org.hearth.wallet.vault.UnlockedVault;
import org.hearth.wallet.vault.VaultAccount;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hearth wallet add-account}: the next account of the recovery phrase, or the one at a typed path. */
@Command(name = "add-account", description = "Derive a new account from the wallet's recovery phrase and add it: the next free "
        + "index of the path family its accounts follow, or the account at --path.")
public final class WalletAddAccountCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--path", paramLabel = "PATH", description = "A BIP-32 path, e.g. m/44'/60'/0'/0/7 (default: the next free index).")
    String path;

    @Option(names = "--label", paramLabel = "TEXT", description = "A name for the account (default: \"Account N\").")
    String label;

    @Option(names = "--password-file", required = true, paramLabel = "FILE", description = "The wallet's password.")
    Path passwordFile;

    @Override
    public Integer call() {
        WalletService wallet = new WalletContext(spec).wallet();
        if (!wallet.exists()) {
            throw new IllegalStateException("There is no wallet in this data dir yet (hearth wallet create or restore).");
        }
        DerivationPath typed = path == null ? null : AccountPaths.checkNew(wallet.listing(), WalletService.SEED_SOURCE, path);
        char[] password = WalletFiles.password(passwordFile);
        VaultAccount added;
        try (UnlockedVault open = wallet.unlock(password)) {
            // one write either way, so an interruption leaves the account added whole or not at all
            DerivationPath at = typed != null ? typed : AccountPaths.nextFree(open.publicData(), WalletService.SEED_SOURCE,
                    AccountPaths.schemeOf(open.publicData(), WalletService.SEED_SOURCE));
            added = wallet.addAccount(open, WalletService.SEED_SOURCE, at, label);
        } finally {
            java.util.Arrays.fill(password, '\0');
        }
        WalletFiles.printAccount(spec.commandLine().getOut(), added);
        return 0;
    }
}
