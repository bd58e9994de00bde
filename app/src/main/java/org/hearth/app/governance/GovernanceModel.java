package org.hearth.app.governance;

import java.util.List;
import javafx.application.Platform;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.hearth.app.desktop.Messages;
import org.hearth.chain.review.CallDecoder;
import org.hearth.chain.session.ChainSession;
import org.hearth.dao.Governor;
import org.hearth.dao.Governors;
import org.hearth.dao.Proposal;
import org.hearth.dao.ProposalAction;
import org.hearth.dao.ProposalActions;
import org.hearth.dao.Proposals;
import org.hearth.dao.Vote;

/**
 * The Governance screen's state: the first known governor's proposals, loaded (synced from logs,
 * then read live) on a virtual thread when the screen is shown; the selected proposal's actions
 * in words and its votes. Results reach the FX thread here and only here.
 */
final class GovernanceModel {

    /** A proposal with what the detail shows. */
    record Row(Proposal proposal, List<ProposalAction> actions, List<Vote> votes) {
    }

    final ObservableList<Row> rows = FXCollections.observableArrayList();
    final SimpleObjectProperty<Governor> governor = new SimpleObjectProperty<>();
    final SimpleStringProperty error = new SimpleStringProperty("");
    private volatile boolean loading;

    /** Loads in the background; a load already running is not doubled. */
    void refresh(ChainSession session) {
        if (session == null || loading) {
            return;
        }
        loading = true;
        Thread.ofVirtual().name("governance-load").start(() -> {
            try {
                Governors governors = new Governors(session);
                List<Governor> all = governors.list();
                if (all.isEmpty()) {
                    Platform.runLater(() -> {
                        governor.set(null);
                        rows.clear();
                    });
                    return;
                }
                Governor g = all.getFirst();
                Proposals proposals = new Proposals(session);
                proposals.sync(g);
                ProposalActions actions = new ProposalActions(session.rpc(), CallDecoder.shipped(), session.contracts());
                List<Row> loaded = proposals.live(g).stream()
                        .map(p -> new Row(p, actions.describe(p.stored()), proposals.votes(g, p.id()))).toList();
                Platform.runLater(() -> {
                    governor.set(g);
                    rows.setAll(loaded);
                    error.set("");
                });
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                String message = Messages.describe(e);
                Platform.runLater(() -> error.set(message));
            } finally {
                loading = false;
            }
        });
    }
}
