package org.hearth.app.cli;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.hearth.config.OwnerOnlyFiles;
import org.hearth.wallet.PrivateKeys;
import org.hearth.wallet.hd.HdKeyring;
import org.hearth.wallet.keystore.KeystoreV3;
import org.hearth.wallet.keystore.KeystoreWriter;
import org.hearth.wallet.keystore.ScryptParams;
import org.web3j.crypto.ECKeyPair;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hearth keystore ...}: Web3 Secret Storage (Keystore V3) files as geth, MetaMask and MyEtherWallet write them. */
@Command(name = "keystore", mixinStandardHelpOptions = true, description = "Open and write Keystore V3 (Web3 Secret Storage) JSON files.")
public final class KeystoreCommand {

    @Spec
    CommandSpec spec;

    @Command(name = "inspect", description = "Decrypt a keystore file and print its checksummed address.")
    int inspect(
            @Option(names = "--file", required = true, paramLabel = "FILE", description = "The keystore JSON (at most 1 MiB).") Path file,
            @Option(names = "--password-file", required = true, paramLabel = "FILE", description = "The password (or - for stdin).") Path passwordFile) {
        String json = KeystoreV3.readFile(file);
        ECKeyPair key = KeystoreV3.decrypt(json, SecretFiles.secret(passwordFile, "password"));
        spec.commandLine().getOut().println(HdKeyring.address(key));
        return 0;
    }

    @Command(name = "create", description = "Encrypt a private key into a new keystore file (scrypt, geth's standard cost).")
    int create(
            @Option(names = "--private-key-file", required = true, paramLabel = "FILE", description = "Hex private key.") Path keyFile,
            @Option(names = "--password-file", required = true, paramLabel = "FILE", description = "The new password.") Path passwordFile,
            @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write; an existing file is never overwritten.") Path out)
            throws IOException {
        ECKeyPair key = PrivateKeys.parse(SecretFiles.secret(keyFile, "private key"));
        String password = SecretFiles.secret(passwordFile, "password");
        if (password.isEmpty()) {
            throw new IllegalArgumentException("The password is empty; a keystore needs one.");
        }
        String json = KeystoreWriter.encrypt(key, password, ScryptParams.STANDARD, new SecureRandom());
        try {
            OwnerOnlyFiles.writeNew(out, (json + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (FileAlreadyExistsException e) {
            throw new IllegalArgumentException("The file " + out + " exists already; choose another name.");
        }
        spec.commandLine().getOut().println(HdKeyring.address(key));
        return 0;
    }
}
