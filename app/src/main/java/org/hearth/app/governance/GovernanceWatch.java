package org.hearth.app.governance;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.hearth.app.desktop.ChainModel;
import org.hearth.app.desktop.Timers;
import org.hearth.chain.session.ChainSession;
import org.hearth.dao.ClockEstimates;
import org.hearth.dao.GovernanceNotices;
import org.hearth.dao.Governor;
import org.hearth.dao.Governors;
import org.hearth.dao.Proposal;
import org.hearth.dao.Proposals;
import org.hearth.store.SettingsRepository;

/**
 * The app's governance notices (new proposals, votes ending within a day, proposals ready to queue
 * or execute) for the badge on the Governance item and the screen's list. Checked once a minute on
 * a daemon thread from what the background indexer already stored, plus the live state; the
 * Governance screen marks what it showed as seen.
 */
public final class GovernanceWatch implements AutoCloseable {

    private static final long FIRST_CHECK_SECONDS = 20;
    private static final long PERIOD_SECONDS = 60;

    public final ObservableList<GovernanceNotices.Notice> notices = FXCollections.observableArrayList();
    private final ScheduledExecutorService timer = Timers.daemon("governance-watch");
    private final ChainModel chain;
    private final SettingsRepository settings;

    private GovernanceWatch(ChainModel chain, SettingsRepository settings) {
        this.chain = chain;
        this.settings = settings;
    }

    public static GovernanceWatch start(ChainModel chain, SettingsRepository settings) {
        GovernanceWatch watch = new GovernanceWatch(chain, settings);
        watch.timer.scheduleWithFixedDelay(watch::check, FIRST_CHECK_SECONDS, PERIOD_SECONDS, TimeUnit.SECONDS);
        return watch;
    }

    /** Checks now, in the background. */
    public void checkSoon() {
        timer.execute(this::check);
    }

    /** The governor's listed proposals were shown: they are no longer new. */
    void seen(ChainSession session, Governor governor, List<BigInteger> ids) {
        timer.execute(() -> {
            GovernanceNotices.markSeen(settings, session.chainId(), governor, ids);
            check();
        });
    }

    private void check() {
        ChainSession session = chain.session().get();
        if (session == null || session.isClosed()) {
            return;
        }
        try {
            List<GovernanceNotices.Notice> out = new ArrayList<>();
            ClockEstimates clock = new ClockEstimates(session.rpc());
            long now = GovernanceModel.chainTime(session);
            Proposals proposals = new Proposals(session);
            for (Governor g : new Governors(session).list()) {
                proposals.follow(g);
                List<Proposal> live = proposals.live(g);
                Set<BigInteger> seen = GovernanceNotices.seen(settings, session.chainId(), g);
                if (seen == null) { // the first look at this governor: what exists now is not news
                    GovernanceNotices.markSeen(settings, session.chainId(), g, live.stream().map(Proposal::id).toList());
                    seen = Set.copyOf(live.stream().map(Proposal::id).toList());
                }
                out.addAll(GovernanceNotices.of(g, live, seen, now, p -> clock.unixSeconds(g, p.stored().voteEnd())));
            }
            Platform.runLater(() -> notices.setAll(out));
        } catch (RuntimeException e) {
            // the node may be restarting; the next check tries again
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
