package org.hearth.app.governance;

import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.hearth.app.control.Labels;
import org.hearth.dao.Simulation;
import org.hearth.money.Amounts;

/**
 * A proposal's simulation as the detail shows it: the verdict, then per action success or its revert
 * reason with the events it emitted, then the balances that changed (exact, with the token's decimals).
 */
final class SimulationView {

    /** Where a proposal's simulation stands: running, done (result) or failed (error). */
    record State(java.math.BigInteger proposalId, boolean running, Simulation result, String error) {
    }

    private SimulationView() {
    }

    static VBox of(ResourceBundle text, State state) {
        VBox box = new VBox(4);
        box.setId("governance-simulation");
        box.getChildren().add(Labels.section(text.getString("governance.sim.title")));
        if (state.running()) {
            box.getChildren().add(Labels.muted(text.getString("governance.sim.running")));
            return box;
        }
        if (state.error() != null) {
            box.getChildren().add(styled(state.error(), "danger", "governance-sim-verdict"));
            return box;
        }
        Simulation s = state.result();
        box.getChildren().add(styled(String.format(text.getString(s.succeeded() ? "governance.sim.passes" : "governance.sim.reverts"), s.executor()),
                s.succeeded() ? "success" : "danger", "governance-sim-verdict"));
        for (Simulation.ActionOutcome a : s.actions()) {
            box.getChildren().add(styled(a.success() ? String.format(text.getString("governance.sim.actionOk"), a.index() + 1, a.target())
                    : String.format(text.getString("governance.sim.actionReverts"), a.index() + 1, a.target(), MarkdownView.plain(a.revertReason())),
                    a.success() ? "text" : "danger", "governance-sim-action-" + (a.index() + 1)));
            for (Simulation.SimulatedEvent e : a.events()) {
                Label event = Labels.muted(String.format(text.getString("governance.sim.event"), e.name(), String.join(", ", e.args()), e.address()));
                event.setWrapText(true);
                box.getChildren().add(event);
            }
        }
        List<Node> changes = new ArrayList<>();
        for (Simulation.BalanceChange c : s.balanceChanges()) {
            String delta = (c.delta().signum() > 0 ? "+" : "") + Amounts.formatGrouped(c.delta(), c.decimals());
            changes.add(new Label(String.format(text.getString("governance.sim.balance"), c.account(), delta, MarkdownView.plain(c.symbol()))));
        }
        if (!changes.isEmpty()) {
            box.getChildren().add(Labels.muted(text.getString("governance.sim.balances")));
            box.getChildren().addAll(changes);
        }
        return box;
    }

    private static Label styled(String s, String style, String id) {
        Label l = new Label(s);
        l.getStyleClass().add(style);
        l.setId(id);
        l.setWrapText(true);
        return l;
    }
}
