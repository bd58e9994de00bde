package org.hearth.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.math.BigInteger;
import java.util.Map;
import java.util.concurrent.Callable;
import org.hearth.chain.session.ChainSession;
import org.hearth.dao.Governor;
import org.hearth.dao.Governors;
import org.hearth.dao.Proposal;
import org.hearth.dao.ProposalSimulator;
import org.hearth.dao.Proposals;
import org.hearth.dao.Simulation;
import org.hearth.dao.StoredProposal;
import org.hearth.money.Amounts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code hearth dao simulate ID [--json]}: the proposal's actions run as the timelock on a throwaway
 * anvil fork of the current endpoint; per action success or the decoded revert reason, events and
 * balance changes. Exit 0 when every action succeeds, 1 when one reverts.
 */
@Command(name = "simulate", description = "Run a proposal's actions as the timelock on a throwaway fork: success or revert reason per action, "
        + "events and balance changes. Exit 0 when every action succeeds, 1 when one reverts.")
public final class DaoSimulateCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParentCommand
    DaoCommand dao;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "The proposal id (decimal).")
    BigInteger id;

    @Option(names = "--governor", paramLabel = "ADDRESS")
    String governorAddress;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (ChainSession session = CliSession.open(dao.root, spec.commandLine().getErr())) {
            Governor governor = new Governors(session).pick(governorAddress);
            Proposals proposals = new Proposals(session);
            proposals.sync(governor);
            StoredProposal stored = proposals.require(governor, id);
            Proposal live = proposals.live(governor, stored);
            Simulation s = new ProposalSimulator(session).simulate(governor, stored, live.eta());
            var book = new org.hearth.store.AddressBookRepository(session.database());
            Map<String, String> names = org.hearth.dao.SimulationNames.of(s, governor, session.contracts(),
                    a -> book.find(a).map(org.hearth.store.AddressBookRepository.Entry::label));
            if (json) {
                out.println(JSON.writeValueAsString(toJson(s, names)));
            } else {
                print(out, s, names);
            }
            return s.succeeded() ? 0 : 1;
        }
    }

    private static void print(PrintWriter out, Simulation s, Map<String, String> names) {
        out.println("executor:        " + named(names, s.executor()));
        for (Simulation.ActionOutcome a : s.actions()) {
            out.printf("action %d:        %s  %s%n", a.index() + 1, named(names, a.target()), a.success() ? "succeeds" : "reverts: " + a.revertReason());
            for (Simulation.SimulatedEvent e : a.events()) {
                out.printf("  event:         %s %s(%s)%n", named(names, e.address()), e.name(), String.join(", ", e.args()));
            }
        }
        for (Simulation.BalanceChange c : s.balanceChanges()) {
            String sign = c.delta().signum() > 0 ? "+" : "";
            out.printf("balance:         %s %s%s %s%n", named(names, c.account()), sign, Amounts.formatGrouped(c.delta(), c.decimals()), c.symbol());
        }
        out.println(s.succeeded() ? "result:          every action succeeds" : "result:          an action reverts");
    }

    /** The address, followed by its name in parentheses when it has one. */
    private static String named(Map<String, String> names, String address) {
        String name = names.get(address);
        return name == null ? address : address + " (" + name.replaceAll("\\p{C}", "") + ")";
    }

    private static ObjectNode toJson(Simulation s, Map<String, String> names) {
        ObjectNode o = JSON.createObjectNode();
        o.put("success", s.succeeded());
        o.put("executor", s.executor());
        o.put("executor_name", names.get(s.executor()));
        ArrayNode actions = o.putArray("actions");
        for (Simulation.ActionOutcome a : s.actions()) {
            ObjectNode action = actions.addObject();
            action.put("index", a.index());
            action.put("target", a.target());
            action.put("target_name", names.get(a.target()));
            action.put("value", a.value().toString());
            action.put("success", a.success());
            action.put("revert_reason", a.revertReason());
            ArrayNode events = action.putArray("events");
            for (Simulation.SimulatedEvent e : a.events()) {
                ObjectNode event = events.addObject();
                event.put("address", e.address());
                event.put("address_name", names.get(e.address()));
                event.put("name", e.name());
                e.args().forEach(event.putArray("args")::add);
            }
        }
        ArrayNode changes = o.putArray("balance_changes");
        for (Simulation.BalanceChange c : s.balanceChanges()) {
            ObjectNode change = changes.addObject();
            change.put("account", c.account());
            change.put("account_name", names.get(c.account()));
            change.put("token", c.token());
            change.put("symbol", c.symbol());
            change.put("decimals", c.decimals());
            change.put("before", c.before().toString());
            change.put("after", c.after().toString());
            change.put("delta", c.delta().toString());
        }
        ObjectNode named = o.putObject("names"); // every named address the result mentions (contracts, address book)
        names.forEach(named::put);
        return o;
    }
}
