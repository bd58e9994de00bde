package org.hearth.app.settings;

import java.util.ResourceBundle;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.hearth.app.desktop.AccountIndexing;
import org.hearth.app.desktop.AppServices;
import org.hearth.app.desktop.ChainModel;

/**
 * The block where history starts on the current external chain (per chain id); empty: each
 * account's first activity. Accounts already indexed keep their checkpoints; new ones start there.
 * The local chain is always indexed from block 0, so the field is off there.
 */
final class HistoryStartField {

    private HistoryStartField() {
    }

    static Node create(ResourceBundle text, AppServices services, ChainModel chain) {
        TextField block = new TextField();
        block.setId("settings-history-start");
        block.setPromptText(text.getString("settings.history.startBlock.prompt"));
        block.setPrefColumnCount(12);
        Button save = new Button(text.getString("settings.history.startBlock.apply"));
        save.setId("settings-history-start-apply");
        Label note = new Label(text.getString("settings.history.startBlock.help"));
        note.getStyleClass().add("text-muted");
        note.setWrapText(true);
        chain.chainId.subscribe(id -> {
            boolean external = id != null && !chain.isLocalChain();
            block.setDisable(!external);
            save.setDisable(!external);
            block.setText(external ? services.accountIndexing().startBlock(id).map(String::valueOf).orElse("") : "");
        });
        Runnable apply = () -> {
            Long id = chain.chainId.get();
            if (id == null) {
                return;
            }
            String typed = block.getText().strip();
            if (!typed.isEmpty() && !typed.matches("\\d{1,18}")) {
                note.setText(text.getString("settings.history.startBlock.invalid"));
                return;
            }
            services.settings().put(AccountIndexing.START_BLOCK_KEY + id, typed);
            note.setText(text.getString("settings.history.startBlock.saved"));
        };
        save.setOnAction(e -> apply.run());
        block.setOnAction(e -> apply.run());
        HBox row = new HBox(8, block, save);
        row.setAlignment(Pos.CENTER_LEFT);
        return new VBox(4, row, note);
    }
}
