package org.hearth.app.governance;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableLongValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.hearth.app.control.Labels;
import org.hearth.dao.Governor;
import org.hearth.dao.Proposal;
import org.hearth.dao.ProposalState;
import org.hearth.dao.Vote;
import org.hearth.dao.VotingPower;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * What an account can do with a proposal: vote For/Against/Abstain with an optional reason while it
 * is active (or see its vote once cast), queue it once it succeeded, execute it when the timelock ETA
 * has passed (a live countdown until then, in chain time), and cancel it while pending if it proposed
 * it. Every button leads to the review; nothing here signs.
 */
final class ProposalControls {

    /** What the buttons ask for; each prepares a transaction for the review. */
    interface Actions {
        void vote(Vote.Support support, String reason);

        void queue();

        void execute();

        void cancel();

        void simulate();
    }

    /** The vote being written: kept across rebuilds of the detail (new power, a reload), reset for another proposal. */
    static final class VoteDraft {
        java.math.BigInteger proposalId;
        Vote.Support support;
        String reason = "";
    }

    /** The nodes, and how to release the countdown's listener when they are replaced. */
    record Built(List<Node> nodes, Runnable release) {
    }

    /** States in which running the actions still says something about what execution would do. */
    private static final java.util.Set<ProposalState> SIMULATED = java.util.EnumSet.of(ProposalState.PENDING, ProposalState.ACTIVE,
            ProposalState.SUCCEEDED, ProposalState.QUEUED);

    private ProposalControls() {
    }

    static Built build(ResourceBundle text, Governor governor, GovernanceModel.Row row, String account, VotingPower power,
                       ObservableLongValue chainNow, VoteDraft draft, Actions actions) {
        if (!row.proposal().id().equals(draft.proposalId)) {
            draft.proposalId = row.proposal().id();
            draft.support = null;
            draft.reason = "";
        }
        Proposal p = row.proposal();
        List<Node> out = new ArrayList<>();
        Runnable release = () -> { };
        HBox lifecycle = new HBox(10);
        lifecycle.setAlignment(Pos.CENTER_LEFT);
        if (p.state() == ProposalState.SUCCEEDED && governor.timelock() != null) {
            lifecycle.getChildren().add(button(text, "governance-queue", "governance.queue", "fth-clock", actions::queue, account));
        }
        if (p.state() == ProposalState.SUCCEEDED && governor.timelock() == null || p.state() == ProposalState.QUEUED) {
            Button execute = button(text, "governance-execute", "governance.execute", "fth-play", actions::execute, account);
            lifecycle.getChildren().add(execute);
            if (p.eta() != null) {
                Label eta = new Label();
                eta.setId("governance-eta");
                long due = p.eta().min(BigInteger.valueOf(Long.MAX_VALUE)).longValue();
                Runnable show = () -> {
                    long left = due - chainNow.get();
                    eta.setText(left > 0 ? String.format(text.getString("governance.eta.wait"), countdown(text, left))
                            : text.getString("governance.eta.ready"));
                    execute.setDisable(account == null || left > 0);
                };
                show.run();
                ChangeListener<Number> tick = (obs, was, is) -> show.run();
                chainNow.addListener(tick);
                release = () -> chainNow.removeListener(tick);
                lifecycle.getChildren().addFirst(eta);
            }
        }
        if (p.state() == ProposalState.PENDING && account != null && account.equalsIgnoreCase(p.stored().proposer())) {
            lifecycle.getChildren().add(button(text, "governance-cancel", "governance.cancel", "fth-x", actions::cancel, account));
        }
        if (SIMULATED.contains(p.state())) {
            Button simulate = new Button(text.getString("governance.simulate"), new FontIcon("fth-cpu"));
            simulate.setId("governance-simulate");
            simulate.setOnAction(e -> actions.simulate());
            lifecycle.getChildren().add(simulate);
        }
        if (!lifecycle.getChildren().isEmpty()) {
            out.add(lifecycle);
        }
        out.addAll(voting(text, row, account, power, draft, actions));
        return new Built(out, release);
    }

