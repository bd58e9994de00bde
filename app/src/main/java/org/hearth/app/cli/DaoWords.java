package org.hearth.app.cli;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.hearth.app.desktop.Messages;
import org.hearth.chain.review.ReviewWarning;
import org.hearth.dao.ClockEstimates;
import org.hearth.dao.Governor;
import org.hearth.dao.ProposalAction;
import org.hearth.dao.StoredProposal;
import org.hearth.dao.VotingPower;
import org.hearth.money.Amounts;
import org.hearth.problem.Problems;

/** English for the DAO commands, from the app's bundle: amounts grouped with their decimals here, exact in JSON. */
final class DaoWords {

    private static final ResourceBundle TEXT = Messages.text(Locale.ROOT);

    private DaoWords() {
    }

    static String action(ProposalAction a) {
        List<Object> args = new ArrayList<>(a.args());
        if (a.key().equals(ProposalAction.TOKEN_TRANSFER)) {
            args.set(0, Amounts.formatGrouped(new BigInteger(a.args().get(0)), Integer.parseInt(a.args().get(1))));
        } else if (a.key().equals(ProposalAction.ETH_TRANSFER)) {
            args.set(0, Amounts.formatGrouped(new BigInteger(a.args().get(0)), 18));
        }
        return Problems.format(TEXT, a.key(), args);
    }

    static String warning(ReviewWarning w) {
        List<Object> args = new ArrayList<>(w.args());
        if (w.key().equals(ProposalAction.ETH_LEAVES_TREASURY)) {
            args.set(0, Amounts.formatGrouped(new BigInteger(w.args().get(0)), 18));
        }
        return Problems.format(TEXT, w.key(), args);
    }

    static String reason(VotingPower p) {
        Object arg = p.reason() != VotingPower.Reason.DELEGATED_ELSEWHERE ? timepoint(p.clock(), p.snapshot()) : p.delegate();
        return Problems.format(TEXT, "dao.power.reason." + p.reason().code(), List.of(arg));
    }

    /** A governor timepoint: a UTC time on the timestamp clock, "block N" on the block-number clock. */
    static String timepoint(Governor.Clock clock, BigInteger timepoint) {
        if (timepoint == null) {
            return "";
        }
        return clock == Governor.Clock.TIMESTAMP ? time(timepoint.longValueExact())
                : String.format(TEXT.getString("governance.snapshot.block"), timepoint);
    }

    /** Unix seconds as an ISO-8601 UTC time (exact, to the second). */
    static String time(long unixSeconds) {
        return java.time.Instant.ofEpochSecond(unixSeconds).toString();
    }

    /** When the vote runs: exact times on the timestamp clock; blocks with their estimated times on the block-number clock. */
    static String votingWindow(Governor governor, StoredProposal p, ClockEstimates times) {
        if (governor.clock() == Governor.Clock.TIMESTAMP) {
            return time(p.voteStart().longValueExact()) + " to " + time(p.voteEnd().longValueExact()) + " (timestamp clock)";
        }
        return "block " + p.voteStart() + " to block " + p.voteEnd() + " (about " + time(times.unixSeconds(governor, p.voteStart())) + " to "
                + time(times.unixSeconds(governor, p.voteEnd())) + ", block-number clock)";
    }
}
