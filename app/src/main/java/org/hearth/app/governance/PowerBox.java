package org.hearth.app.governance;

import java.util.ResourceBundle;
import java.util.function.Consumer;
import javafx.beans.value.ObservableObjectValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.hearth.dao.VotingPower;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The account's voting power on the governor's token: its votes and delegate, the plain answer when
 * the votes are zero, one click to delegate to itself, and delegation to any address. Both buttons
 * lead to the review.
 */
final class PowerBox extends VBox {

    PowerBox(ResourceBundle text, ObservableObjectValue<VotingPower> power, Consumer<String> delegateTo) {
        super(6);
        setId("governance-power-box");
        Label votes = new Label();
        votes.setId("governance-power");
        Label why = new Label();
        why.setId("governance-power-reason");
        why.getStyleClass().add("warning");
        why.setWrapText(true);
        Button self = new Button(text.getString("governance.delegateSelf"), new FontIcon("fth-user-check"));
        self.setId("governance-delegate-self");
        self.getStyleClass().add("accent");
        TextField to = new TextField();
        to.setId("governance-delegate-to");
        to.setPromptText(text.getString("governance.delegatePrompt"));
        to.setPrefColumnCount(30);
        Button other = new Button(text.getString("governance.delegate"));
        other.setId("governance-delegate");
        other.disableProperty().bind(to.textProperty().isEmpty());
        other.setOnAction(e -> delegateTo.accept(to.getText().strip()));
        HBox row = new HBox(8, self, to, other);
        row.setAlignment(Pos.CENTER_LEFT);
        Runnable show = () -> {
            VotingPower p = power.get();
            setVisible(p != null);
            setManaged(p != null);
            if (p == null) {
                return;
            }
            self.setOnAction(e -> delegateTo.accept(p.account()));
            votes.setText(String.format(text.getString(p.delegate() == null ? "governance.powerNoDelegate" : "governance.powerLine"),
                    ProposalDetail.tokens(p.votes()), ProposalDetail.tokens(p.balance()), p.delegate()));
            boolean zero = p.votes().signum() == 0 && p.reason() != null && p.reason() != VotingPower.Reason.AFTER_SNAPSHOT;
            why.setText(zero ? ProposalDetail.reason(text, p) : "");
            why.setVisible(zero);
            why.setManaged(zero);
            self.setVisible(!p.selfDelegated());
            self.setManaged(!p.selfDelegated());
        };
        show.run();
        power.addListener((obs, was, is) -> show.run());
        getChildren().addAll(votes, why, row);
    }
}