    private static List<Node> voting(ResourceBundle text, GovernanceModel.Row row, String account, VotingPower power, VoteDraft draft,
                                     Actions actions) {
        if (account == null) {
            Label locked = Labels.muted(text.getString("governance.unlockToVote"));
            locked.setId("governance-locked");
            return List.of(locked);
        }
        Vote mine = row.votes().stream().filter(v -> v.voter().equalsIgnoreCase(account)).findFirst().orElse(null);
        if (mine != null) {
            Label voted = new Label(String.format(text.getString("governance.yourVote"), text.getString("governance.support." + mine.support().lower()),
                    ProposalDetail.tokens(mine.weight())));
            voted.setId("governance-your-vote");
            voted.getStyleClass().add("success");
            return List.of(voted);
        }
        if (row.proposal().state() != ProposalState.ACTIVE) {
            return List.of();
        }
        List<Node> out = new ArrayList<>();
        out.add(Labels.section(text.getString("governance.castVote")));
        if (power != null && power.votesAtSnapshot() != null) {
            Label at = new Label(String.format(text.getString("governance.powerAtSnapshot"), ProposalDetail.tokens(power.votesAtSnapshot()),
                    ProposalDetail.snapshot(text, power)));
            at.setId("governance-snapshot-power");
            out.add(at);
            if (power.reason() != null) {
                Label why = new Label(ProposalDetail.reason(text, power));
                why.getStyleClass().add("warning");
                why.setWrapText(true);
                out.add(why);
            }
        }
        ToggleGroup group = new ToggleGroup();
        HBox supports = new HBox(0);
        for (Vote.Support s : List.of(Vote.Support.FOR, Vote.Support.AGAINST, Vote.Support.ABSTAIN)) {
            ToggleButton b = new ToggleButton(text.getString("governance.support.button." + s.lower()));
            b.setId("governance-support-" + s.lower());
            b.setUserData(s);
            b.setToggleGroup(group);
            b.setSelected(s == draft.support);
            supports.getChildren().add(b);
        }
        group.selectedToggleProperty().addListener((obs, was, is) -> draft.support = is == null ? null : (Vote.Support) is.getUserData());
        TextArea reason = new TextArea();
        reason.setId("governance-reason");
        reason.setPromptText(text.getString("governance.reasonPrompt"));
        reason.setPrefRowCount(2);
        reason.setWrapText(true);
        reason.setText(draft.reason);
        reason.textProperty().addListener((obs, was, is) -> draft.reason = is);
        Button review = new Button(text.getString("governance.reviewVote"), new FontIcon("fth-eye"));
        review.setId("governance-vote-review");
        review.getStyleClass().add("accent");
        review.disableProperty().bind(group.selectedToggleProperty().isNull());
        review.setOnAction(e -> actions.vote((Vote.Support) group.getSelectedToggle().getUserData(), reason.getText().strip()));
        out.add(new VBox(8, supports, reason, review));
        return out;
    }

    private static Button button(ResourceBundle text, String id, String key, String icon, Runnable action, String account) {
        Button b = new Button(text.getString(key), new FontIcon(icon));
        b.setId(id);
        b.setDisable(account == null);
        b.setOnAction(e -> action.run());
        return b;
    }

    /** {@code 1 h 02 min 05 s}, {@code 45 s}: the time left, in chain seconds. */
    static String countdown(ResourceBundle text, long seconds) {
        Duration d = Duration.ofSeconds(seconds);
        if (d.toHours() > 0) {
            return String.format(text.getString("governance.eta.hours"), d.toHours(), d.toMinutesPart(), d.toSecondsPart());
        }
        if (d.toMinutes() > 0) {
            return String.format(text.getString("governance.eta.minutes"), d.toMinutes(), d.toSecondsPart());
        }
        return String.format(text.getString("governance.eta.seconds"), d.toSeconds());
    }
}
