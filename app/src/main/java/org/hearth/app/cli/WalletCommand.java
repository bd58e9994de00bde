package org.hearth.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.hearth.wallet.PrivateKeys;
import org.hearth.wallet.hd.DerivationPath;
import org.hearth.wallet.hd.HdKeyring;
import org.hearth.wallet.mnemonic.Mnemonic;
import org.hearth.wallet.sign.MessageSigner;
import org.hearth.wallet.sign.SignatureCheck;
import org.hearth.wallet.sign.TypedData;
import org.web3j.crypto.ECKeyPair;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hearth wallet ...}: keys and signatures. Secrets come from files or stdin ("-"), never from argv. */
@Command(name = "wallet", mixinStandardHelpOptions = true,
        subcommands = {WalletCreateCommand.class, WalletRestoreCommand.class, WalletAccountsCommand.class, WalletSendCommand.class,
                WalletExportCommand.class, WalletAddAccountCommand.class, WalletChangePasswordCommand.class},
        description = "The wallet: create, restore, accounts, add-account, change-password, send, export; derive addresses and sign with keys read from files (or stdin as \"-\").")
public final class WalletCommand {

    @Spec
    CommandSpec spec;

    @Command(name = "derive", description = "Print the EIP-55 address a BIP-39 mnemonic gives at a BIP-32 path.")
    int derive(
            @Option(names = "--mnemonic-file", required = true, paramLabel = "FILE", description = "The mnemonic (12 to 24 words).") Path mnemonicFile,
            @Option(names = "--passphrase-file", paramLabel = "FILE", description = "Optional BIP-39 passphrase (\"25th word\").") Path passphraseFile,
            @Option(names = "--path", defaultValue = "m/44'/60'/0'/0/0", paramLabel = "PATH",
                    description = "Derivation path (default: ${DEFAULT-VALUE}; Ledger Live m/44'/60'/i'/0/0, legacy m/44'/60'/0'/i).") String path) {
        DerivationPath derivationPath = DerivationPath.parse(path); // checked first: a bad path costs no PBKDF2
        Mnemonic mnemonic = Mnemonic.parse(SecretFiles.secret(mnemonicFile, "mnemonic"));
        String passphrase = passphraseFile == null ? "" : SecretFiles.secret(passphraseFile, "passphrase");
        out().println(HdKeyring.fromMnemonic(mnemonic, passphrase).address(derivationPath));
        return 0;
    }

    @Command(name = "sign-message", description = "personal_sign (EIP-191) the exact bytes of a file; print the 65-byte signature.")
    int signMessage(
            @Option(names = "--private-key-file", required = true, paramLabel = "FILE", description = "Hex private key.") Path keyFile,
            @Option(names = "--message-file", required = true, paramLabel = "FILE", description = "The message, signed byte for byte.") Path messageFile) {
        ECKeyPair key = PrivateKeys.parse(SecretFiles.secret(keyFile, "private key"));
        out().println(MessageSigner.sign(SecretFiles.data(messageFile, "message"), key).toHex());
        return 0;
    }

    @Command(name = "sign-typed", description = "Sign EIP-712 typed data (eth_signTypedData_v4 JSON); print the 65-byte signature.")
    int signTyped(
            @Option(names = "--private-key-file", required = true, paramLabel = "FILE", description = "Hex private key.") Path keyFile,
            @Option(names = "--data-file", required = true, paramLabel = "FILE",
                    description = "JSON with types, primaryType, domain and message.") Path dataFile) {
        ECKeyPair key = PrivateKeys.parse(SecretFiles.secret(keyFile, "private key"));
        out().println(TypedData.parse(SecretFiles.text(dataFile, "typed data")).sign(key).toHex());
        return 0;
    }

    @Command(name = "verify", description = "Check that a signature over a message (or EIP-712 data) was made by an address.")
    int verify(
            @Option(names = "--address", required = true, paramLabel = "ADDRESS") String address,
            @Option(names = "--signature", required = true, paramLabel = "0x...") String signatureHex,
            @Option(names = "--message-file", paramLabel = "FILE", description = "A personal_sign message.") Path messageFile,
            @Option(names = "--data-file", paramLabel = "FILE", description = "EIP-712 typed data instead.") Path dataFile) {
        if ((messageFile == null) == (dataFile == null)) {
            throw new IllegalArgumentException("Give exactly one of --message-file and --data-file.");
        }
        SignatureCheck check = messageFile != null
                ? SignatureCheck.ofMessage(SecretFiles.data(messageFile, "message"), signatureHex, address)
                : SignatureCheck.ofTypedData(TypedData.parse(SecretFiles.text(dataFile, "typed data")), signatureHex, address);
        if (!check.valid()) {
            throw new IllegalArgumentException("The signature is not from " + check.claimed() + "; it was made by " + check.recovered() + ".");
        }
        out().println("valid: signed by " + check.recovered());
        return 0;
    }

    private PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
