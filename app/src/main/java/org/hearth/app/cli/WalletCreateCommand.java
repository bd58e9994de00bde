package org.hearth.app.cli;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.Callable;
import org.hearth.wallet.WalletService;
import org.hearth.wallet.hd.AddressScheme;
import org.hearth.wallet.mnemonic.Mnemonic;
import org.hearth.wallet.mnemonic.MnemonicLength;
import org.hearth.wallet.vault.UnlockedVault;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hearth wallet create}: a new recovery phrase, written to a file only its owner can read. */
@Command(name = "create", description = "Create the wallet with a new recovery phrase.")
public final class WalletCreateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--password-file", required = true, paramLabel = "FILE", description = "The new vault password (at least 8 characters).")
    Path passwordFile;

    @Option(names = "--phrase-out", required = true, paramLabel = "FILE",
            description = "Where to write the new recovery phrase (created with mode 600; never overwritten).")
    Path phraseOut;

    @Option(names = "--words", defaultValue = "12", description = "12 or 24 words (default ${DEFAULT-VALUE}).")
    int words;

    @Override
    public Integer call() throws Exception {
        WalletContext ctx = new WalletContext(spec);
        WalletService wallet = WalletFiles.refuseExisting(ctx);
        char[] password = WalletFiles.password(passwordFile);
        Mnemonic mnemonic = Mnemonic.generate(MnemonicLength.ofWords(words), new SecureRandom());
        WalletFiles.writePrivate(phraseOut, mnemonic.phrase() + System.lineSeparator());
        try (UnlockedVault open = wallet.create(password, mnemonic, "", AddressScheme.BIP44, List.of(0))) {
            WalletFiles.printAccounts(spec.commandLine().getOut(), open.publicData());
        }
        spec.commandLine().getErr().println("The recovery phrase is in " + phraseOut + ". Write it on paper, then delete the file.");
        return 0;
    }
}
