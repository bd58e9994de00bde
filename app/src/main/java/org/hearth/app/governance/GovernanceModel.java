package org.hearth.app.governance;

import java.math.BigInteger;
import java.util.List;
import javafx.application.Platform;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.hearth.app.desktop.Messages;
import org.hearth.chain.Hex;
import org.hearth.chain.review.CallDecoder;
import org.hearth.chain.session.ChainSession;
import org.hearth.dao.Delegation;
import org.hearth.dao.Governor;
import org.hearth.dao.Governors;
import org.hearth.dao.Proposal;
import org.hearth.dao.ProposalAction;
import org.hearth.dao.ProposalActions;
import org.hearth.dao.ProposalSimulator;
import org.hearth.dao.ProposalState;
import org.hearth.dao.Proposals;
import org.hearth.dao.Vote;
import org.hearth.dao.VotingPower;

/**
 * The Governance screen's state: the known governors, the chosen one's proposals, loaded (synced
 * from logs, then read live) on a virtual thread when the screen is shown or after a transaction;
 * the selected proposal's actions in words and its votes; and the chain's clock, so countdowns to a
 * timelock ETA count in chain time. Results reach the FX thread here and only here.
 */
final class GovernanceModel {

    /** A proposal with what the detail shows; vote start and end as Unix seconds (estimated on a block clock). */
    record Row(Proposal proposal, List<ProposalAction> actions, List<Vote> votes, long startTime, long endTime) {
    }

    final ObservableList<Governor> governors = FXCollections.observableArrayList();
    final SimpleObjectProperty<Governor> governor = new SimpleObjectProperty<>();
    final ObservableList<Row> rows = FXCollections.observableArrayList();
    final SimpleStringProperty error = new SimpleStringProperty("");
    /** The latest block's timestamp minus this machine's clock at the last load, in seconds. */
    final SimpleLongProperty chainClockOffset = new SimpleLongProperty();
    /** The account's voting power on the governor's token, with its votes at the selected proposal's snapshot once that has passed. */
    final SimpleObjectProperty<VotingPower> power = new SimpleObjectProperty<>();
    /** The last simulation asked for (null: none yet). */
    final SimpleObjectProperty<SimulationView.State> simulation = new SimpleObjectProperty<>();
    private final java.util.concurrent.atomic.AtomicLong powerAsked = new java.util.concurrent.atomic.AtomicLong();
    /** Guards {@link #loading} and {@link #again}: a refresh asked for just as a load ends must not be lost. */
    private final Object loadState = new Object();
    private boolean loading;
    private boolean again;
    private volatile String wanted;

    /** Loads in the background; a refresh asked for during a load runs once after it. */
    void refresh(ChainSession session) {
        if (session == null) {
            return;
        }
        synchronized (loadState) {
            if (loading) {
                again = true;
                return;
            }
            loading = true;
        }
        Governor chosen = governor.get();
        String pick = wanted != null ? wanted : chosen == null ? null : chosen.address();
        Thread.ofVirtual().name("governance-load").start(() -> {
            try {
                load(session, pick);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                String message = Messages.describe(e);
                Platform.runLater(() -> error.set(message));
            } finally {
                boolean rerun;
                synchronized (loadState) {
                    loading = false;
                    rerun = again;
                    again = false;
                }
                if (rerun) {
                    Platform.runLater(() -> refresh(session));
                }
            }
        });
    }

    /** Shows the governor at {@code address} (one of the known ones, or one to check and add). */
    void choose(ChainSession session, String address) {
        wanted = address;
        refresh(session);
    }

    /** Checks an OpenZeppelin Governor by address, remembers it, and shows it. */
    void add(ChainSession session, String address) {
        Thread.ofVirtual().name("governance-add").start(() -> {
            try {
                Governor g = new Governors(session).add(address.strip());
                Platform.runLater(() -> choose(session, g.address()));
            } catch (RuntimeException e) {
                String message = Messages.describe(e);
                Platform.runLater(() -> error.set(message));
            }
        });
    }

