package org.hearth.app.cli;

import org.hearth.chain.session.ChainSession;
import org.hearth.config.DataDir;
import org.hearth.wallet.WalletService;
import org.hearth.wallet.vault.Vault;
import picocli.CommandLine.Model.CommandSpec;

/** What the wallet commands share: the data dir's vault and the chain (local node, started if needed, or --rpc). */
final class WalletContext {

    private final HearthCommand root;

    WalletContext(CommandSpec spec) {
        this.root = (HearthCommand) spec.root().userObject();
    }

    DataDir dataDir() {
        return root.dataDir();
    }

    WalletService wallet() {
        return new WalletService(Vault.inDataDir(dataDir().root()));
    }

    /** The chain session (--rpc, else the local node, started if needed); close it when done. */
    ChainSession session() {
        return CliSession.open(root, null);
    }
}
