package org.hearth.app.wallet;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.hearth.wallet.mnemonic.Mnemonic;
import org.hearth.wallet.mnemonic.MnemonicLength;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Create a wallet in three steps: the new recovery phrase shown once, a quiz on three of its words
 * (skippable only on the local chain, with a warning), and the vault password.
 */
final class CreateWalletPane extends VBox {

    private final ResourceBundle text;
    private final WalletModel model;
    private final Runnable onCancel;
    private final SecureRandom random = new SecureRandom();
    private Mnemonic mnemonic;

    CreateWalletPane(ResourceBundle text, WalletModel model, Runnable onCancel) {
        super(14);
        this.text = text;
        this.model = model;
        this.onCancel = onCancel;
        setPadding(new Insets(8));
        showPhrase(MnemonicLength.TWELVE);
    }

    private void showPhrase(MnemonicLength length) {
        mnemonic = Mnemonic.generate(length, random);
        ToggleGroup lengths = new ToggleGroup();
        ToggleButton twelve = lengthButton(lengths, MnemonicLength.TWELVE, length);
        ToggleButton twentyFour = lengthButton(lengths, MnemonicLength.TWENTY_FOUR, length);

        GridPane grid = new GridPane(18, 8);
        List<String> words = mnemonic.words();
        int columns = 4;
        for (int i = 0; i < words.size(); i++) {
            Label word = new Label(String.format(text.getString("create.word"), i + 1, words.get(i)));
            word.setId("word-" + (i + 1));
            word.getStyleClass().add("hearth-mono");
            grid.add(word, i % columns, i / columns);
        }
        Label warning = new Label(text.getString("create.warning"), new FontIcon("fth-alert-triangle"));
        warning.setWrapText(true);
        warning.getStyleClass().add("warning");
        Button done = new Button(text.getString("create.written"));
        done.setId("backup-done");
        done.getStyleClass().add("accent");
        done.setOnAction(e -> showQuiz());
        getChildren().setAll(heading("create.step1"), new HBox(0, twelve, twentyFour), grid, warning, new HBox(8, cancel(), done));
    }

    private ToggleButton lengthButton(ToggleGroup group, MnemonicLength length, MnemonicLength current) {
        ToggleButton b = new ToggleButton(String.format(text.getString("create.words"), length.words()));
        b.setId("words-" + length.words());
        b.setToggleGroup(group);
        b.setSelected(length == current);
        b.setOnAction(e -> showPhrase(length));
        return b;
    }

    private void showQuiz() {
        BackupQuiz quiz = new BackupQuiz(mnemonic.words(), random);
        List<TextField> answers = new ArrayList<>();
        GridPane grid = new GridPane(12, 8);
        for (int q = 0; q < BackupQuiz.QUESTIONS; q++) {
            Label label = new Label(String.format(text.getString("create.quizWord"), quiz.positions().get(q) + 1));
            label.setId("quiz-label-" + q);
            TextField answer = new TextField();
            answer.setId("quiz-" + q);
            answers.add(answer);
            grid.addRow(q, label, answer);
        }
        Label error = new Label();
        error.setId("quiz-error");
        error.getStyleClass().add("danger");
        Button check = new Button(text.getString("create.check"));
        check.setId("quiz-check");
        check.getStyleClass().add("accent");
        check.setDefaultButton(true);
        check.setOnAction(e -> {
            int wrong = quiz.firstWrong(answers.stream().map(TextField::getText).toList());
            if (wrong < 0) {
                showPassword(false);
            } else {
                error.setText(String.format(text.getString("create.quizWrong"), wrong + 1));
            }
        });
        HBox buttons = new HBox(8, cancel(), check);
        VBox box = new VBox(14, heading("create.step2"), grid, error, buttons);
        if (model.chain().isLocalChain()) {
            Button skip = new Button(text.getString("create.skip"));
            skip.setId("quiz-skip");
            skip.setOnAction(e -> showPassword(true));
            buttons.getChildren().add(skip);
        }
        getChildren().setAll(box);
    }

    private void showPassword(boolean skippedBackup) {
        PasswordChoice password = new PasswordChoice(text);
        Button create = new Button(text.getString("create.confirm"), new FontIcon("fth-check"));
        create.setId("wallet-create-confirm");
        create.getStyleClass().add("accent");
        create.setDefaultButton(true);
        create.disableProperty().bind(password.valid().not().or(model.busy));
        create.setOnAction(e -> {
            model.create(mnemonic, password.take(), text.getString("create.busy"));
            mnemonic = null;
        });
        Label error = new Label();
        error.getStyleClass().add("danger");
        error.textProperty().bind(model.error);
        VBox box = new VBox(14, heading("create.step3"), password, new HBox(8, cancel(), create), error);
        if (skippedBackup) {
            Label warning = new Label(text.getString("create.skipped"), new FontIcon("fth-alert-triangle"));
            warning.setId("backup-skipped-warning");
            warning.setWrapText(true);
            warning.getStyleClass().add("warning");
            box.getChildren().add(1, warning);
        }
        getChildren().setAll(box);
    }

    private Label heading(String key) {
        Label l = new Label(text.getString(key));
        l.getStyleClass().add("title-3");
        return l;
    }

    private Button cancel() {
        Button b = new Button(text.getString("action.cancel"));
        b.setId("create-cancel");
        b.setOnAction(e -> {
            mnemonic = null;
            onCancel.run();
        });
        return b;
    }
}
