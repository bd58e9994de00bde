package org.hearth.app.cli;

import java.nio.file.Path;
import java.util.List;
import org.hearth.chain.session.ChainSession;
import java.util.concurrent.Callable;
import org.hearth.wallet.WalletService;
import org.hearth.wallet.discovery.AccountDiscovery;
import org.hearth.wallet.hd.AddressScheme;
import org.hearth.wallet.mnemonic.Mnemonic;
import org.hearth.wallet.vault.UnlockedVault;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hearth wallet restore}: the wallet from a recovery phrase, with its used accounts found on the chain. */
@Command(name = "restore", description = "Restore the wallet from a recovery phrase; used accounts are found on the chain (gap limit 20).")
public final class WalletRestoreCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--mnemonic-file", required = true, paramLabel = "FILE")
    Path mnemonicFile;

    @Option(names = "--passphrase-file", paramLabel = "FILE", description = "Optional BIP-39 passphrase.")
    Path passphraseFile;

    @Option(names = "--password-file", required = true, paramLabel = "FILE", description = "The new vault password.")
    Path passwordFile;

    @Option(names = "--scheme", defaultValue = "BIP44", description = "BIP44 (m/44'/60'/0'/0/i), LEDGER_LIVE or LEGACY.")
    AddressScheme scheme;

    @Override
    public Integer call() {
        WalletContext ctx = new WalletContext(spec);
        WalletService wallet = WalletFiles.refuseExisting(ctx);
        Mnemonic mnemonic = Mnemonic.parse(SecretFiles.secret(mnemonicFile, "mnemonic"));
        String passphrase = passphraseFile == null ? "" : SecretFiles.secret(passphraseFile, "passphrase");
        char[] password = WalletFiles.password(passwordFile);
        List<Integer> used;
        try (ChainSession session = ctx.session()) {
            used = WalletService.discover(mnemonic, passphrase, scheme, new AccountDiscovery(session.rpc(), AccountDiscovery.DEFAULT_GAP_LIMIT));
        }
        try (UnlockedVault open = wallet.create(password, mnemonic, passphrase, scheme, used)) {
            WalletFiles.printAccounts(spec.commandLine().getOut(), open.publicData());
        }
        return 0;
    }
}
