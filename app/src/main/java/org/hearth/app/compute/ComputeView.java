package org.hearth.app.compute;

import atlantafx.base.controls.ToggleSwitch;
import java.util.ResourceBundle;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.hearth.app.control.Labels;
import org.hearth.app.control.ScreenHeader;
import org.hearth.app.shell.Navigator;
import org.hearth.app.shell.Page;
import org.hearth.app.shell.Screen;
import org.hearth.app.wallet.WalletModel;
import org.hearth.compute.provider.LocalJobLoop;

/** The Compute screen: the share toggle over tabs for sharing choices and the live view of the agent. */
public final class ComputeView {

    /** The symbol earnings and the electricity price are shown in (the demo market's token). */
    static final String TOKEN_SYMBOL = "HRTH";

    private ComputeView() {
    }

    public static Page create(ResourceBundle text, ComputeModel model, Navigator<Screen> navigator, WalletModel wallet) {
        MarketShareModel market = model.market(wallet);
        MarketTxFlow flow = new MarketTxFlow(text, navigator);
        ToggleSwitch share = new ToggleSwitch(text.getString("compute.share"));
        share.setId("compute-share");
        share.selectedProperty().bindBidirectional(model.sharing);
        share.selectedProperty().addListener((obs, was, is) -> model.setSharing(is));
        share.disableProperty().bind(model.stopping.finishing); // it stops by itself once the held job is submitted
        model.stopping.setAsker((job, quote, answer) -> StopDialog.show(text, share.getScene() == null ? null : share.getScene().getWindow(),
                job, quote, answer));
        Label status = new Label();
        status.setId("compute-status");
        status.getStyleClass().add("text-muted");
        status.textProperty().bind(model.status);
        Label backend = new Label();
        backend.setId("compute-backend");
        backend.textProperty().bind(Bindings.createStringBinding(() -> model.backend.get().isEmpty()
                ? "" : String.format(text.getString("compute.backend"), model.backend.get()), model.backend));
        HBox top = new HBox(16, share, backend);
        top.setAlignment(Pos.CENTER_LEFT);

        TileCanvas canvas = new TileCanvas();
        // The image is painted only while the screen shows it; the worker's jobs go on regardless.
        ChangeListener<LocalJobLoop.TileDone> paint = (obs, was, tile) -> {
            if (tile != null) {
                canvas.paint(tile);
            }
        };
        ChangeListener<Integer> newImage = (obs, was, is) -> canvas.clear();

        VBox shareTab = new VBox(14, Labels.section(text.getString("market.title")), MarketSetupPane.create(text, model, market, flow),
                Labels.section(text.getString("compute.policy")), PolicyPane.create(text, model),
                Labels.section(text.getString("limits.title")), LimitsPane.create(text, model),
                Labels.section(text.getString("compute.devices")), DevicesPane.create(text, model),
                Labels.section(text.getString("electricity.title")), ElectricityPane.create(text, model, TOKEN_SYMBOL));
        Node jobs = JobsPane.create(text, market, entry -> navigator.push(JobDetailsPage.create(text, entry, market.blobs())));
        TabPane tabs = new TabPane(tab(text, "share", shareTab), tab(text, "live", LivePane.create(text, model, canvas)),
                tab(text, "earnings", EarningsPane.create(text, market, flow)), tab(text, "jobs", jobs),
                tab(text, "requests", RequestsPane.create(text, model.requests(text, market), market, navigator)));
        tabs.setId("compute-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);

        VBox box = new VBox(14, new ScreenHeader(text.getString("nav.compute"), text.getString("screen.compute.subtitle")), top, status, tabs);
        box.setPadding(new Insets(24));
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        scroll.setId("compute-screen");
        // the estimate grows while sharing runs: re-read it every few seconds while the screen shows it
        Timeline estimate = new Timeline(new KeyFrame(Duration.seconds(5), e -> model.choices.refreshEstimate()),
                new KeyFrame(Duration.seconds(3), e -> market.refresh(market.account.get())));
        estimate.setCycleCount(Timeline.INDEFINITE);
        return new Page() {
            @Override
            public Node view() {
                return scroll;
            }

            @Override
            public void onActivate() {
                model.lastTile.addListener(paint);
                model.imagePass.addListener(newImage);
                if (!model.sharing.get()) {
                    model.refreshThermal(); // while sharing, the policy's own readings arrive
                }
                model.choices.refreshEstimate();
                market.refresh(market.account.get());
                estimate.play();
            }

            @Override
            public void onDeactivate() {
                model.lastTile.removeListener(paint);
                model.imagePass.removeListener(newImage);
                estimate.stop();
            }
        };
    }

    private static Tab tab(ResourceBundle text, String id, Node content) {
        Tab tab = new Tab(text.getString("compute.tab." + id), content);
        tab.setId("compute-tab-" + id);
        VBox.setMargin(content, new Insets(12, 0, 0, 0));
        if (content instanceof VBox v) {
            v.setPadding(new Insets(12, 0, 0, 0));
        }
        return tab;
    }
}
