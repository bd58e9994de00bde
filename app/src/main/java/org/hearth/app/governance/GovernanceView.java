package org.hearth.app.governance;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.hearth.app.control.Labels;
import org.hearth.app.control.ScreenHeader;
import org.hearth.app.desktop.ChainModel;
import org.hearth.app.shell.Page;
import org.hearth.chain.Addresses;
import org.hearth.chain.review.ReviewWarning;
import org.hearth.chain.session.ChainSession;
import org.hearth.dao.ProposalAction;
import org.hearth.dao.Vote;
import org.hearth.money.Amounts;
import org.hearth.problem.Problems;

/**
 * The Governance screen: the governor's proposals (title, state, For/Against/Abstain, quorum) and,
 * for the selected one, its actions in words with their warnings and the votes cast with reasons.
 * Descriptions and reasons are untrusted text: shown as plain labels, never markup.
 */
public final class GovernanceView {

    private GovernanceView() {
    }

    public static Page create(ResourceBundle text, ChainModel chain) {
        GovernanceModel model = new GovernanceModel();
        TableView<GovernanceModel.Row> table = new TableView<>(model.rows);
        table.setId("governance-proposals");
        table.getColumns().setAll(List.of(
                column(text.getString("governance.title"), 320, r -> r.proposal().title()),
                column(text.getString("governance.state"), 100, r -> text.getString("governance.state." + r.proposal().state().lower())),
                column(text.getString("governance.for"), 130, r -> tokens(r.proposal().forVotes())),
                column(text.getString("governance.against"), 130, r -> tokens(r.proposal().againstVotes())),
                column(text.getString("governance.abstain"), 130, r -> tokens(r.proposal().abstainVotes())),
                column(text.getString("governance.quorum"), 130, r -> tokens(r.proposal().quorum()))));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(text.getString("governance.none")));
        table.setPrefHeight(220);

        VBox detail = new VBox(6);
        detail.setId("governance-detail");
        table.getSelectionModel().selectedItemProperty().addListener((obs, was, row) -> detail.getChildren().setAll(detailOf(text, row)));

        Label error = new Label();
        error.getStyleClass().add("danger");
        error.setWrapText(true);
        error.textProperty().bind(model.error);

        VBox box = new VBox(14, new ScreenHeader(text.getString("governance.screenTitle"), text.getString("governance.subtitle")),
                error, table, detail);
        VBox.setVgrow(detail, Priority.ALWAYS);
        box.setPadding(new Insets(24));
        ChangeListener<ChainSession> follow = (obs, was, is) -> model.refresh(is);
        return new Page() {
            @Override
            public Node view() {
                return box;
            }

            @Override
            public void onActivate() {
                chain.session().addListener(follow);
                model.refresh(chain.session().get());
            }

            @Override
            public void onDeactivate() {
                chain.session().removeListener(follow);
            }
        };
    }

    private static List<Node> detailOf(ResourceBundle text, GovernanceModel.Row row) {
        List<Node> out = new ArrayList<>();
        if (row == null) {
            return out;
        }
        Label title = new Label(row.proposal().title());
        title.getStyleClass().add("title-3");
        title.setId("governance-detail-title");
        out.add(title);
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
                    text.getString("governance.support." + v.support().lower()), tokens(v.weight()), plain(v.reason())));
            vote.setWrapText(true);
            out.add(vote);
        }
        out.add(Labels.section(text.getString("governance.description")));
        Label description = new Label(plain(row.proposal().stored().description()));
        description.setWrapText(true);
        out.add(description);
        return out;
    }

    private static String actionText(ResourceBundle text, ProposalAction a) {
        List<Object> args = new ArrayList<>(a.args());
        if (a.key().equals(ProposalAction.TOKEN_TRANSFER)) {
            args.set(0, Amounts.formatGrouped(new BigInteger(a.args().get(0)), Integer.parseInt(a.args().get(1))));
        } else if (a.key().equals(ProposalAction.ETH_TRANSFER)) {
            args.set(0, Amounts.formatGrouped(new BigInteger(a.args().get(0)), 18));
        }
        return Problems.format(text, a.key(), args);
    }

    private static String warningText(ResourceBundle text, ReviewWarning w) {
        List<Object> args = new ArrayList<>(w.args());
        if (w.key().equals(ProposalAction.ETH_LEAVES_TREASURY)) {
            args.set(0, Amounts.formatGrouped(new BigInteger(w.args().get(0)), 18));
        }
        return Problems.format(text, w.key(), args);
    }

    /** Untrusted text without bidi overrides and other invisible controls, at most 20,000 characters. */
    private static String plain(String s) {
        String clean = s.replaceAll("[\\p{Cf}\\p{Co}\\p{Cs}]", "");
        return clean.length() > 20_000 ? clean.substring(0, 20_000) + "…" : clean;
    }

    private static String tokens(BigInteger units) {
        return Amounts.formatGrouped(units, 18);
    }

    private static TableColumn<GovernanceModel.Row, String> column(String title, double width,
                                                                  java.util.function.Function<GovernanceModel.Row, String> value) {
        TableColumn<GovernanceModel.Row, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        return c;
    }
}
