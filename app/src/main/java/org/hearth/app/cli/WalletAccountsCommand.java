package org.hearth.app.cli;

import java.util.concurrent.Callable;
import org.hearth.wallet.WalletService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code hearth wallet accounts}: the accounts, read from the vault's public section without the password. */
@Command(name = "accounts", description = "List the wallet's accounts (no password needed).")
public final class WalletAccountsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        WalletService wallet = new WalletContext(spec).wallet();
        if (!wallet.exists()) {
            throw new IllegalStateException("There is no wallet in this data dir yet (hearth wallet create or restore).");
        }
        WalletFiles.printAccounts(spec.commandLine().getOut(), wallet.listing());
        return 0;
    }
}
