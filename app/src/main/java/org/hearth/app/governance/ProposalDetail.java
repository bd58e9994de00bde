package org.hearth.app.governance;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import org.hearth.app.control.Labels;
import org.hearth.chain.Addresses;
import org.hearth.chain.review.ReviewWarning;
import org.hearth.dao.Proposal;
import org.hearth.dao.ProposalAction;
import org.hearth.dao.Vote;
import org.hearth.money.Amounts;
import org.hearth.problem.Problems;

/**
 * The read-only parts of a proposal's detail: its title and state, the tally as a bar with the quorum
 * line, its actions in words with their warnings, the votes cast with reasons, and the description
 * rendered from Markdown as plain text. Untrusted text never becomes markup.
 */
final class ProposalDetail {

    private static final double BAR_WIDTH = 420;

    private ProposalDetail() {
    }

    static List<Node> header(ResourceBundle text, org.hearth.dao.Governor governor, GovernanceModel.Row row) {
        Proposal p = row.proposal();
        Label title = new Label(MarkdownView.plain(p.title()));
        title.getStyleClass().add("title-3");
        title.setId("governance-detail-title");
        title.setWrapText(true);
        Label state = new Label(String.format(text.getString("governance.detail.state"), text.getString("governance.state." + p.state().lower()),
                Addresses.checksummed(p.stored().proposer())));
        state.setId("governance-detail-state");
        Label tally = Labels.muted(String.format(text.getString("governance.detail.tally"), tokens(p.forVotes()), tokens(p.againstVotes()),
                tokens(p.abstainVotes()), tokens(p.quorum())));
        tally.setId("governance-detail-tally");
        return List.of(title, state, times(text, governor, row), bar(p), tally);
    }

    private static final java.time.format.DateTimeFormatter WHEN = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** Start and end of the vote: blocks with their estimated times, or times on a timestamp clock. */
    private static Label times(ResourceBundle text, org.hearth.dao.Governor governor, GovernanceModel.Row row) {
        String start = WHEN.format(java.time.Instant.ofEpochSecond(row.startTime()).atZone(java.time.ZoneId.systemDefault()));
        String end = WHEN.format(java.time.Instant.ofEpochSecond(row.endTime()).atZone(java.time.ZoneId.systemDefault()));
        boolean blocks = governor.clock() == org.hearth.dao.Governor.Clock.BLOCK_NUMBER;
        Label l = Labels.muted(blocks
                ? String.format(text.getString("governance.detail.blocks"), String.format("%,d", row.proposal().stored().voteStart()), start,
                        String.format("%,d", row.proposal().stored().voteEnd()), end)
                : String.format(text.getString("governance.detail.times"), start, end));
        l.setId("governance-detail-times");
        return l;
    }

    /** For, against and abstain side by side, scaled to the larger of the votes cast and the quorum, with the quorum as a line. */
    private static Node bar(Proposal p) {
        BigInteger cast = p.forVotes().add(p.againstVotes()).add(p.abstainVotes());
        BigInteger scale = cast.max(p.quorum()).max(BigInteger.ONE);
        HBox parts = new HBox(part(p.forVotes(), scale, "hearth-tally-for"), part(p.againstVotes(), scale, "hearth-tally-against"),
                part(p.abstainVotes(), scale, "hearth-tally-abstain"));
        Region track = new Region();
        track.getStyleClass().add("hearth-tally");
        track.setPrefSize(BAR_WIDTH, 10);
        Region quorum = new Region();
        quorum.getStyleClass().add("hearth-tally-quorum");
        quorum.setPrefSize(2, 16);
        quorum.setMaxSize(2, 16);
        quorum.setTranslateX(width(p.quorum(), scale) - 1);
        StackPane stack = new StackPane(track, parts, quorum);
        stack.setAlignment(Pos.CENTER_LEFT);
        stack.setMaxWidth(BAR_WIDTH);
        stack.setId("governance-tally-bar");
        return stack;
    }

