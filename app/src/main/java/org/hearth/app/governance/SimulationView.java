package org.hearth.app.governance;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.function.Function;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.hearth.app.control.Labels;
import org.hearth.chain.abi.AbiValue;
import org.hearth.dao.Simulation;
import org.hearth.money.Amounts;

/**
 * A proposal's simulation as the detail shows it: the verdict, then per action success or its revert
 * reason with the events it emitted, then the balances that changed (exact, with the token's decimals).
 */
final class SimulationView {

    /** Where a proposal's simulation stands: running, done (result, with names for its addresses) or failed (error). */
    record State(java.math.BigInteger proposalId, boolean running, Simulation result, String error, Map<String, String> names) {

        State {
            names = names == null ? Map.of() : Map.copyOf(names);
        }

        State(java.math.BigInteger proposalId, boolean running, Simulation result, String error) {
            this(proposalId, running, result, error, Map.of());
        }

        /**
         * A finished simulation, its addresses named from the session's contracts, the governor, the address book and
         * {@code own} (the wallet's accounts by checksummed address: their labels). Off the FX thread (the book is SQLite).
         */
        static State done(java.math.BigInteger proposalId, Simulation result, org.hearth.dao.Governor governor, org.hearth.chain.session.ChainSession session,
                          Map<String, String> own) {
            var book = new org.hearth.store.AddressBookRepository(session.database());
            return new State(proposalId, false, result, null, org.hearth.dao.SimulationNames.of(result, governor, session.contracts(),
                    a -> book.find(a).map(org.hearth.store.AddressBookRepository.Entry::label).or(() -> java.util.Optional.ofNullable(own.get(a)))));
        }
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
        Function<String, String> who = address -> named(text, state.names(), address);
        box.getChildren().add(styled(String.format(text.getString(s.succeeded() ? "governance.sim.passes" : "governance.sim.reverts"), who.apply(s.executor())),
                s.succeeded() ? "success" : "danger", "governance-sim-verdict"));
        for (Simulation.ActionOutcome a : s.actions()) {
            box.getChildren().add(styled(a.success() ? String.format(text.getString("governance.sim.actionOk"), a.index() + 1, who.apply(a.target()))
                    : String.format(text.getString("governance.sim.actionReverts"), a.index() + 1, who.apply(a.target()), MarkdownView.plain(a.revertReason())),
                    a.success() ? "text" : "danger", "governance-sim-action-" + (a.index() + 1)));
            for (Simulation.SimulatedEvent e : a.events()) {
                Label event = Labels.muted(String.format(text.getString("governance.sim.event"), e.name(), arguments(text, e, who), who.apply(e.address())));
                event.setWrapText(true);
                box.getChildren().add(event);
            }
        }
        List<Node> changes = new ArrayList<>();
        for (Simulation.BalanceChange c : s.balanceChanges()) {
            String delta = (c.delta().signum() > 0 ? "+" : "") + Amounts.formatGrouped(c.delta(), c.decimals());
            changes.add(new Label(String.format(text.getString("governance.sim.balance"), who.apply(c.account()), delta, MarkdownView.plain(c.symbol()))));
        }
        if (!changes.isEmpty()) {
            box.getChildren().add(Labels.muted(text.getString("governance.sim.balances")));
            box.getChildren().addAll(changes);
        }
        return box;
    }

    /** A known address as its name with the short address; an unknown one in full. */
    static String named(ResourceBundle text, Map<String, String> names, String address) {
        String name = address == null ? null : names.get(address);
        if (name == null) {
            return String.valueOf(address);
        }
        String shortAddress = address.substring(0, 6) + "\u2026" + address.substring(address.length() - 4);
        return String.format(text.getString("governance.sim.named"), MarkdownView.plain(name), shortAddress);
    }

    /** An event's arguments: addresses named, an ERC-20's amounts with its decimals and symbol, the rest as decoded. */
    private static String arguments(ResourceBundle text, Simulation.SimulatedEvent e, Function<String, String> who) {
        if (e.values().isEmpty()) {
            return String.join(", ", e.args());
        }
        List<String> out = new ArrayList<>();
        for (AbiValue v : e.values()) {
            String shown;
            if (v.type().equals("address") && v.value() instanceof String address) {
                shown = who.apply(org.hearth.chain.Addresses.checksummed(address));
            } else if (e.token() != null && v.type().startsWith("uint") && v.value() instanceof BigInteger amount) {
                shown = String.format(text.getString("governance.sim.amount"), Amounts.formatGrouped(amount, e.token().decimals()),
                        MarkdownView.plain(e.token().symbol()));
            } else {
                shown = v.text();
            }
            out.add(v.name().isEmpty() ? shown : v.name() + ": " + shown);
        }
        return String.join(", ", out);
    }

    private static Label styled(String s, String style, String id) {
        Label l = new Label(s);
        l.getStyleClass().add(style);
        l.setId(id);
        l.setWrapText(true);
        return l;
    }
}
