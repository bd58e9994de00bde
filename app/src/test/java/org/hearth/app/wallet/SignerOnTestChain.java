package org.hearth.app.wallet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hearth.chain.RpcClient;
import org.hearth.chain.tx.TxSigner;
import org.hearth.store.Database;
import org.hearth.testing.TestChain;

/**
 * A real anvil and a database in a fresh temporary data dir, and one signing account's history and
 * send form on them, wired by {@link ChainServices} as the wallet screen wires them. Closing stops anvil.
 */
final class SignerOnTestChain implements AutoCloseable {

    final RpcClient rpc;
    final Database db;
    final AccountModel account;
    final SendModel send;
    private final TestChain chain;

    private SignerOnTestChain(Path dir, int blockTimeSeconds, TxSigner signer) {
        chain = TestChain.start(dir, blockTimeSeconds);
        rpc = chain.rpc();
        db = Database.open(dir.resolve("hearth.db"));
        ChainServices services = ChainServices.open(rpc, db, 0);
        account = services.account(signer.address(), () -> signer);
        send = services.sendFrom(signer.address(), () -> signer);
    }

    /** {@code name}: the prefix of the temporary data dir; {@code blockTimeSeconds}: anvil's block interval. */
    static SignerOnTestChain open(String name, int blockTimeSeconds, TxSigner signer) throws IOException {
        return new SignerOnTestChain(Files.createTempDirectory(name), blockTimeSeconds, signer);
    }

    @Override
    public void close() {
        chain.close();
    }
}