    private static Region part(BigInteger votes, BigInteger scale, String style) {
        Region r = new Region();
        r.getStyleClass().add(style);
        r.setPrefSize(width(votes, scale), 10);
        r.setMaxHeight(10);
        return r;
    }

    private static double width(BigInteger votes, BigInteger scale) {
        return new java.math.BigDecimal(votes).multiply(java.math.BigDecimal.valueOf(BAR_WIDTH))
                .divide(new java.math.BigDecimal(scale), java.math.MathContext.DECIMAL64).doubleValue();
    }

    static List<Node> body(ResourceBundle text, GovernanceModel.Row row) {
        List<Node> out = new ArrayList<>();
        out.add(Labels.section(text.getString("governance.actions")));
        for (ProposalAction a : row.actions()) {
            Label action = new Label(actionText(text, a));
            action.getStyleClass().add("governance-action");
            action.setWrapText(true);
            out.add(action);
            for (ReviewWarning w : a.warnings()) {
                Label warning = new Label(warningText(text, w));
                warning.getStyleClass().add("danger");
                warning.setWrapText(true);
                out.add(warning);
            }
        }
        out.add(Labels.section(text.getString("governance.votes")));
        if (row.votes().isEmpty()) {
            out.add(Labels.muted(text.getString("governance.noVotes")));
        }
        for (Vote v : row.votes()) {
            Label vote = new Label(String.format(text.getString("governance.vote"), Addresses.checksummed(v.voter()),
                    text.getString("governance.support." + v.support().lower()), tokens(v.weight()), clip(MarkdownView.plain(v.reason()))));
            vote.setWrapText(true);
            out.add(vote);
        }
        out.add(Labels.section(text.getString("governance.description")));
        out.add(MarkdownView.render(text, row.proposal().stored().description(), "governance-description"));
        return out;
    }

    static String actionText(ResourceBundle text, ProposalAction a) {
        List<Object> args = new ArrayList<>(a.args());
        if (a.key().equals(ProposalAction.TOKEN_TRANSFER)) {
            args.set(0, Amounts.formatGrouped(new BigInteger(a.args().get(0)), Integer.parseInt(a.args().get(1))));
        } else if (a.key().equals(ProposalAction.ETH_TRANSFER)) {
            args.set(0, Amounts.formatGrouped(new BigInteger(a.args().get(0)), 18));
        }
        return Problems.format(text, a.key(), args);
    }

    static String warningText(ResourceBundle text, ReviewWarning w) {
        List<Object> args = new ArrayList<>(w.args());
        if (w.key().equals(ProposalAction.ETH_LEAVES_TREASURY)) {
            args.set(0, Amounts.formatGrouped(new BigInteger(w.args().get(0)), 18));
        }
        return Problems.format(text, w.key(), args);
    }

    /** The plain answer to "why is my voting power zero?". */
    static String reason(ResourceBundle text, org.hearth.dao.VotingPower p) {
        Object arg = p.reason() == org.hearth.dao.VotingPower.Reason.DELEGATED_ELSEWHERE ? p.delegate() : snapshot(text, p);
        return Problems.format(text, "dao.power.reason." + p.reason().code(), List.of(arg));
    }

    /** A proposal's snapshot in words: its time on a timestamp clock, "block N" on a block-number clock. */
    static String snapshot(ResourceBundle text, org.hearth.dao.VotingPower p) {
        if (p.snapshot() == null) {
            return "";
        }
        return p.clock() == org.hearth.dao.Governor.Clock.TIMESTAMP
                ? WHEN.format(java.time.Instant.ofEpochSecond(p.snapshot().longValueExact()).atZone(java.time.ZoneId.systemDefault()))
                : String.format(text.getString("governance.snapshot.block"), String.format("%,d", p.snapshot()));
    }

    static String tokens(BigInteger units) {
        return Amounts.formatGrouped(units, 18);
    }

    private static String clip(String s) {
        return s.length() > 2_000 ? s.substring(0, 2_000) + "…" : s;
    }

    static void grow(Node n) {
        HBox.setHgrow(n, Priority.ALWAYS);
    }
}
