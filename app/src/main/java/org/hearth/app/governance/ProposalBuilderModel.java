package org.hearth.app.governance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.hearth.app.desktop.Messages;
import org.hearth.app.desktop.UiThread;
import org.hearth.chain.review.CallDecoder;
import org.hearth.chain.session.ChainSession;
import org.hearth.dao.ActionsFile;
import org.hearth.dao.Governor;
import org.hearth.dao.ProposalAction;
import org.hearth.dao.ProposalActions;
import org.hearth.dao.ProposalDraft;
import org.hearth.dao.ProposalSimulator;
import org.hearth.problem.HearthException;

/**
 * The proposal builder's state: title, Markdown body, the actions as typed (each checked and encoded
 * when added, and shown in words with their warnings), the last simulation of exactly this draft, and
 * the step to the review. "Propose" waits for a simulation of the current draft; any edit invalidates it.
 */
final class ProposalBuilderModel {

    private static final ObjectMapper JSON = new ObjectMapper();

    final SimpleStringProperty title = new SimpleStringProperty("");
    final SimpleStringProperty body = new SimpleStringProperty("");
    final ObservableList<ActionsFile.Entry> entries = FXCollections.observableArrayList();
    final ObservableList<ProposalAction> described = FXCollections.observableArrayList();
    final SimpleStringProperty error = new SimpleStringProperty("");
    final SimpleBooleanProperty busy = new SimpleBooleanProperty(false);
    final SimpleObjectProperty<SimulationView.State> simulation = new SimpleObjectProperty<>();
    /** Whether the simulation shown is of the draft as it stands. */
    final SimpleBooleanProperty simulated = new SimpleBooleanProperty(false);

    ProposalBuilderModel() {
        title.addListener((obs, was, is) -> simulated.set(false));
        body.addListener((obs, was, is) -> simulated.set(false));
        entries.addListener((javafx.collections.ListChangeListener<ActionsFile.Entry>) c -> simulated.set(false));
    }

    /** The description proposed, byte for byte: the title as a heading, then the body. */
    String description() {
        String b = body.get().strip();
        return "# " + title.get().strip() + (b.isEmpty() ? "" : "\n\n" + b);
    }

    /** Adds an action built off the FX thread (a recipe may read the chain, e.g. a token's decimals). */
    void add(ChainSession session, Callable<ActionsFile.Entry> entry) {
        run(() -> {
            ActionsFile.Entry e = entry.call();
            List<ActionsFile.Entry> next = new ArrayList<>(entries);
            next.add(e);
            return new Described(next, describe(session, next));
        }, this::show);
    }

    void remove(ChainSession session, int index) {
        List<ActionsFile.Entry> next = new ArrayList<>(entries);
        next.remove(index);
        run(() -> new Described(next, describe(session, next)), this::show);
    }

    /** Replaces the actions with those of an actions JSON file ({@code [{"target","value","signature","args"}]}). */
    void importJson(ChainSession session, String json) {
        run(() -> {
            List<ActionsFile.Entry> next = entries(json);
            return new Described(next, describe(session, next));
        }, this::show);
    }

    void simulate(ChainSession session, Governor governor, String proposer) {
        ProposalDraft draft;
        try {
            draft = draft();
        } catch (RuntimeException e) {
            error.set(Messages.describe(e));
            return;
        }
        simulation.set(new SimulationView.State(java.math.BigInteger.ZERO, true, null, null));
        run(() -> SimulationView.State.done(java.math.BigInteger.ZERO, new ProposalSimulator(session).simulate(governor,
                draft.asStored(governor, proposer), null), governor, session, java.util.Map.of()), result -> {
            simulation.set(result);
            simulated.set(true);
        });
    }

    /** Checks the proposal threshold, then hands the propose call to the review. */
    void propose(ChainSession session, Governor governor, String proposer, GovernanceSigning signing) {
        ProposalDraft draft = draft();
        run(() -> {
            ProposalDraft.checkThreshold(session, governor, proposer);
            return draft.proposeCall();
        }, data -> signing.prepare(session, proposer, governor.address(), data, null));
    }

    ProposalDraft draft() {
        if (title.get().isBlank()) {
            throw new HearthException("dao.badDescription", null);
        }
        return new ProposalDraft(description(), ActionsFile.encode(entries));
    }

    private record Described(List<ActionsFile.Entry> entries, List<ProposalAction> actions) {
    }

    private void show(Described d) {
        entries.setAll(d.entries());
        described.setAll(d.actions());
    }

    private static List<ProposalAction> describe(ChainSession session, List<ActionsFile.Entry> next) {
        if (next.isEmpty()) {
            return List.of();
        }
        return new ProposalActions(session.rpc(), CallDecoder.shipped(), session.contracts()).describe(ActionsFile.encode(next));
    }

    /** The file's actions as typed entries: checked by encoding them, arguments kept as text (arrays as JSON). */
    private static List<ActionsFile.Entry> entries(String json) {
        ActionsFile.parse(json); // the same checks as the command line's actions file
        List<ActionsFile.Entry> out = new ArrayList<>();
        try {
            for (JsonNode a : JSON.readTree(json)) {
                List<String> args = new ArrayList<>();
                a.path("args").forEach(v -> args.add(v.isContainerNode() ? v.toString() : v.asText()));
                out.add(new ActionsFile.Entry(a.path("target").asText(""), a.path("value").asText("0"), a.path("signature").asText(""), args));
            }
        } catch (IOException e) {
            throw new HearthException("dao.badActions", e, "not JSON");
        }
        return out;
    }

    private <T> void run(Callable<T> work, java.util.function.Consumer<T> then) {
        error.set("");
        busy.set(true);
        UiThread.background(work, result -> {
            busy.set(false);
            then.accept(result);
        }, failure -> {
            busy.set(false);
            if (simulation.get() != null && simulation.get().running()) {
                simulation.set(null);
            }
            error.set(Messages.describe(failure));
        });
    }
}
