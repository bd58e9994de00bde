package org.hearth.app.compute;

import java.util.ResourceBundle;
import java.util.function.Consumer;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.stage.Window;
import org.hearth.market.share.StopQuote;
import org.hearth.money.Amounts;

/**
 * Asks what to do with the market job the agent holds when sharing is turned off: finish it, then stop
 * (the default), release it now (saying what that costs), or cancel. Shown without blocking the FX thread;
 * the exec window's time left counts down while the dialog is open.
 */
final class StopDialog {

    private StopDialog() {
    }

    static void show(ResourceBundle text, Window owner, long jobId, StopQuote quote, Consumer<SharingStop.Choice> answer) {
        ButtonType finish = new ButtonType(text.getString("stop.finish"), ButtonBar.ButtonData.OK_DONE);
        ButtonType release = new ButtonType(text.getString("stop.release"), ButtonBar.ButtonData.OTHER);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "", release, ButtonType.CANCEL, finish);
        alert.initOwner(owner);
        alert.setTitle(text.getString("stop.title"));
        alert.setHeaderText(String.format(text.getString("stop.header"), jobId));
        Label body = new Label(body(text, jobId, quote));
        body.setId("stop-body");
        body.setWrapText(true);
        body.setMaxWidth(460);
        alert.getDialogPane().setContent(body);
        alert.getDialogPane().setId("stop-dialog");
        for (var id : java.util.Map.of(finish, "stop-finish", release, "stop-release", ButtonType.CANCEL, "stop-cancel").entrySet()) {
            javafx.scene.control.Button b = (javafx.scene.control.Button) alert.getDialogPane().lookupButton(id.getKey());
            b.setId(id.getValue());
            b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // the choices are read in full, never cut short
            ButtonBar.setButtonUniformSize(b, false);
        }
        long shownAt = System.nanoTime();
        javafx.animation.Timeline countdown = new javafx.animation.Timeline(new javafx.animation.KeyFrame(javafx.util.Duration.seconds(1),
                e -> body.setText(body(text, jobId, quote == null ? null : quote.after((System.nanoTime() - shownAt) / 1_000_000_000L)))));
        countdown.setCycleCount(javafx.animation.Animation.INDEFINITE);
        countdown.play();
        alert.setOnHidden(e -> {
            countdown.stop();
            ButtonType chosen = alert.getResult();
            answer.accept(chosen == finish ? SharingStop.Choice.FINISH : chosen == release ? SharingStop.Choice.RELEASE : SharingStop.Choice.CANCEL);
        });
        alert.show();
    }

    static String body(ResourceBundle text, long jobId, StopQuote quote) {
        if (quote == null) {
            return String.format(text.getString("stop.unknown"), jobId);
        }
        String symbol = ComputeView.TOKEN_SYMBOL;
        String kind = quote.kind().map(k -> text.getString("stop.kind." + k.kernel())).orElse(text.getString("stop.kind.unknown"));
        String job = String.format(text.getString("stop.job"), jobId, kind, Amounts.formatGrouped(quote.price(), ComputeChoices.TOKEN_DECIMALS), symbol,
                DurationWords.of(text, quote.secondsLeft()));
        String cost = quote.releasePenalty().signum() == 0 ? text.getString("stop.releaseFree")
                : String.format(text.getString("stop.releaseCost"), Amounts.formatGrouped(quote.releasePenalty(), ComputeChoices.TOKEN_DECIMALS),
                        Amounts.formatGrouped(quote.bond(), ComputeChoices.TOKEN_DECIMALS), symbol);
        return job + "\n\n" + text.getString("stop.finishMeans") + "\n\n" + cost;
    }
}