    /** Runs {@code row}'s actions on a throwaway fork in the background; the fork is stopped whatever happens. */
    void simulate(ChainSession session, Row row, java.util.Map<String, String> ownAccounts) {
        Governor g = governor.get();
        if (session == null || g == null) {
            return;
        }
        java.math.BigInteger id = row.proposal().id();
        simulation.set(new SimulationView.State(id, true, null, null));
        Thread.ofVirtual().name("governance-simulate").start(() -> {
            SimulationView.State done;
            try {
                done = SimulationView.State.done(id, new ProposalSimulator(session).simulate(g, row.proposal().stored(), row.proposal().eta()), g, session, ownAccounts);
            } catch (RuntimeException e) {
                done = new SimulationView.State(id, false, null, Messages.describe(e));
            }
            SimulationView.State result = done;
            Platform.runLater(() -> simulation.set(result));
        });
    }

    /** Reads {@code account}'s voting power (null account: none); {@code row} (may be null) adds the votes at its snapshot. */
    void loadPower(ChainSession session, String account, Row row) {
        Governor g = governor.get();
        if (session == null || g == null || account == null) {
            power.set(null);
            return;
        }
        BigInteger snapshot = row == null || row.proposal().state() == ProposalState.PENDING ? null : row.proposal().stored().voteStart();
        long asked = powerAsked.incrementAndGet();
        Thread.ofVirtual().name("governance-power").start(() -> {
            try {
                VotingPower p = new Delegation(session.rpc()).of(g, account, snapshot);
                Platform.runLater(() -> {
                    // an answer to an older question must not replace a newer one; an unchanged one changes nothing (the
                    // screen reads the power every few seconds, and a new value rebuilds an active proposal's detail)
                    if (asked == powerAsked.get() && !p.equals(power.get())) {
                        power.set(p);
                    }
                });
            } catch (RuntimeException e) {
                String message = Messages.describe(e);
                Platform.runLater(() -> error.set(message));
            }
        });
    }

    private void load(ChainSession session, String pick) throws InterruptedException {
        List<Governor> all = new Governors(session).list();
        Governor g = all.stream().filter(x -> pick != null && x.address().equalsIgnoreCase(pick)).findFirst()
                .orElse(all.isEmpty() ? null : all.getFirst());
        if (g == null) {
            Platform.runLater(() -> {
                governors.clear();
                governor.set(null);
                rows.clear();
            });
            return;
        }
        Proposals proposals = new Proposals(session);
        proposals.sync(g);
        ProposalActions actions = new ProposalActions(session.rpc(), CallDecoder.shipped(), session.contracts());
        org.hearth.dao.ClockEstimates clock = new org.hearth.dao.ClockEstimates(session.rpc());
        List<Row> loaded = proposals.live(g).stream()
                .map(p -> new Row(p, actions.describe(p.stored()), proposals.votes(g, p.id()), clock.unixSeconds(g, p.stored().voteStart()),
                        clock.unixSeconds(g, p.stored().voteEnd()))).toList();
        long offset = chainTime(session) - System.currentTimeMillis() / 1000;
        Platform.runLater(() -> {
            if (!governors.equals(all)) {
                governors.setAll(all);
            }
            governor.set(g);
            if (pick != null && pick.equalsIgnoreCase(wanted)) {
                wanted = null;
            }
            chainClockOffset.set(offset);
            rows.setAll(loaded);
            error.set("");
        });
    }

    /** Re-reads the chain's clock (one call): time can jump on a test chain, and a countdown must follow it. */
    void syncClock(ChainSession session) {
        if (session == null) {
            return;
        }
        Thread.ofVirtual().name("governance-clock").start(() -> {
            try {
                long offset = chainTime(session) - System.currentTimeMillis() / 1000;
                Platform.runLater(() -> chainClockOffset.set(offset));
            } catch (RuntimeException e) {
                // the next tick tries again; the list's own load reports lasting failures
            }
        });
    }

    /** The latest block's timestamp: what a timelock compares its ETA with. */
    static long chainTime(ChainSession session) {
        var block = session.rpc().call("eth_getBlockByNumber", "latest", false);
        return Hex.quantity(block.path("timestamp").asText("0x0"), () -> new IllegalStateException("no block timestamp"))
                .min(BigInteger.valueOf(Long.MAX_VALUE)).longValue();
    }
}
