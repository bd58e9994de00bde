package org.hearth.app.wallet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ResourceBundle;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.hearth.app.FxClicks;
import org.hearth.app.shell.Theme;
import org.hearth.chain.RpcClient;
import org.hearth.chain.tx.TxSigner;
import org.hearth.store.Database;
import org.hearth.testing.TestChain;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

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
    private final ChainServices services;

    private SignerOnTestChain(Path dir, int blockTimeSeconds, TxSigner signer) {
        chain = TestChain.start(dir, blockTimeSeconds);
        rpc = chain.rpc();
        db = Database.open(dir.resolve("hearth.db"));
        services = ChainServices.open(rpc, db, 0);
        account = services.account(signer.address(), () -> signer);
        send = services.sendFrom(signer.address(), () -> signer);
    }

    /** {@code name}: the prefix of the temporary data dir; {@code blockTimeSeconds}: anvil's block interval. */
    static SignerOnTestChain open(String name, int blockTimeSeconds, TxSigner signer) throws IOException {
        return new SignerOnTestChain(Files.createTempDirectory(name), blockTimeSeconds, signer);
    }

    /**
     * Shows the send form above the history (with its error line), in the primary stage, as the
     * account's Send and History tabs show them; returns once the form can be clicked.
     */
    void showSendAndHistory(ResourceBundle text, FxRobot robot) throws Exception {
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            Theme.LIGHT.apply();
            Label error = new Label();
            error.setId("history-error");
            error.textProperty().bind(account.error);
            HistoryPane history = new HistoryPane(text, account.history, account.internalTransfersHidden, account::speedUp, account::cancel,
                    send.names());
            account.history.addListener((javafx.collections.ListChangeListener<org.hearth.history.HistoryItem>) c -> send.follow(account.history));
            VBox.setVgrow(history, Priority.ALWAYS);
            VBox root = new VBox(12, new SendPane(text, send), error, history);
            root.setPrefSize(900, 720);
            stage.setScene(new Scene(root));
            stage.show();
        });
        FxClicks.untilVisible(robot, "#send-review");
    }

    @Override
    public void close() {
        services.session().close(); // stops its background indexing before the node goes
        chain.close();
    }
}
