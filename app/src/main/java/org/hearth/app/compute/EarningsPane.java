package org.hearth.app.compute;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.ResourceBundle;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.hearth.app.control.AmountLabel;
import org.hearth.app.control.Labels;
import org.hearth.app.desktop.Messages;
import org.hearth.market.earnings.EarningsReport;
import org.hearth.market.share.MarketCall;
import org.hearth.market.share.ShareAccount;
import org.hearth.money.Amounts;

/**
 * Earnings on the market: earned, pending, disputed, slashed, fees; per day as a chart beside the
 * electricity estimate; net of it; and withdrawing credits and unstaking (with the cooldown) through the review.
 */
final class EarningsPane {

    private static final int DECIMALS = ComputeChoices.TOKEN_DECIMALS;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withZone(ZoneId.systemDefault());

    private EarningsPane() {
    }

    static Node create(ResourceBundle text, MarketShareModel market, MarketTxFlow flow) {
        String symbol = ComputeView.TOKEN_SYMBOL;
        GridPane figures = new GridPane(24, 6);
        String[] keys = {"earned", "pending", "disputed", "fees", "electricity", "net", "credits", "stake"};
        AmountLabel[] amounts = new AmountLabel[keys.length];
        for (int i = 0; i < keys.length; i++) {
            amounts[i] = new AmountLabel(DECIMALS, symbol);
            amounts[i].setId("earnings-" + keys[i]);
            figures.addRow(i, Labels.muted(text.getString("earnings." + keys[i])), amounts[i]);
        }
        Label slashed = new Label();
        slashed.setId("earnings-slashed");
        figures.addRow(keys.length, Labels.muted(text.getString("earnings.slashed")), slashed);
        Label estimateNote = Wrapped.muted(new Label(text.getString("earnings.estimateNote")));

        CategoryAxis days = new CategoryAxis();
        NumberAxis value = new NumberAxis();
        value.setLabel(symbol);
        BarChart<String, Number> chart = new BarChart<>(days, value);
        chart.setId("earnings-chart");
        chart.setTitle(text.getString("earnings.perDay"));
        chart.setAnimated(false);
        chart.setPrefHeight(240);
        XYChart.Series<String, Number> earnedSeries = new XYChart.Series<>();
        earnedSeries.setName(text.getString("earnings.earned"));
        XYChart.Series<String, Number> powerSeries = new XYChart.Series<>();
        powerSeries.setName(text.getString("earnings.electricity"));
        chart.getData().add(earnedSeries);
        chart.getData().add(powerSeries);

        market.report.addListener((obs, was, r) -> {
            if (r == null) {
                return;
            }
            BigInteger[] v = {r.earned(), r.pending(), r.disputed(), r.fees(), r.electricity(), r.net()};
            for (int i = 0; i < v.length; i++) {
                amounts[i].setUnits(v[i]);
            }
            slashed.setText(Long.toString(r.slashedJobs()));
            List<EarningsReport.Day> perDay = r.days();
            // a chart's scale only: the exact amounts are the labels above
            earnedSeries.getData().setAll(perDay.stream().map(d -> new XYChart.Data<String, Number>(d.day().toString(), tokens(d.earned()))).toList());
            powerSeries.getData().setAll(perDay.stream().map(d -> new XYChart.Data<String, Number>(d.day().toString(), tokens(d.electricity()))).toList());
        });

        Label cooldown = Wrapped.muted(new Label());
        cooldown.setId("earnings-cooldown");
        Button withdraw = new Button(text.getString("earnings.withdraw"));
        withdraw.setId("earnings-withdraw");
        TextField unstakeAmount = new TextField();
        unstakeAmount.setId("earnings-unstake-amount");
        unstakeAmount.setPrefColumnCount(8);
        Button unstake = new Button(text.getString("earnings.unstake"));
        unstake.setId("earnings-unstake");
        Button complete = new Button(text.getString("earnings.completeUnstake"));
        complete.setId("earnings-complete-unstake");
        market.standing.addListener((obs, was, s) -> {
            if (s == null || !s.account().equalsIgnoreCase(market.account.get())) {
                return;
            }
            amounts[6].setUnits(s.credits());
            amounts[7].setUnits(s.provider().stake());
            withdraw.setDisable(s.credits().signum() == 0);
            complete.setDisable(s.provider().unstaking().signum() == 0);
            cooldown.setText(s.provider().unstaking().signum() == 0
                    ? String.format(text.getString("earnings.cooldownNone"), DurationWords.of(text, s.unstakeCooldown()))
                    : String.format(text.getString("earnings.cooldown"), Amounts.formatGrouped(s.provider().unstaking(), DECIMALS), symbol,
                    WHEN.format(Instant.ofEpochSecond(s.provider().unstakeReadyAt()))));
        });
        withdraw.setOnAction(e -> send(market, flow, s -> s.withdrawCall()));
        unstake.setOnAction(e -> send(market, flow, s -> s.requestUnstakeCall(Amounts.parse(unstakeAmount.getText(), DECIMALS))));
        complete.setOnAction(e -> send(market, flow, ShareAccount::completeUnstakeCall));
        HBox actions = new HBox(10, withdraw, new Label(text.getString("earnings.unstakeAmount")), unstakeAmount, new Label(symbol), unstake, complete);
        actions.setAlignment(Pos.CENTER_LEFT);
        Label error = new Label();
        error.getStyleClass().add("danger");
        error.textProperty().bind(market.error);
        Label none = Wrapped.muted(new Label(text.getString("earnings.notJoined")));
        none.visibleProperty().bind(market.account.isEmpty());
        none.managedProperty().bind(none.visibleProperty());
        VBox body = new VBox(12, figures, estimateNote, chart, actions, cooldown, error);
        body.visibleProperty().bind(market.account.isNotEmpty());
        body.managedProperty().bind(body.visibleProperty());
        return new VBox(12, none, body);
    }

    private static void send(MarketShareModel market, MarketTxFlow flow, java.util.function.Function<ShareAccount, MarketCall> call) {
        ShareAccount s = market.standing.get();
        String who = market.account.get();
        try {
            MarketCall c = call.apply(s);
            flow.run(market.session().orElseThrow(), who, () -> market.wallet().signer(who), List.of(c), done -> market.refresh(who),
                    failure -> market.error.set(Messages.describe(failure)));
        } catch (RuntimeException failure) {
            market.error.set(Messages.describe(failure));
        }
    }

    private static double tokens(BigInteger units) {
        return new BigDecimal(units, DECIMALS).doubleValue();
    }
}
